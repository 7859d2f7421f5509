package io.weir.runtime.minicluster;

import io.weir.api.configuration.ConfigOption;
import io.weir.api.configuration.ConfigOptions;
import java.util.List;

/** Settings of the embedded cluster. */
public final class MiniClusterOptions {
    private MiniClusterOptions() {}

    public static final ConfigOption<Integer> NUM_TASK_MANAGERS = ConfigOptions.key("minicluster.number-of-taskmanagers")
            .intType().defaultValue(1)
            .withDescription("Number of task executors the embedded cluster starts.");

    public static final ConfigOption<Integer> SLOTS_PER_TASK_MANAGER = ConfigOptions.key("taskmanager.numberOfTaskSlots")
            .intType().noDefaultValue()
            .withDescription("Slots per task manager. Unset for a local job: as many as the job needs.");

    public static List<ConfigOption<?>> all() {
        return List.of(NUM_TASK_MANAGERS, SLOTS_PER_TASK_MANAGER);
    }
}
