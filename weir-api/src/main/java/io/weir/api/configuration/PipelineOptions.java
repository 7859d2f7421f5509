package io.weir.api.configuration;

import java.time.Duration;
import java.util.List;

/**
 * Settings of a job that the environment reads: parallelism, key groups, object reuse, buffer timeout,
 * accumulator reports.
 */
public final class PipelineOptions {
    private PipelineOptions() {}

    public static final ConfigOption<Integer> PARALLELISM = ConfigOptions.key("parallelism.default")
            .intType().defaultValue(1)
            .withDescription("Parallelism of operators that set none themselves.");

    public static final ConfigOption<Integer> MAX_PARALLELISM = ConfigOptions.key("pipeline.max-parallelism")
            .intType().defaultValue(128)
            .withDescription("Number of key groups: the upper bound for the parallelism of keyed operators.");

    public static final ConfigOption<Boolean> OBJECT_REUSE = ConfigOptions.key("pipeline.object-reuse")
            .booleanType().defaultValue(false)
            .withDescription("Pass records between chained operators without copying them. Safe when functions "
                    + "neither keep nor modify their input objects.");

    public static final ConfigOption<Duration> BUFFER_TIMEOUT = ConfigOptions.key("execution.buffer-timeout")
            .durationType().defaultValue(Duration.ofMillis(100))
            .withDescription("Longest time a partly filled network buffer waits before it is sent; 0 sends "
                    + "every record at once (lowest latency, lowest throughput).");

    public static final ConfigOption<Duration> ACCUMULATOR_REPORT_INTERVAL =
            ConfigOptions.key("execution.accumulator-report-interval")
            .durationType().defaultValue(Duration.ofSeconds(1))
            .withDescription("How often running tasks report their accumulators, so that JobClient.getAccumulators() "
                    + "shows live values. Final values are reported when a task ends, whatever this is.");

    public static List<ConfigOption<?>> all() {
        return List.of(PARALLELISM, MAX_PARALLELISM, OBJECT_REUSE, BUFFER_TIMEOUT, ACCUMULATOR_REPORT_INTERVAL);
    }
}
