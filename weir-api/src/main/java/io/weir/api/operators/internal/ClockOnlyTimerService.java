package io.weir.api.operators.internal;

import io.weir.api.functions.TimerService;
import io.weir.api.operators.AbstractStreamOperator;

/**
 * The clocks of an operator on non-keyed input: readable, but no timers, since timers belong to
 * a key. Used by the process operators whose functions have a {@code timerService()} on unkeyed streams.
 */
final class ClockOnlyTimerService implements TimerService {
    private final AbstractStreamOperator<?> operator;

    ClockOnlyTimerService(AbstractStreamOperator<?> operator) {
        this.operator = operator;
    }

    @Override
    public long currentProcessingTime() {
        return operator.getProcessingTimeService().getCurrentProcessingTime();
    }

    @Override
    public long currentWatermark() {
        return operator.getCurrentWatermark();
    }

    @Override
    public void registerProcessingTimeTimer(long time) {
        throw new UnsupportedOperationException(UNSUPPORTED_REGISTER_TIMER_MSG);
    }

    @Override
    public void registerEventTimeTimer(long time) {
        throw new UnsupportedOperationException(UNSUPPORTED_REGISTER_TIMER_MSG);
    }

    @Override
    public void deleteProcessingTimeTimer(long time) {
        throw new UnsupportedOperationException(UNSUPPORTED_DELETE_TIMER_MSG);
    }

    @Override
    public void deleteEventTimeTimer(long time) {
        throw new UnsupportedOperationException(UNSUPPORTED_DELETE_TIMER_MSG);
    }
}
