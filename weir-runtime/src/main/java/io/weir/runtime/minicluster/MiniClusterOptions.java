package io.weir.runtime.minicluster;

import io.weir.api.configuration.ConfigOption;
import io.weir.api.configuration.ConfigOptions;

/** Settings of the embedded cluster; its slots per task manager are {@code taskmanager.numberOfTaskSlots}. */
public final class MiniClusterOptions {
    private MiniClusterOptions() {}

    public static final ConfigOption<Integer> NUM_TASK_MANAGERS = ConfigOptions.key("minicluster.number-of-taskmanagers")
            .intType().defaultValue(1)
            .withValidation(n -> n >= 1, "be at least 1")
            .withDescription("Number of task executors the embedded cluster of a local environment starts.");
}
