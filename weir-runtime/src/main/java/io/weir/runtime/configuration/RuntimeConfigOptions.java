package io.weir.runtime.configuration;

import io.weir.api.configuration.ApiConfigOptions;
import io.weir.api.configuration.ConfigOption;
import io.weir.api.configuration.ConfigOptionProvider;
import io.weir.runtime.metrics.MetricOptions;
import io.weir.runtime.minicluster.MiniClusterOptions;
import java.util.List;

/** The options the runtime declares, registered through {@code META-INF/services}. */
public final class RuntimeConfigOptions implements ConfigOptionProvider {

    @Override
    public List<ConfigOption<?>> options() {
        return ApiConfigOptions.optionsOf(TaskManagerOptions.class, JobManagerOptions.class, MiniClusterOptions.class,
                MetricOptions.class, SecurityOptions.class);
    }

    @Override
    public List<String> claimedNamespaces() {
        return List.of("taskmanager.", "jobmanager.", "slot.", "minicluster.", "heartbeat.", "blob.",
                "security.ssl.");
    }
}
