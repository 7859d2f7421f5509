package io.weir.cluster;

import io.weir.api.configuration.ApiConfigOptions;
import io.weir.api.configuration.ConfigOption;
import io.weir.api.configuration.ConfigOptionProvider;
import io.weir.cluster.ha.HighAvailabilityOptions;
import java.util.List;

/** The options the cluster's processes declare, registered through {@code META-INF/services}. */
public final class ClusterConfigOptions implements ConfigOptionProvider {

    @Override
    public List<ConfigOption<?>> options() {
        List<ConfigOption<?>> options = new java.util.ArrayList<>(ApiConfigOptions.optionsOf(HighAvailabilityOptions.class));
        options.addAll(ApiConfigOptions.optionsOf(ShutdownOptions.class));
        options.addAll(ApiConfigOptions.optionsOf(JobStoreOptions.class));
        return options;
    }

    @Override
    public List<String> claimedNamespaces() {
        return List.of("high-availability.");
    }
}
