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

    static RpcService rpcService(String host, int port) {
        return new RpcService(new InetSocketAddress(host, port), ClusterGateways.class.getClassLoader(),
                List.of(ResourceManagerGateway.class, TaskExecutorGateway.class, JobMasterGateway.class,
                        DispatcherGateway.class));
    }
}
