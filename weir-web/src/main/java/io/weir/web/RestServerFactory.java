package io.weir.web;

import io.weir.api.configuration.ConfigOption;
import io.weir.api.configuration.Configuration;
import io.weir.runtime.minicluster.ClusterServiceFactory;
import io.weir.runtime.minicluster.MiniCluster;
import java.util.List;

/** Starts the {@link RestServer} on a cluster when {@code rest.port} or {@code rest.bind-port} is set. */
public final class RestServerFactory implements ClusterServiceFactory {
    @Override
    public List<ConfigOption<?>> options() {
        return WebOptions.all();
    }

    @Override
    public AutoCloseable startIfConfigured(MiniCluster cluster, Configuration configuration) {
        if (!configuration.contains(WebOptions.PORT) && !configuration.contains(WebOptions.BIND_PORT)) {
            return null;
        }
        return RestServer.start(cluster, configuration);
    }
}
