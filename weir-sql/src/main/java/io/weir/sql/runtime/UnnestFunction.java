package io.weir.sql.runtime;

import io.weir.api.functions.Collector;
import io.weir.api.functions.FlatMapFunction;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import java.util.List;
import java.util.Map;

/**
 * {@code CROSS JOIN UNNEST(t.c)} (and {@code LEFT JOIN UNNEST(t.c) ON TRUE}): each input row is
 * emitted once per element of its collection column, followed by the element — an ARRAY's
 * elements in order (a ROW element spread into its fields), a MAP's entries as key and value, a
 * MULTISET's elements as often as they occur — and with {@code WITH ORDINALITY} the element's
 * position (from 1). Each output row keeps its input row's change kind, so an updating input
 * retracts what it emitted before. A row whose collection is null or empty is dropped, or, in a
 * LEFT join, emitted once padded with nulls.
 *
 * <p>Threading: called by the task's thread only.
 */
public final class UnnestFunction implements FlatMapFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    /** What the collection column holds. */
    public enum Kind { ARRAY, MAP, MULTISET }

    /**
     * @param field the input's collection column
     * @param spreadRows whether ARRAY elements are ROWs whose fields become columns
     * @param elementArity how many columns an element gives (without the ordinality)
     * @param keptFields how many of the input's first fields the output keeps ahead of the element: all
     *     of them for a column of the joined table; fewer when the collection was computed into an extra
     *     last column ({@code UNNEST(SPLIT(t.s, ','))}), or none for {@code FROM UNNEST(ARRAY[...])}
     */
    public record Spec(int field, Kind kind, boolean spreadRows, int elementArity, boolean withOrdinality,
            boolean leftOuter, int keptFields, TableAggregateKinds tableAggregate) implements java.io.Serializable {
    }

    /**
     * How the rows of a table aggregate ({@code flatAggregate}) get their kinds, as in Flink: {@code NONE}
     * for any other collection (each output row keeps its input row's kind); {@code EMIT_VALUE}: the rows
     * of an added or updated result are {@code +I}, those of a taken-back result {@code -D};
     * {@code WITH_RETRACT} ({@code emitUpdateWithRetract}): taken-back results are skipped, and each row
     * of a new result is {@code -D} or {@code +I} as its last field (the retraction flag) says.
     */
    public enum TableAggregateKinds { NONE, EMIT_VALUE, WITH_RETRACT }

    private final Spec spec;

    public UnnestFunction(Spec spec) {
        this.spec = spec;
    }

    @Override
    public void flatMap(Row row, Collector<Row> out) {
        boolean takenBack = row.getKind() == RowKind.UPDATE_BEFORE || row.getKind() == RowKind.DELETE;
        if (spec.tableAggregate() != TableAggregateKinds.NONE) {
            if (spec.tableAggregate() == TableAggregateKinds.WITH_RETRACT && takenBack) {
                return;
            }
            Object rows = row.getField(spec.field());
            if (rows instanceof List<?> list) {
                for (Object element : list) {
                    Row joined = joined(row, element, null, 0, true);
                    joined.setKind(takenBack || spec.tableAggregate() == TableAggregateKinds.WITH_RETRACT
                            && Boolean.TRUE.equals(((Row) element).getField(spec.elementArity() - 1))
                            ? RowKind.DELETE : RowKind.INSERT);
                    out.collect(joined);
                }
            }
            return;
        }
        Object collection = row.getField(spec.field());
        int emitted = 0;
        if (collection instanceof List<?> list) {
            for (Object element : list) {
                out.collect(joined(row, element, null, ++emitted));
            }
        } else if (collection instanceof Map<?, ?> map && spec.kind() == Kind.MAP) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.collect(joined(row, entry.getKey(), entry.getValue(), ++emitted));
            }
        } else if (collection instanceof Map<?, ?> multiset) {
            for (Map.Entry<?, ?> entry : multiset.entrySet()) {
                int count = entry.getValue() == null ? 0 : ((Number) entry.getValue()).intValue();
                for (int i = 0; i < count; i++) {
                    out.collect(joined(row, entry.getKey(), null, ++emitted));
                }
            }
        }
        if (emitted == 0 && spec.leftOuter()) {
            out.collect(joined(row, null, null, 0));
        }
    }

    /** The input row's fields, then the element's columns, then its position ({@code 0}: padding, null). */
    private Row joined(Row input, Object element, Object value, int position) {
        return joined(input, element, value, position, position > 0);
    }

    private Row joined(Row input, Object element, Object value, int position, boolean hasElement) {
        int arity = spec.keptFields();
        Row joined = new Row(input.getKind(), arity + spec.elementArity() + (spec.withOrdinality() ? 1 : 0));
        for (int i = 0; i < arity; i++) {
            joined.setField(i, input.getField(i));
        }
        if (hasElement) {
            if (spec.spreadRows()) {
                Row fields = (Row) element;
                for (int i = 0; i < spec.elementArity(); i++) {
                    joined.setField(arity + i, fields == null ? null : fields.getField(i));
                }
            } else {
                joined.setField(arity, element);
                if (spec.kind() == Kind.MAP) {
                    joined.setField(arity + 1, value);
                }
            }
            if (spec.withOrdinality()) {
                joined.setField(arity + spec.elementArity(), position);
            }
        }
        return joined;
    }
}
