package io.weir.api.configuration;

import io.weir.api.environment.BatchShuffleMode;
import io.weir.api.environment.RuntimeExecutionMode;
import java.time.Duration;

/** Settings of how a job executes: streaming or batch, batch sorting memory, network flushing, accumulator reports. */
public final class ExecutionOptions {
    private ExecutionOptions() {}

    public static final ConfigOption<RuntimeExecutionMode> RUNTIME_MODE = ConfigOptions.key("execution.runtime-mode")
            .enumType(RuntimeExecutionMode.class).defaultValue(RuntimeExecutionMode.STREAMING)
            .withDescription("STREAMING, BATCH (every source must be bounded) or AUTOMATIC (BATCH when every "
                    + "source is bounded).");

    public static final ConfigOption<MemorySize> SORTED_INPUTS_MEMORY = ConfigOptions.key("execution.sorted-inputs.memory")
            .memoryType().defaultValue(MemorySize.ofMebiBytes(128))
            .withValidation(m -> m.getBytes() >= 1024, "be at least 1kb")
            .withDescription("In BATCH mode, the heap memory each keyed operator subtask may use to sort its input "
                    + "by key before it runs; more input is sorted in runs spilled to temporary files "
                    + "(java.io.tmpdir) and merged.");

    public static final ConfigOption<BatchShuffleMode> BATCH_SHUFFLE_MODE =
            ConfigOptions.key("execution.batch-shuffle-mode")
            .enumType(BatchShuffleMode.class).defaultValue(BatchShuffleMode.ALL_EXCHANGES_BLOCKING)
            .withDescription("In BATCH mode, how tasks exchange data: ALL_EXCHANGES_BLOCKING (each stage writes its "
                    + "whole output before the next one starts; stages run one after another, so the job needs only "
                    + "the slots of its largest stage, and a failed subtask restarts alone) or ALL_EXCHANGES_PIPELINED "
                    + "(as in STREAMING: all tasks at once, a failure restarts the job).");

    public static final ConfigOption<MemorySize> BATCH_SHUFFLE_MEMORY = ConfigOptions.key("execution.batch-shuffle.memory")
            .memoryType().defaultValue(MemorySize.ofMebiBytes(64))
            .withDescription("In BATCH mode with blocking exchanges, the heap memory each producer subtask may keep "
                    + "of its output on one exchange; what does not fit is written to a temporary file "
                    + "(java.io.tmpdir), deleted when the job ends.");

    public static final ConfigOption<Duration> BUFFER_TIMEOUT = ConfigOptions.key("execution.buffer-timeout.interval")
            .durationType().defaultValue(Duration.ofMillis(100))
            .withDeprecatedKeys("execution.buffer-timeout")
            .withValidation(d -> !d.isNegative(), "not be negative")
            .withDescription("Longest time a partly filled network buffer waits before it is sent; 0 sends "
                    + "every record at once (lowest latency, lowest throughput).");

    public static final ConfigOption<Duration> ACCUMULATOR_REPORT_INTERVAL =
            ConfigOptions.key("execution.accumulator-report-interval")
            .durationType().defaultValue(Duration.ofSeconds(1))
            .withValidation(d -> !d.isNegative() && !d.isZero(), "be longer than 0")
            .withDescription("How often running tasks report their accumulators, so that JobClient.getAccumulators() "
                    + "shows live values. Final values are reported when a task ends, whatever this is.");
}
