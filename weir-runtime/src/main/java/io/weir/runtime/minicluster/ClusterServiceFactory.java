package io.weir.runtime.minicluster;

import io.weir.api.configuration.ConfigOption;
import io.weir.api.configuration.Configuration;
import java.util.List;

/**
 * Starts a service beside a cluster's JobManager when the configuration asks for it, such as the
 * REST API ({@code rest.port}). Found through {@link java.util.ServiceLoader}, so a module above
 * the runtime (weir-web) plugs in without the runtime depending on it.
 */
public interface ClusterServiceFactory {
    /** The options of the service, so that configuration files may name them. */
    List<ConfigOption<?>> options();

    /**
     * Starts the service on {@code cluster} if {@code configuration} enables it.
     *
     * @return the running service, closed when the cluster shuts down, or {@code null} if not enabled
     * @throws IllegalArgumentException if the service's options are invalid
     */
    AutoCloseable startIfConfigured(MiniCluster cluster, Configuration configuration) throws Exception;
}
