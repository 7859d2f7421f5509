package io.weir.cluster;

import io.weir.network.InternalTls;
import io.weir.network.rpc.RpcService;
import io.weir.runtime.jobmaster.JobMasterGateway;
import io.weir.runtime.resourcemanager.ResourceManagerGateway;
import io.weir.runtime.security.SslSettings;
import io.weir.runtime.taskexecutor.TaskExecutorGateway;
import java.net.InetSocketAddress;
import java.util.List;

/** The cluster's gateway interfaces, which travel by reference between its processes. */
final class ClusterGateways {
    /** The name the JobManager exports its resource manager under. */
    static final String RESOURCE_MANAGER = "resourcemanager";

    private ClusterGateways() {}

    /** Where a process makes its directory of jobs' jars: {@code blob.storage.directory}, else the temp dir. */
    static java.nio.file.Path blobParent(io.weir.api.configuration.Configuration configuration) {
        return java.nio.file.Path.of(configuration.getOptional(io.weir.runtime.configuration.JobManagerOptions
                .BLOB_STORAGE_DIRECTORY).orElse(System.getProperty("java.io.tmpdir")));
    }

    /**
     * A control-plane service on {@code host:port}, with TLS when {@code tls} is given.
     *
     * @param tls from {@link #internalTls}; {@code null} for plain TCP
     */
    static RpcService rpcService(String host, int port, InternalTls tls) {
        return new RpcService(new InetSocketAddress(host, port), ClusterGateways.class.getClassLoader(),
                List.of(ResourceManagerGateway.class, TaskExecutorGateway.class, JobMasterGateway.class,
                        DispatcherGateway.class, BlobGateway.class), tls);
    }

    /**
     * TLS for the process's internal connections, or {@code null} when {@code security.ssl.internal.enabled}
     * is off.
     *
     * @throws io.weir.api.configuration.IllegalConfigurationException if a key store cannot be used, naming
     *     the option and the file
     */
    static InternalTls internalTls(io.weir.api.configuration.Configuration configuration) {
        return SslSettings.internal(configuration).map(InternalTls::new).orElse(null);
    }
}
