package io.weir.runtime.restart;

import java.time.Duration;

/** Restarts up to a number of times, waiting the same delay before each restart. */
public final class FixedDelayRestartStrategy implements RestartStrategy {
    private final int attempts;
    private final Duration delay;
    private int restarts;

    public FixedDelayRestartStrategy(int attempts, Duration delay) {
        if (attempts < 0) {
            throw new IllegalArgumentException("restart-strategy.fixed-delay.attempts must not be negative, got "
                    + attempts);
        }
        this.attempts = attempts;
        this.delay = delay;
    }

    @Override
    public Duration onFailure(long nowMillis) {
        if (restarts >= attempts) {
            return null;
        }
        restarts++;
        return delay;
    }

    @Override
    public String describe() {
        return "the fixed-delay restart strategy allows " + attempts
                + " restart(s) (restart-strategy.fixed-delay.attempts)";
    }
}
