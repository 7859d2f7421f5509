package io.weir.runtime.restart;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Restarts with a delay that grows by a multiplier after each failure, up to a maximum; a job that
 * ran without failure for the reset threshold starts over from the initial delay. Jitter spreads
 * the delays of many jobs that failed together. After a number of restarts without a reset the job
 * fails.
 */
public final class ExponentialDelayRestartStrategy implements RestartStrategy {
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final double multiplier;
    private final Duration resetThreshold;
    private final double jitterFactor;
    private final int attemptsBeforeReset;
    private final DoubleSupplier random;
    private double currentBackoffMillis;
    private long lastFailureMillis = Long.MIN_VALUE;
    private int attempts;

    /**
     * @param random values in [0, 1) for the jitter (injected, so tests are deterministic)
     */
    public ExponentialDelayRestartStrategy(Duration initialBackoff, Duration maxBackoff, double multiplier,
            Duration resetThreshold, double jitterFactor, int attemptsBeforeReset, DoubleSupplier random) {
        if (multiplier < 1) {
            throw new IllegalArgumentException(
                    "restart-strategy.exponential-delay.backoff-multiplier must be at least 1, got " + multiplier);
        }
        if (jitterFactor < 0 || jitterFactor > 1) {
            throw new IllegalArgumentException(
                    "restart-strategy.exponential-delay.jitter-factor must be between 0 and 1, got " + jitterFactor);
        }
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.multiplier = multiplier;
        this.resetThreshold = resetThreshold;
        this.jitterFactor = jitterFactor;
        this.attemptsBeforeReset = attemptsBeforeReset;
        this.random = random;
    }

    @Override
    public Duration onFailure(long nowMillis) {
        boolean first = lastFailureMillis == Long.MIN_VALUE;
        if (first || nowMillis - lastFailureMillis >= resetThreshold.toMillis()) {
            currentBackoffMillis = initialBackoff.toMillis();
            attempts = 0;
        } else {
            currentBackoffMillis = Math.min(currentBackoffMillis * multiplier, maxBackoff.toMillis());
        }
        lastFailureMillis = nowMillis;
        if (attempts >= attemptsBeforeReset) {
            return null;
        }
        attempts++;
        double jitter = currentBackoffMillis * jitterFactor * (2 * random.getAsDouble() - 1);
        long delay = Math.max(0, Math.min(maxBackoff.toMillis(), Math.round(currentBackoffMillis + jitter)));
        return Duration.ofMillis(delay);
    }

    @Override
    public String describe() {
        return "the exponential-delay restart strategy allows " + attemptsBeforeReset
                + " restart(s) without a reset (restart-strategy.exponential-delay.attempts-before-reset-backoff)";
    }
}
