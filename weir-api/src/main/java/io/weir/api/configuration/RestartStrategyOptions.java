package io.weir.api.configuration;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * How a failed job restarts: the strategy ({@code restart-strategy.type}) and the settings of each.
 * Keys and defaults follow Flink 2.
 *
 * <p>Read by the JobMaster when a job starts (see docs/fault-tolerance.md).
 */
public final class RestartStrategyOptions {
    private RestartStrategyOptions() {}

    /** Accepted values of {@link #RESTART_STRATEGY}; the spellings without '-' and off/disable are Flink's aliases. */
    private static final List<String> STRATEGIES = List.of("none", "off", "disable", "fixed-delay", "fixeddelay",
            "failure-rate", "failurerate", "exponential-delay", "exponentialdelay");

    public static final ConfigOption<String> RESTART_STRATEGY = ConfigOptions.key("restart-strategy.type")
            .stringType().noDefaultValue()
            .withDeprecatedKeys("restart-strategy")
            .withValidation(s -> STRATEGIES.contains(s.toLowerCase(Locale.ROOT)),
                    "be none, fixed-delay, failure-rate or exponential-delay")
            .withDescription("none, fixed-delay, failure-rate or exponential-delay. Unset: exponential-delay when "
                    + "checkpointing is on, none otherwise.");

    public static final ConfigOption<Integer> RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS =
            ConfigOptions.key("restart-strategy.fixed-delay.attempts")
            .intType().defaultValue(1)
            .withValidation(n -> n >= 0, "not be negative")
            .withDescription("fixed-delay: how many times the job is restarted before it fails for good.");

    public static final ConfigOption<Duration> RESTART_STRATEGY_FIXED_DELAY_DELAY =
            ConfigOptions.key("restart-strategy.fixed-delay.delay")
            .durationType().defaultValue(Duration.ofSeconds(1))
            .withValidation(d -> !d.isNegative(), "not be negative")
            .withDescription("fixed-delay: time between a failure and the restart.");

    public static final ConfigOption<Duration> RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF =
            ConfigOptions.key("restart-strategy.exponential-delay.initial-backoff")
            .durationType().defaultValue(Duration.ofSeconds(1))
            .withValidation(d -> !d.isNegative(), "not be negative")
            .withDescription("exponential-delay: delay before the first restart.");

    public static final ConfigOption<Duration> RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF =
            ConfigOptions.key("restart-strategy.exponential-delay.max-backoff")
            .durationType().defaultValue(Duration.ofMinutes(1))
            .withValidation(d -> !d.isNegative(), "not be negative")
            .withDescription("exponential-delay: the delay grows up to this and stays there.");

    public static final ConfigOption<Double> RESTART_STRATEGY_EXPONENTIAL_DELAY_BACKOFF_MULTIPLIER =
            ConfigOptions.key("restart-strategy.exponential-delay.backoff-multiplier")
            .doubleType().defaultValue(1.5)
            .withValidation(m -> m >= 1.0, "be at least 1.0")
            .withDescription("exponential-delay: factor the delay grows by after each restart.");

    public static final ConfigOption<Duration> RESTART_STRATEGY_EXPONENTIAL_DELAY_RESET_BACKOFF_THRESHOLD =
            ConfigOptions.key("restart-strategy.exponential-delay.reset-backoff-threshold")
            .durationType().defaultValue(Duration.ofHours(1))
            .withValidation(d -> !d.isNegative() && !d.isZero(), "be longer than 0")
            .withDescription("exponential-delay: after running this long without a failure, the delay and the "
                    + "attempt count start again from the beginning.");

    public static final ConfigOption<Double> RESTART_STRATEGY_EXPONENTIAL_DELAY_JITTER_FACTOR =
            ConfigOptions.key("restart-strategy.exponential-delay.jitter-factor")
            .doubleType().defaultValue(0.1)
            .withValidation(j -> j >= 0.0 && j <= 1.0, "be between 0.0 and 1.0")
            .withDescription("exponential-delay: each delay is changed by a random fraction up to this, so jobs "
                    + "that failed together do not all restart at the same moment.");

    public static final ConfigOption<Integer> RESTART_STRATEGY_EXPONENTIAL_DELAY_ATTEMPTS =
            ConfigOptions.key("restart-strategy.exponential-delay.attempts-before-reset-backoff")
            .intType().defaultValue(Integer.MAX_VALUE)
            .withValidation(n -> n >= 1, "be at least 1")
            .withDescription("exponential-delay: how many restarts are allowed before the backoff is reset; more "
                    + "failures in that time fail the job.");

    public static final ConfigOption<Integer> RESTART_STRATEGY_FAILURE_RATE_MAX_FAILURES_PER_INTERVAL =
            ConfigOptions.key("restart-strategy.failure-rate.max-failures-per-interval")
            .intType().defaultValue(1)
            .withValidation(n -> n >= 1, "be at least 1")
            .withDescription("failure-rate: how many failures within one interval are restarted; one more fails "
                    + "the job.");

    public static final ConfigOption<Duration> RESTART_STRATEGY_FAILURE_RATE_FAILURE_RATE_INTERVAL =
            ConfigOptions.key("restart-strategy.failure-rate.failure-rate-interval")
            .durationType().defaultValue(Duration.ofMinutes(1))
            .withValidation(d -> !d.isNegative() && !d.isZero(), "be longer than 0")
            .withDescription("failure-rate: the window in which failures are counted.");

    public static final ConfigOption<Duration> RESTART_STRATEGY_FAILURE_RATE_DELAY =
            ConfigOptions.key("restart-strategy.failure-rate.delay")
            .durationType().defaultValue(Duration.ofSeconds(1))
            .withValidation(d -> !d.isNegative(), "not be negative")
            .withDescription("failure-rate: time between a failure and the restart.");
}
