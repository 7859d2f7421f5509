package io.weir.api.windowing.triggers;

import io.weir.api.windowing.windows.TimeWindow;
import io.weir.api.windowing.windows.Window;
import java.time.Duration;

/**
 * Fires every {@code interval} of event time (at multiples of the interval since the epoch) while
 * the window is open, and once more when the watermark passes the window's end. The contents are
 * kept between firings, so each firing sees everything so far.
 */
public final class ContinuousEventTimeTrigger<W extends Window> extends ContinuousTrigger<W> {
    private static final long serialVersionUID = 1L;

    private ContinuousEventTimeTrigger(long interval) {
        super(interval);
    }

    public static <W extends Window> ContinuousEventTimeTrigger<W> of(Duration interval) {
        return new ContinuousEventTimeTrigger<>(interval.toMillis());
    }

    @Override
    public TriggerResult onElement(Object element, long timestamp, W window, TriggerContext ctx) throws Exception {
        if (window.maxTimestamp() <= ctx.getCurrentWatermark()) {
            return TriggerResult.FIRE;
        }
        ctx.registerEventTimeTimer(window.maxTimestamp());
        if (nextFire(ctx) == null) {
            scheduleNextFire(ctx, TimeWindow.getWindowStartWithOffset(timestamp, 0, getInterval()) + getInterval());
        }
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, W window, TriggerContext ctx) throws Exception {
        if (time == window.maxTimestamp()) {
            return TriggerResult.FIRE;
        }
        Long scheduled = nextFire(ctx);
        if (scheduled != null && scheduled == time) {
            scheduleNextFire(ctx, time + getInterval());
            return TriggerResult.FIRE;
        }
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    void registerTimer(TriggerContext ctx, long time) {
        ctx.registerEventTimeTimer(time);
    }

    @Override
    void deleteTimer(TriggerContext ctx, long time) {
        ctx.deleteEventTimeTimer(time);
    }
}
