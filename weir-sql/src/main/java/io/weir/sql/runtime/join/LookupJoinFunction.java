package io.weir.sql.runtime.join;

import io.weir.api.functions.Collector;
import io.weir.api.functions.OpenContext;
import io.weir.api.functions.RichFlatMapFunction;
import io.weir.api.types.Row;
import io.weir.sql.connectors.LookupCache;
import io.weir.sql.connectors.LookupProvider;
import io.weir.sql.runtime.CompiledCalc;
import io.weir.sql.runtime.RowProgram;
import java.io.Serializable;
import java.util.Collection;

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
    private transient RowProgram residual;
    private transient RowProgram keyValues;
    private transient LookupCache cache;

    public LookupJoinFunction(Spec spec) {
        this.spec = spec;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        residual = spec.residualClass() == null ? null : CompiledCalc.compile(spec.residualClass(), spec.residualSource());
        keyValues = spec.keyClass() == null ? null : CompiledCalc.compile(spec.keyClass(), spec.keySource());
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
        boolean joinedAny = false;
        Row key = key(probe);
        if (key != null) {
            for (Row found : lookup(key)) {
                Row joined = joined(probe, found);
                if (residual == null || residual.apply(joined) != null) {
                    out.collect(joined);
                    joinedAny = true;
                }
            }
        }
        if (!joinedAny && spec.leftOuter()) {
            out.collect(joined(probe, null));
        }
    }

    private Collection<Row> lookup(Row key) throws Exception {
        Collection<Row> rows = cache == null ? null : cache.getIfPresent(key);
        if (rows == null) {
            rows = spec.provider().function().lookup(key);
            if (cache != null) {
                cache.put(key, rows);
            }
        }
        return rows;
    }

    /** The probe row's key values, or null if one is null (SQL's {@code =} never matches a null). */
    private Row key(Row probe) {
        Row key;
        if (keyValues != null) {
            key = keyValues.apply(probe);
        } else {
            key = new Row(spec.keyFields().length);
            for (int i = 0; i < spec.keyFields().length; i++) {
                key.setField(i, probe.getField(spec.keyFields()[i]));
            }
        }
        for (int i = 0; i < key.getArity(); i++) {
            if (key.getField(i) == null) {
                return null;
            }
        }
        key.setKind(io.weir.api.types.RowKind.INSERT); // a cache key: equal values, equal keys
        return key;
    }

    private Row joined(Row left, Row right) {
        Row joined = new Row(left.getKind(), spec.leftArity() + spec.rightArity());
        for (int i = 0; i < spec.leftArity(); i++) {
            joined.setField(i, left.getField(i));
        }
        for (int i = 0; i < spec.rightArity(); i++) {
            joined.setField(spec.leftArity() + i, right == null ? null : right.getField(i));
        }
        return joined;
    }
}
