package io.weir.api.windowing.triggers;

import io.weir.api.functions.ReduceFunction;
import io.weir.api.state.ReducingState;
import io.weir.api.state.ReducingStateDescriptor;
import io.weir.api.types.BasicTypeInfo;
import io.weir.api.windowing.windows.TimeWindow;
import io.weir.api.windowing.windows.Window;
import java.time.Duration;

/**
 * Fires every {@code interval} of event time (at multiples of the interval since the epoch) while
 * the window is open, and once more when the watermark passes the window's end. The contents are
 * kept between firings, so each firing sees everything so far.
 */
public final class ContinuousEventTimeTrigger<W extends Window> extends Trigger<Object, W> {
    private static final long serialVersionUID = 1L;

    private final long interval;
    /** The time of the next periodic firing of the window; the minimum is kept when windows merge. */
    private final ReducingStateDescriptor<Long> nextFireDescriptor =
            new ReducingStateDescriptor<>("next-fire", new Min(), BasicTypeInfo.LONG_TYPE_INFO);

    private ContinuousEventTimeTrigger(long interval) {
        if (interval <= 0) {
            throw new IllegalArgumentException("ContinuousEventTimeTrigger.of(" + interval
                    + " ms): the interval must be positive.");
        }
        this.interval = interval;
    }

    public static <W extends Window> ContinuousEventTimeTrigger<W> of(Duration interval) {
        return new ContinuousEventTimeTrigger<>(interval.toMillis());
    }

    public long getInterval() {
        return interval;
    }

    @Override
    public TriggerResult onElement(Object element, long timestamp, W window, TriggerContext ctx) throws Exception {
        if (window.maxTimestamp() <= ctx.getCurrentWatermark()) {
            return TriggerResult.FIRE;
        }
        ctx.registerEventTimeTimer(window.maxTimestamp());
        ReducingState<Long> nextFire = ctx.getPartitionedState(nextFireDescriptor);
        if (nextFire.get() == null) {
            long next = TimeWindow.getWindowStartWithOffset(timestamp, 0, interval) + interval;
            ctx.registerEventTimeTimer(next);
            nextFire.add(next);
        }
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, W window, TriggerContext ctx) throws Exception {
        if (time == window.maxTimestamp()) {
            return TriggerResult.FIRE;
        }
        ReducingState<Long> nextFire = ctx.getPartitionedState(nextFireDescriptor);
        Long scheduled = nextFire.get();
        if (scheduled != null && scheduled == time) {
            nextFire.clear();
            nextFire.add(time + interval);
            ctx.registerEventTimeTimer(time + interval);
            return TriggerResult.FIRE;
        }
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public void clear(W window, TriggerContext ctx) throws Exception {
        ReducingState<Long> nextFire = ctx.getPartitionedState(nextFireDescriptor);
        Long scheduled = nextFire.get();
        if (scheduled != null) {
            ctx.deleteEventTimeTimer(scheduled);
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
            ctx.registerEventTimeTimer(scheduled);
        }
    }

    @Override
    public String toString() {
        return "ContinuousEventTimeTrigger(" + interval + ")";
    }

    private static final class Min implements ReduceFunction<Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long reduce(Long a, Long b) {
            return Math.min(a, b);
        }
    }
}
