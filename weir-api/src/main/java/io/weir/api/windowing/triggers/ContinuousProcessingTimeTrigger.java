package io.weir.api.windowing.triggers;

import io.weir.api.windowing.windows.TimeWindow;
import io.weir.api.windowing.windows.Window;
import java.time.Duration;

/**
 * Fires every {@code interval} of processing time (at multiples of the interval since the epoch)
 * once the window has an element, the last time at the window's end. The contents are kept between
 * firings.
 */
public final class ContinuousProcessingTimeTrigger<W extends Window> extends ContinuousTrigger<W> {
    private static final long serialVersionUID = 1L;

    private ContinuousProcessingTimeTrigger(long interval) {
        super(interval);
    }

    public static <W extends Window> ContinuousProcessingTimeTrigger<W> of(Duration interval) {
        return new ContinuousProcessingTimeTrigger<>(interval.toMillis());
    }

    @Override
    public TriggerResult onElement(Object element, long timestamp, W window, TriggerContext ctx) throws Exception {
        if (nextFire(ctx) == null) {
            long now = ctx.getCurrentProcessingTime();
            scheduleAfter(TimeWindow.getWindowStartWithOffset(now, 0, getInterval()), window, ctx);
        }
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) throws Exception {
        Long scheduled = nextFire(ctx);
        if (scheduled != null && scheduled == time) {
            scheduleAfter(time, window, ctx);
            return TriggerResult.FIRE;
        }
        return TriggerResult.CONTINUE;
    }

    /** The next firing is one interval later, but not after the window's end. */
    private void scheduleAfter(long time, W window, TriggerContext ctx) throws Exception {
        scheduleNextFire(ctx, Math.min(time + getInterval(), window.maxTimestamp()));
    }

    @Override
    public TriggerResult onEventTime(long time, W window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    void registerTimer(TriggerContext ctx, long time) {
        ctx.registerProcessingTimeTimer(time);
    }

    @Override
    void deleteTimer(TriggerContext ctx, long time) {
        ctx.deleteProcessingTimeTimer(time);
    }
}
