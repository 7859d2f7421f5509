package io.weir.sql.runtime.join;

import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedCoProcessFunction;
import io.weir.api.functions.OpenContext;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import io.weir.api.types.RowTypeInfo;
import io.weir.sql.runtime.CompiledCalc;
import io.weir.sql.runtime.RowProgram;
import java.io.Serializable;

/**
 * A join with a temporal table function on processing time ({@code FROM o, LATERAL TABLE(rates(o.pt))
 * WHERE r.k = o.k} where {@code rates} is the history of a table over a {@code PROCTIME()} column), as
 * Flink runs it: each probe (left) row joins the latest version of the table's row of its key when
 * the probe row is processed. Both inputs are keyed by the equi-join key, which holds the function's
 * primary key, so the state of a key is one row.
 * <ul>
 *   <li>A version ({@code +I}/{@code +U}) replaces the key's row; a {@code -U}/{@code -D} removes it
 *       (the {@code +U} after a {@code -U} is the new version).</li>
 *   <li>A probe row joins the key's row if there is one and the rest of the condition holds; the
 *       joined row has the probe row's change kind. Nothing is emitted otherwise (an inner join, the
 *       only kind Flink runs with a temporal table function); probe rows are not kept, so a version
 *       arriving later joins none of the rows before it.</li>
 * </ul>
 * Which version a probe row meets depends on when the two inputs' rows are processed, so the result
 * differs from run to run, as in Flink.
 *
 * <p>Threading: called by the task's thread only, like every keyed function.
 */
public final class ProcTimeTemporalJoinFunction extends KeyedCoProcessFunction<Row, Row, Row, Row> {

    private static final long serialVersionUID = 1L;

    /**
     * @param nullRejectingKeys which key positions are {@code =} (a null there joins nothing), not
     *     {@code IS NOT DISTINCT FROM}
     * @param residualClass generated check of the condition left after the equi-keys on the joined row, or null
     */
    public record Spec(RowTypeInfo leftType, RowTypeInfo rightType, boolean[] nullRejectingKeys, String residualClass,
            String residualSource) implements Serializable {
    }

    private final Spec spec;
    private transient RowProgram residual;
    /** The key's latest version. */
    private transient ValueState<Row> latest;

    public ProcTimeTemporalJoinFunction(Spec spec) {
        this.spec = spec;
    }

    @Override
    public void open(OpenContext openContext) {
        residual = spec.residualClass() == null ? null : CompiledCalc.compile(spec.residualClass(), spec.residualSource());
        latest = getRuntimeContext().getState(new ValueStateDescriptor<>("latest-version", spec.rightType()));
    }

    @Override
    public void processElement1(Row row, Context ctx, Collector<Row> out) throws Exception {
        Row version = latest.value();
        if (version == null) {
            return;
        }
        Row joined = joined(row, version);
        if (residual == null || residual.apply(joined) != null) {
            out.collect(joined);
        }
    }

    @Override
    public void processElement2(Row row, Context ctx, Collector<Row> out) throws Exception {
        if (hasRejectedNull(ctx.getCurrentKey())) {
            return; // no probe row can join it
        }
        if (row.getKind() == RowKind.INSERT || row.getKind() == RowKind.UPDATE_AFTER) {
            latest.update(row);
        } else {
            latest.clear();
        }
    }

    private boolean hasRejectedNull(Row key) {
        return JoinedRows.hasRejectedNull(spec.nullRejectingKeys(), key);
    }

    private Row joined(Row left, Row right) {
        return JoinedRows.joined(left.getKind(), left, spec.leftType().getArity(), right, spec.rightType().getArity());
    }
}
