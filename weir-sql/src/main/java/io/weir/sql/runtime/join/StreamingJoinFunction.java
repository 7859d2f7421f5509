package io.weir.sql.runtime.join;

import io.weir.api.checkpoint.CheckpointedFunction;
import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedCoProcessFunction;
import io.weir.api.functions.OpenContext;
import io.weir.api.state.FunctionInitializationContext;
import io.weir.api.state.FunctionSnapshotContext;
import io.weir.api.functions.TimerService;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import io.weir.sql.runtime.CompiledCalc;
import io.weir.sql.runtime.RowProgram;

/**
 * A regular SQL join (inner, left, right or full outer) on an equi-join key, with Flink's
 * changelog semantics. Both inputs are keyed by the join key; each keeps the rows it has sent in
 * keyed state ({@link JoinRows}: one array per key on the heap, one entry per distinct row on RocksDB) until they are retracted (or expire by {@code table.exec.state.ttl}).
 * <ul>
 *   <li>An added row ({@code +I}/{@code +U}) is stored and emitted joined with every stored row of
 *       the other input that passes the remaining condition, as {@code +I}. A retracted row
 *       ({@code -U}/{@code -D}) is removed and its joined rows are emitted as {@code -D}.</li>
 *   <li>A row of a preserved (outer) input that joins with nothing is emitted padded with nulls
 *       ({@code +I}); when its first partner arrives that padded row is retracted ({@code -D})
 *       before the joined row is sent, and when its last partner is retracted the padded row comes
 *       back ({@code +I}).</li>
 *   <li>A row whose key has a null (for {@code =} keys) joins with nothing and is not stored.</li>
 * </ul>
 * An inner join of two append-only inputs therefore emits only {@code +I} rows. For an interval
 * join ({@link IntervalBounds}) each stored row gets an event-time timer for when the watermark
 * has passed the last time a partner could have, and is dropped then.
 *
 * <p>Threading: called by the task's thread only, like every keyed function.
 */
public final class StreamingJoinFunction extends KeyedCoProcessFunction<Row, Row, Row, Row>
        implements CheckpointedFunction {

    private static final long serialVersionUID = 1L;

    private final JoinSpec spec;
    private transient RowProgram residual;
    private transient JoinRows leftRecords;
    private transient JoinRows rightRecords;
    /**
     * Whether {@link #initializeState} said the job was not restored from a snapshot (false, so "maybe
     * restored", where nothing said so, as after deserialization without it).
     */
    private transient boolean notRestored;

    public StreamingJoinFunction(JoinSpec spec) {
        this.spec = spec;
    }

    @Override
    public void initializeState(FunctionInitializationContext context) {
        notRestored = !context.isRestored();
    }

    /** Its state is keyed state, snapshotted by the backend. */
    @Override
    public void snapshotState(FunctionSnapshotContext context) {
    }

    @Override
    public void open(OpenContext openContext) {
        residual = spec.residualClass() == null ? null : CompiledCalc.compile(spec.residualClass(), spec.residualSource());
        boolean restored = !notRestored;
        leftRecords = JoinRows.create(getRuntimeContext(), "left-rows", spec.leftType(), spec.stateTtl(), restored);
        rightRecords = JoinRows.create(getRuntimeContext(), "right-rows", spec.rightType(), spec.stateTtl(), restored);
    }

    @Override
    public void processElement1(Row row, Context ctx, Collector<Row> out) throws Exception {
        process(row, true, ctx.getCurrentKey(), ctx.timerService(), out);
    }

    @Override
    public void processElement2(Row row, Context ctx, Collector<Row> out) throws Exception {
        process(row, false, ctx.getCurrentKey(), ctx.timerService(), out);
    }

    /** Interval joins: drops the rows no later row of the other input can join (rows as late as the watermark still can). */
    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Row> out) throws Exception {
        long now = ctx.timerService().currentProcessingTime();
        leftRecords.removeIf(row -> spec.interval().lastPartnerTime(row, true) < timestamp, now);
        rightRecords.removeIf(row -> spec.interval().lastPartnerTime(row, false) < timestamp, now);
    }

    private void process(Row row, boolean fromLeft, Row key, TimerService timers, Collector<Row> out)
            throws Exception {
        boolean adds = row.getKind() == RowKind.INSERT || row.getKind() == RowKind.UPDATE_AFTER;
        boolean preserved = fromLeft ? spec.leftOuter() : spec.rightOuter();
        long associations = 0;
        if (!hasRejectedNull(key)) {
            long now = timers.currentProcessingTime();
            associations = joinWithPartners(row, fromLeft, adds, now, out);
            JoinRows own = fromLeft ? leftRecords : rightRecords;
            if (adds) {
                own.add(row, associations, now);
                if (spec.interval() != null) {
                    long lastPartnerTime = spec.interval().lastPartnerTime(row, fromLeft);
                    if (lastPartnerTime > Long.MIN_VALUE && lastPartnerTime < Long.MAX_VALUE) {
                        timers.registerEventTimeTimer(lastPartnerTime + 1);
                    }
                }
            } else {
                own.remove(row, now);
            }
        }
        if (preserved && associations == 0) {
            emitPadded(adds ? RowKind.INSERT : RowKind.DELETE, row, fromLeft, out);
        }
    }

    /**
     * Emits {@code row} joined with each stored row of the other input that passes the residual
     * condition ({@code +I} when it adds, {@code -D} when it retracts), keeps the other input's
     * padded rows and association counts right if it is preserved, and returns how many rows
     * {@code row} joins with.
     */
    private long joinWithPartners(Row row, boolean fromLeft, boolean adds, long now, Collector<Row> out)
            throws Exception {
        boolean otherPreserved = fromLeft ? spec.rightOuter() : spec.leftOuter();
        JoinRows other = fromLeft ? rightRecords : leftRecords;
        RowKind joinedKind = adds ? RowKind.INSERT : RowKind.DELETE;
        long associations = 0;
        other.open(now);
        try {
            while (other.next()) {
                Row partner = other.row();
                Row joined = fromLeft ? joined(joinedKind, row, partner) : joined(joinedKind, partner, row);
                if (residual != null && residual.apply(joined) == null) {
                    continue;
                }
                long partnerAssociations = other.associations();
                long updated = partnerAssociations + (adds ? 1 : -1);
                int copies = other.copies();
                associations += copies;
                for (int copy = 0; copy < copies; copy++) {
                    if (otherPreserved && adds && partnerAssociations == 0) {
                        emitPadded(RowKind.DELETE, partner, !fromLeft, out);
                    }
                    out.collect(copy == 0 ? joined : Row.copy(joined));
                    if (otherPreserved && updated == 0) {
                        emitPadded(RowKind.INSERT, partner, !fromLeft, out);
                    }
                }
                if (otherPreserved) {
                    other.setAssociations(updated);
                }
            }
        } finally {
            other.close();
        }
        return associations;
    }

    private boolean hasRejectedNull(Row key) {
        return JoinedRows.hasRejectedNull(spec.nullRejectingKeys(), key);
    }

    private Row joined(RowKind kind, Row left, Row right) {
        return JoinedRows.joined(kind, left, spec.leftType().getArity(), right, spec.rightType().getArity());
    }

    /** {@code row} of one input with nulls for the other input's fields. */
    private void emitPadded(RowKind kind, Row row, boolean rowIsLeft, Collector<Row> out) {
        out.collect(rowIsLeft ? joined(kind, row, null) : joined(kind, null, row));
    }
}
