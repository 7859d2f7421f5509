package io.weir.runtime.restart;

import java.time.Duration;
import java.util.ArrayDeque;

/** Restarts unless more than a number of failures happened within a sliding interval. */
public final class FailureRateRestartStrategy implements RestartStrategy {
    private final int maxFailuresPerInterval;
    private final Duration interval;
    private final Duration delay;
    private final ArrayDeque<Long> failureTimes = new ArrayDeque<>();

    public FailureRateRestartStrategy(int maxFailuresPerInterval, Duration interval, Duration delay) {
        if (maxFailuresPerInterval < 1) {
            throw new IllegalArgumentException(
                    "restart-strategy.failure-rate.max-failures-per-interval must be at least 1, got "
                            + maxFailuresPerInterval);
        }
        this.maxFailuresPerInterval = maxFailuresPerInterval;
        this.interval = interval;
        this.delay = delay;
    }

    @Override
    public Duration onFailure(long nowMillis) {
        while (!failureTimes.isEmpty() && failureTimes.peekFirst() <= nowMillis - interval.toMillis()) {
            failureTimes.removeFirst();
        }
        failureTimes.addLast(nowMillis);
        return failureTimes.size() > maxFailuresPerInterval ? null : delay;
    }

    @Override
    public String describe() {
        return "the failure-rate restart strategy allows " + maxFailuresPerInterval + " failure(s) per "
                + interval.toMillis() + " ms (restart-strategy.failure-rate.*)";
    }
}
