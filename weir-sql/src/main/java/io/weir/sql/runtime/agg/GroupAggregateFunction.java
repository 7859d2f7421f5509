package io.weir.sql.runtime.agg;

import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.OpenContext;
import io.weir.api.state.StateTtlConfig;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import java.time.Duration;

/**
 * A SQL group aggregate ({@code GROUP BY} without windows) on keyed state, producing an updating
 * changelog with Flink's semantics:
 * <ul>
 *   <li>the first row of a group emits {@code +I[key, results]};</li>
 *   <li>a later row that changes the results emits {@code -U} with the old and {@code +U} with the
 *       new results; one that leaves them unchanged emits nothing;</li>
 *   <li>{@code +I}/{@code +U} input rows are accumulated, {@code -U}/{@code -D} rows retracted; when
 *       a group's last row is retracted it emits {@code -D} with the old results and its state goes;</li>
 *   <li>a retraction for a group without state (never seen, or expired by {@code table.exec.state.ttl})
 *       is ignored.</li>
 * </ul>
 *
 * <p>Threading: called by the task's thread only, like every keyed function.
 */
public final class GroupAggregateFunction extends KeyedProcessFunction<Row, Row, Row> {

    private static final long serialVersionUID = 1L;

    private final Accumulators accumulators;
    private final Duration stateTtl;
    private transient ValueState<Row> state;

    /** @param stateTtl how long an idle group's state is kept; zero keeps it forever */
    public GroupAggregateFunction(Accumulators accumulators, Duration stateTtl) {
        this.accumulators = accumulators;
        this.stateTtl = stateTtl;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        accumulators.open(getRuntimeContext());
        state = getRuntimeContext().getState(stateDescriptor(accumulators, stateTtl));
    }

    @Override
    public void close() throws Exception {
        accumulators.close();
    }

    /** The state of a group's accumulators, also the mini-batch aggregate's (the same state: a job may switch). */
    static ValueStateDescriptor<Row> stateDescriptor(Accumulators accumulators, Duration stateTtl) {
        ValueStateDescriptor<Row> descriptor = new ValueStateDescriptor<>("accumulators",
                accumulators.accumulatorType());
        if (!stateTtl.isZero()) {
            descriptor.enableTimeToLive(StateTtlConfig.newBuilder(stateTtl)
                    .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                    .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                    .build());
        }
        return descriptor;
    }

    @Override
    public void processElement(Row input, Context ctx, Collector<Row> out) throws Exception {
        boolean retraction = input.getKind() == RowKind.UPDATE_BEFORE || input.getKind() == RowKind.DELETE;
        Row acc = state.value();
        Row key = ctx.getCurrentKey();
        Row previous = null;
        if (acc == null) {
            if (retraction) {
                return;
            }
            acc = accumulators.create();
        } else {
            previous = accumulators.output(RowKind.UPDATE_BEFORE, key, acc);
        }
        if (retraction) {
            accumulators.retract(acc, input);
        } else {
            accumulators.accumulate(acc, input);
        }
        if (accumulators.rowCount(acc) <= 0) {
            state.clear();
            if (previous != null) {
                previous.setKind(RowKind.DELETE);
                out.collect(previous);
            }
            return;
        }
        state.update(acc);
        if (previous == null) {
            out.collect(accumulators.output(RowKind.INSERT, key, acc));
            return;
        }
        Row current = accumulators.output(RowKind.UPDATE_AFTER, key, acc);
        if (!sameFields(previous, current)) {
            out.collect(previous);
            out.collect(current);
        }
    }

    static boolean sameFields(Row a, Row b) {
        for (int i = 0; i < a.getArity(); i++) {
            if (!java.util.Objects.equals(a.getField(i), b.getField(i))) {
                return false;
            }
        }
        return true;
    }
}
