package io.weir.api.operators;

import io.weir.api.functions.TimerService;
import io.weir.api.state.VoidNamespace;

/**
 * The {@link TimerService} of process functions on a keyed stream: timers for the current key, in
 * the {@link VoidNamespace} of one {@link InternalTimerService}.
 */
public final class SimpleTimerService implements TimerService {
    private final InternalTimerService<VoidNamespace> timers;

    public SimpleTimerService(InternalTimerService<VoidNamespace> timers) {
        this.timers = timers;
    }

    @Override
    public long currentProcessingTime() {
        return timers.currentProcessingTime();
    }

    @Override
    public long currentWatermark() {
        return timers.currentWatermark();
    }

    @Override
    public void registerProcessingTimeTimer(long time) {
        timers.registerProcessingTimeTimer(VoidNamespace.INSTANCE, time);
    }

    @Override
    public void registerEventTimeTimer(long time) {
        timers.registerEventTimeTimer(VoidNamespace.INSTANCE, time);
    }

    @Override
    public void deleteProcessingTimeTimer(long time) {
        timers.deleteProcessingTimeTimer(VoidNamespace.INSTANCE, time);
    }

    @Override
    public void deleteEventTimeTimer(long time) {
        timers.deleteEventTimeTimer(VoidNamespace.INSTANCE, time);
    }
}
