package io.weir.api.windowing.triggers;

import io.weir.api.functions.ReduceFunction;
import io.weir.api.state.ReducingState;
import io.weir.api.state.ReducingStateDescriptor;
import io.weir.api.types.BasicTypeInfo;
import io.weir.api.windowing.windows.Window;

/**
 * What {@link ContinuousEventTimeTrigger} and {@link ContinuousProcessingTimeTrigger} share: the
 * interval, the time of the next periodic firing kept in window state (the earliest wins when
 * windows merge), and its timer, set, moved on merge and deleted on clear in the trigger's time.
 * When each fires differs between the two, as in Flink, and stays in them.
 */
abstract class ContinuousTrigger<W extends Window> extends Trigger<Object, W> {
    private static final long serialVersionUID = 1L;

    private final long interval;
    private final ReducingStateDescriptor<Long> nextFireDescriptor =
            new ReducingStateDescriptor<>("next-fire", new Min(), BasicTypeInfo.LONG_TYPE_INFO);

    ContinuousTrigger(long interval) {
        if (interval <= 0) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ".of(" + interval
                    + " ms): the interval must be positive.");
        }
        this.interval = interval;
    }

    /** Sets a timer at {@code time} in the trigger's time. */
    abstract void registerTimer(TriggerContext ctx, long time);

    abstract void deleteTimer(TriggerContext ctx, long time);

    public long getInterval() {
        return interval;
    }

    /** The time of the window's next periodic firing, or {@code null} if none is scheduled. */
    final Long nextFire(TriggerContext ctx) throws Exception {
        return ctx.getPartitionedState(nextFireDescriptor).get();
    }

    /** Schedules the window's next periodic firing at {@code time}, replacing the one that fired. */
    final void scheduleNextFire(TriggerContext ctx, long time) throws Exception {
        ReducingState<Long> nextFire = ctx.getPartitionedState(nextFireDescriptor);
        nextFire.clear();
        nextFire.add(time);
        registerTimer(ctx, time);
    }

    @Override
    public void clear(W window, TriggerContext ctx) throws Exception {
        ReducingState<Long> nextFire = ctx.getPartitionedState(nextFireDescriptor);
        Long scheduled = nextFire.get();
        if (scheduled != null) {
            deleteTimer(ctx, scheduled);
            nextFire.clear();
        }
    }

    @Override
    public boolean canMerge() {
        return true;
    }

    @Override
    public void onMerge(W window, OnMergeContext ctx) throws Exception {
        ctx.mergePartitionedState(nextFireDescriptor);
        Long scheduled = nextFire(ctx);
        if (scheduled != null) {
            registerTimer(ctx, scheduled);
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + interval + ")";
    }

    private static final class Min implements ReduceFunction<Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long reduce(Long a, Long b) {
            return Math.min(a, b);
        }
    }
}
