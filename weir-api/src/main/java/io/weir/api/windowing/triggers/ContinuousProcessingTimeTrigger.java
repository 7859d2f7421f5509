package io.weir.api.windowing.triggers;

import io.weir.api.functions.ReduceFunction;
import io.weir.api.state.ReducingState;
import io.weir.api.state.ReducingStateDescriptor;
import io.weir.api.types.BasicTypeInfo;
import io.weir.api.windowing.windows.TimeWindow;
import io.weir.api.windowing.windows.Window;
import java.time.Duration;

/**
 * Fires every {@code interval} of processing time (at multiples of the interval since the epoch)
 * once the window has an element, the last time at the window's end. The contents are kept between
 * firings.
 */
public final class ContinuousProcessingTimeTrigger<W extends Window> extends Trigger<Object, W> {
    private static final long serialVersionUID = 1L;

    private final long interval;
    /** The time of the next firing of the window; the minimum is kept when windows merge. */
    private final ReducingStateDescriptor<Long> nextFireDescriptor =
            new ReducingStateDescriptor<>("next-fire", new Min(), BasicTypeInfo.LONG_TYPE_INFO);

    private ContinuousProcessingTimeTrigger(long interval) {
        if (interval <= 0) {
            throw new IllegalArgumentException("ContinuousProcessingTimeTrigger.of(" + interval
                    + " ms): the interval must be positive.");
        }
        this.interval = interval;
    }

    public static <W extends Window> ContinuousProcessingTimeTrigger<W> of(Duration interval) {
        return new ContinuousProcessingTimeTrigger<>(interval.toMillis());
    }

    public long getInterval() {
        return interval;
    }

    @Override
    public TriggerResult onElement(Object element, long timestamp, W window, TriggerContext ctx) throws Exception {
        ReducingState<Long> nextFire = ctx.getPartitionedState(nextFireDescriptor);
        if (nextFire.get() == null) {
            long now = ctx.getCurrentProcessingTime();
            scheduleAfter(TimeWindow.getWindowStartWithOffset(now, 0, interval), window, ctx, nextFire);
        }
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) throws Exception {
        ReducingState<Long> nextFire = ctx.getPartitionedState(nextFireDescriptor);
        Long scheduled = nextFire.get();
        if (scheduled != null && scheduled == time) {
            nextFire.clear();
            scheduleAfter(time, window, ctx, nextFire);
            return TriggerResult.FIRE;
        }
        return TriggerResult.CONTINUE;
    }

    /** The next firing is one interval later, but not after the window's end. */
    private void scheduleAfter(long time, W window, TriggerContext ctx, ReducingState<Long> nextFire) throws Exception {
        long next = Math.min(time + interval, window.maxTimestamp());
        nextFire.add(next);
        ctx.registerProcessingTimeTimer(next);
    }

    @Override
    public TriggerResult onEventTime(long time, W window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public void clear(W window, TriggerContext ctx) throws Exception {
        ReducingState<Long> nextFire = ctx.getPartitionedState(nextFireDescriptor);
        Long scheduled = nextFire.get();
        if (scheduled != null) {
            ctx.deleteProcessingTimeTimer(scheduled);
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
        Long scheduled = ctx.getPartitionedState(nextFireDescriptor).get();
        if (scheduled != null) {
            ctx.registerProcessingTimeTimer(scheduled);
        }
    }

    @Override
    public String toString() {
        return "ContinuousProcessingTimeTrigger(" + interval + ")";
    }

    private static final class Min implements ReduceFunction<Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long reduce(Long a, Long b) {
            return Math.min(a, b);
        }
    }
}
