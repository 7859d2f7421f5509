package io.weir.runtime.configuration;

import io.weir.api.configuration.ConfigOption;
import io.weir.api.configuration.ConfigOptions;
import io.weir.api.configuration.MemorySize;
import java.time.Duration;

/**
 * Settings of the task executors: slots, network buffers, and the hand-over from a source
 * function's thread to its task. Keys are Flink's where Flink has the concept.
 *
 * <p>On the embedded MiniCluster these are read from the job's configuration, which holds the
 * cluster's settings (from {@code conf/config.yaml} and {@code -D}) as well as the job's.
 */
public final class TaskManagerOptions {
    private TaskManagerOptions() {}

    public static final ConfigOption<String> HOST = ConfigOptions.key("taskmanager.host")
            .stringType().defaultValue("localhost")
            .withDescription("The address other processes reach this TaskManager at (its control and data ports).");

    public static final ConfigOption<Integer> RPC_PORT = ConfigOptions.key("taskmanager.rpc.port")
            .intType().defaultValue(0)
            .withValidation(p -> p >= 0 && p <= 65535, "be a port number (0 picks a free one)")
            .withDescription("Port of the TaskManager's control plane.");

    public static final ConfigOption<Integer> DATA_PORT = ConfigOptions.key("taskmanager.data.port")
            .intType().defaultValue(0)
            .withValidation(p -> p >= 0 && p <= 65535, "be a port number (0 picks a free one)")
            .withDescription("Port other TaskManagers send records to.");

    public static final ConfigOption<Integer> NUM_TASK_SLOTS = ConfigOptions.key("taskmanager.numberOfTaskSlots")
            .intType().noDefaultValue()
            .withValidation(n -> n >= 1, "be at least 1")
            .withDescription("Slots per task manager. Unset for a local job: as many as the job needs.");

    public static final ConfigOption<MemorySize> MEMORY_SEGMENT_SIZE =
            ConfigOptions.key("taskmanager.memory.segment-size")
            .memoryType().defaultValue(MemorySize.parse("32kb"))
            .withValidation(s -> s.getBytes() >= 256 && s.getBytes() <= (1 << 30), "be between 256 bytes and 1 gb")
            .withDescription("Size of a network buffer: records are serialized into buffers of this size, and a "
                    + "full buffer is handed to the consumer.");

    public static final ConfigOption<Integer> NETWORK_BUFFERS_PER_CHANNEL =
            ConfigOptions.key("taskmanager.network.memory.buffers-per-channel")
            .intType().defaultValue(2)
            .withValidation(n -> n >= 1, "be at least 1")
            .withDescription("Buffers each output channel of a task may have in flight; with the extra buffers "
                    + "of the output, this bounds the data between a producer and its consumers (backpressure).");

    public static final ConfigOption<Integer> NETWORK_EXTRA_BUFFERS_PER_OUTPUT =
            ConfigOptions.key("taskmanager.network.memory.extra-buffers-per-output")
            .intType().defaultValue(2)
            .withValidation(n -> n >= 0, "not be negative")
            .withDescription("Buffers an output shares among its channels on top of buffers-per-channel, so a "
                    + "briefly slow consumer does not stall the others at once.");

    public static final ConfigOption<Duration> SOURCE_FUNCTION_CANCEL_GRACE =
            ConfigOptions.key("taskmanager.source-function.cancel-grace")
            .durationType().defaultValue(Duration.ofSeconds(2))
            .withValidation(d -> !d.isNegative(), "not be negative")
            .withDescription("How long a cancelled SourceFunction's run() may take to return before its thread is "
                    + "interrupted (and, after as long again, left behind with a warning).");
}
