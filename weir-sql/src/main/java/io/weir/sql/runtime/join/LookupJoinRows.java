package io.weir.sql.runtime.join;

import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import io.weir.sql.runtime.CompiledCalc;
import io.weir.sql.runtime.RowProgram;
import java.util.Collection;
import java.util.List;

/**
 * What the blocking and the asynchronous lookup joins share: a probe row's key, and the rows it
 * emits for the rows found (each joined row that passes the residual condition; with a LEFT join
 * the padded probe row when none does).
 *
 * <p>Threading: used by the join's task thread only.
 */
final class LookupJoinRows {

    private final LookupJoinFunction.Spec spec;
    private final RowProgram residual;
    private final RowProgram keyValues;

    LookupJoinRows(LookupJoinFunction.Spec spec) {
        this.spec = spec;
        this.residual = spec.residualClass() == null ? null
                : CompiledCalc.compile(spec.residualClass(), spec.residualSource());
        this.keyValues = spec.keyClass() == null ? null : CompiledCalc.compile(spec.keyClass(), spec.keySource());
    }

    /** The probe row's key values, or null if one is null (SQL's {@code =} never matches a null). */
    Row key(Row probe) {
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
        key.setKind(RowKind.INSERT); // a cache key: equal values, equal keys
        return key;
    }

    /** Adds to {@code out} the rows the probe row joins into, given the rows found for its key. */
    void join(Row probe, Collection<Row> found, List<Row> out) {
        boolean joinedAny = false;
        for (Row row : found) {
            Row joined = joined(probe, row);
            if (residual == null || residual.apply(joined) != null) {
                out.add(joined);
                joinedAny = true;
            }
        }
        if (!joinedAny && spec.leftOuter()) {
            out.add(joined(probe, null));
        }
    }

    private Row joined(Row left, Row right) {
        return JoinedRows.joined(left.getKind(), left, spec.leftArity(), right, spec.rightArity());
    }
}
