package io.weir.tests.faulttolerance;

import io.weir.api.checkpoint.CheckpointedFunction;
import io.weir.api.functions.source.SourceFunction;
import io.weir.api.state.FunctionInitializationContext;
import io.weir.api.state.FunctionSnapshotContext;
import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.types.Types;
import java.util.List;

/**
 * A checkpointed source function that emits for positions 0, 1, 2, ... and keeps its position in
 * operator state. Each position is emitted and the position advanced under the checkpoint lock, so a
 * checkpoint sees both or neither; a restored source goes on from the checkpointed position. It
 * sleeps {@code pauseMillis} every {@code pauseEvery} positions, to pace itself.
 */
abstract class PositionSource implements SourceFunction<Long>, CheckpointedFunction {
    private final int pauseEvery;
    private final long pauseMillis;
    private transient ListState<Long> position;
    private long next;
    private volatile boolean running = true;

    PositionSource(int pauseEvery, long pauseMillis) {
        this.pauseEvery = pauseEvery;
        this.pauseMillis = pauseMillis;
    }

    /** Whether there is a position {@code next} to emit; the source ends when there is not. */
    abstract boolean hasMore(long next);

    /** Emits what belongs to position {@code n}; called holding the checkpoint lock. */
    abstract void emit(SourceContext<Long> ctx, long n);

    /** The source ended after emitting positions below {@code end}. */
    void ended(long end) {}

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        position = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("position", Types.LONG));
        for (Long p : position.get()) {
            next = p;
        }
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        position.update(List.of(next));
    }

    @Override
    public void run(SourceContext<Long> ctx) throws Exception {
        while (running && hasMore(next)) {
            synchronized (ctx.getCheckpointLock()) {
                emit(ctx, next);
                next++;
            }
            if (next % pauseEvery == 0) {
                Thread.sleep(pauseMillis);
            }
        }
        ended(next);
    }

    @Override
    public void cancel() {
        running = false;
    }
}
