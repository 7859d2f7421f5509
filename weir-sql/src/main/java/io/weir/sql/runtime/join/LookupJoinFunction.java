package io.weir.sql.runtime.join;

import io.weir.api.functions.Collector;
import io.weir.api.functions.OpenContext;
import io.weir.api.functions.RichFlatMapFunction;
import io.weir.api.types.Row;
import io.weir.sql.connectors.LookupCache;
import io.weir.sql.connectors.LookupProvider;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A lookup join ({@code JOIN dim FOR SYSTEM_TIME AS OF probe.proc_time}): each probe row's key
 * values are looked up in the table as it is when the row is processed (or in the cache in front
 * of it), and the row is emitted joined with each row found that passes the remaining condition,
 * with the probe row's change kind. A LEFT join pads a row that finds none with nulls; a key with a
 * null finds none. Nothing is kept in state: the table is the state.
 *
 * <p>Threading: called by the task's thread only; a lookup blocks it while the table answers.
 */
public final class LookupJoinFunction extends RichFlatMapFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    /**
     * @param keyFields the probe row's fields whose values are looked up, in the order of the table's
     *     key columns; null when a key value is an expression ({@code CAST(o.k AS INT)}, a constant)
     * @param keyClass when {@code keyFields} is null: generated code computing the key values from the probe row
     * @param residualClass generated check of the rest of the condition on the joined row, or null
     */
    public record Spec(boolean leftOuter, int[] keyFields, String keyClass, String keySource, int leftArity,
            int rightArity, LookupProvider provider, String residualClass, String residualSource)
            implements Serializable {

        /** A join whose key values are the probe row's fields {@code keyFields}. */
        public static Spec onFields(boolean leftOuter, int[] keyFields, int leftArity, int rightArity,
                LookupProvider provider) {
            return new Spec(leftOuter, keyFields, null, null, leftArity, rightArity, provider, null, null);
        }
    }

    private final Spec spec;
    private transient LookupJoinRows rows;
    private transient LookupCache cache;
    private transient List<Row> joined;

    public LookupJoinFunction(Spec spec) {
        this.spec = spec;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        rows = new LookupJoinRows(spec);
        joined = new ArrayList<>();
        cache = spec.provider().cache();
        if (cache != null) {
            cache.open();
        }
        spec.provider().function().open();
    }

    @Override
    public void close() throws Exception {
        spec.provider().function().close();
    }

    @Override
    public void flatMap(Row probe, Collector<Row> out) throws Exception {
        Row key = rows.key(probe);
        joined.clear();
        rows.join(probe, key == null ? List.of() : lookup(key), joined);
        for (Row row : joined) {
            out.collect(row);
        }
    }

    private Collection<Row> lookup(Row key) throws Exception {
        Collection<Row> found = cache == null ? null : cache.getIfPresent(key);
        if (found == null) {
            found = spec.provider().function().lookup(key);
            if (cache != null) {
                cache.put(key, found);
            }
        }
        return found;
    }
}
