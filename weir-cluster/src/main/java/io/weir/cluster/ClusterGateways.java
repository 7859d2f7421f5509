package io.weir.cluster;

import io.weir.network.rpc.RpcService;
import io.weir.runtime.jobmaster.JobMasterGateway;
import io.weir.runtime.resourcemanager.ResourceManagerGateway;
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

    static RpcService rpcService(String host, int port) {
        return new RpcService(new InetSocketAddress(host, port), ClusterGateways.class.getClassLoader(),
                List.of(ResourceManagerGateway.class, TaskExecutorGateway.class, JobMasterGateway.class,
                        DispatcherGateway.class, BlobGateway.class));
    }
}
