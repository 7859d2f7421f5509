package io.weir.runtime.restart;

import static io.weir.api.configuration.RestartStrategyOptions.RESTART_STRATEGY;
import static io.weir.api.configuration.RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_ATTEMPTS;
import static io.weir.api.configuration.RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_BACKOFF_MULTIPLIER;
import static io.weir.api.configuration.RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF;
import static io.weir.api.configuration.RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_JITTER_FACTOR;
import static io.weir.api.configuration.RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF;
import static io.weir.api.configuration.RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_RESET_BACKOFF_THRESHOLD;
import static io.weir.api.configuration.RestartStrategyOptions.RESTART_STRATEGY_FAILURE_RATE_DELAY;
import static io.weir.api.configuration.RestartStrategyOptions.RESTART_STRATEGY_FAILURE_RATE_FAILURE_RATE_INTERVAL;
import static io.weir.api.configuration.RestartStrategyOptions.RESTART_STRATEGY_FAILURE_RATE_MAX_FAILURES_PER_INTERVAL;
import static io.weir.api.configuration.RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS;
import static io.weir.api.configuration.RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY;

import io.weir.api.configuration.Configuration;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/** Builds a job's restart strategy from its configuration ({@code restart-strategy.*}), with Flink's defaults. */
public final class RestartStrategies {
    private RestartStrategies() {}

    /**
     * The configured strategy; unset, exponential-delay when checkpointing is on (a restart resumes
     * from a checkpoint) and none otherwise (a restart would start from scratch).
     */
    public static RestartStrategy fromConfiguration(Configuration config, boolean checkpointingEnabled) {
        String type = config.getOptional(RESTART_STRATEGY)
                .map(t -> t.toLowerCase(Locale.ROOT))
                .orElse(checkpointingEnabled ? "exponential-delay" : "none");
        return switch (type) {
            case "none", "off", "disable" -> new NoRestartStrategy();
            case "fixed-delay", "fixeddelay" -> new FixedDelayRestartStrategy(
                    config.get(RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS), config.get(RESTART_STRATEGY_FIXED_DELAY_DELAY));
            case "failure-rate", "failurerate" -> new FailureRateRestartStrategy(
                    config.get(RESTART_STRATEGY_FAILURE_RATE_MAX_FAILURES_PER_INTERVAL),
                    config.get(RESTART_STRATEGY_FAILURE_RATE_FAILURE_RATE_INTERVAL),
                    config.get(RESTART_STRATEGY_FAILURE_RATE_DELAY));
            case "exponential-delay", "exponentialdelay" -> new ExponentialDelayRestartStrategy(
                    config.get(RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF),
                    config.get(RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF),
                    config.get(RESTART_STRATEGY_EXPONENTIAL_DELAY_BACKOFF_MULTIPLIER),
                    config.get(RESTART_STRATEGY_EXPONENTIAL_DELAY_RESET_BACKOFF_THRESHOLD),
                    config.get(RESTART_STRATEGY_EXPONENTIAL_DELAY_JITTER_FACTOR),
                    config.get(RESTART_STRATEGY_EXPONENTIAL_DELAY_ATTEMPTS),
                    () -> ThreadLocalRandom.current().nextDouble());
            default -> throw new IllegalArgumentException("Unknown restart strategy '" + type + "' ("
                    + RESTART_STRATEGY.key() + "): use none, fixed-delay, failure-rate or exponential-delay");
        };
    }
}
