package io.weir.cluster;

import io.weir.api.configuration.Configuration;
import io.weir.network.rpc.RpcService;
import io.weir.runtime.configuration.JobManagerOptions;
import io.weir.runtime.minicluster.MiniCluster;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A cluster's JobManager: the resource manager that TaskManagers register with, one JobMaster per
 * job, the dispatcher clients submit to, and the services configured beside them (the REST API when
 * {@code rest.port} is set and weir-web is on the classpath), all reachable on the control plane at
 * {@code jobmanager.rpc.address:jobmanager.rpc.port}.
 *
 * <p>{@link #main} runs it in the foreground until SIGTERM (or Ctrl-C), which cancels the running
 * jobs and closes the ports; it serves the REST API on port 8081 unless {@code rest.port} or
 * {@code rest.bind-port} say otherwise. Once ready it prints {@code JobManager ready at host:port} on stdout.
 *
 * <p>Threading: start and close from one thread; the components run on their own threads.
 */
public final class JobManagerProcess implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JobManagerProcess.class);

    private final MiniCluster cluster;
    private final RpcService rpc;
    private final BlobStore blobs;
    private final JobCodeCache jobCode;

    /** Starts the JobManager; returns when it accepts TaskManagers and jobs. */
    public JobManagerProcess(Configuration configuration) {
        blobs = new BlobStore(ClusterGateways.blobParent(configuration));
        jobCode = new JobCodeCache(blobs.directory().resolve("loaded"),
                jar -> java.nio.file.Files.readAllBytes(blobs.path(jar.key())), JobManagerProcess.class.getClassLoader());
        cluster = MiniCluster.withRemoteTaskManagers(Clock.systemUTC(), configuration);
        cluster.addJobHook(new JobJarShipping(blobs));
        cluster.start();
        try {
            rpc = ClusterGateways.rpcService(configuration.get(JobManagerOptions.RPC_ADDRESS),
                    configuration.get(JobManagerOptions.RPC_PORT));
        } catch (RuntimeException e) {
            cluster.close();
            blobs.close();
            throw e;
        }
        rpc.export(ClusterGateways.RESOURCE_MANAGER, cluster);
        rpc.export(BlobGateway.NAME, blobs);
        rpc.export(DispatcherGateway.NAME, new Dispatcher(cluster, JobManagerProcess.class.getClassLoader(), jobCode));
    }

    /** Where TaskManagers and clients reach this JobManager. */
    public InetSocketAddress address() {
        return rpc.address();
    }

    /** The cluster this JobManager runs (for monitoring). */
    public MiniCluster cluster() {
        return cluster;
    }

    @Override
    public void close() {
        cluster.close();
        rpc.close();
        jobCode.close();
        blobs.close();
    }

    public static void main(String[] args) throws InterruptedException {
        JobManagerProcess jobManager;
        try {
            Configuration configuration = ProcessConfiguration.fromArguments(args);
            if (!configuration.containsKey("rest.port") && !configuration.containsKey("rest.bind-port")) {
                // as Flink's, a JobManager process serves its REST API (bin/weir list, cancel, savepoint) on 8081
                configuration.setString("rest.port", "8081");
            }
            jobManager = new JobManagerProcess(configuration);
        } catch (RuntimeException e) {
            System.err.println("The JobManager could not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping the JobManager");
            jobManager.close();
            stopped.countDown();
        }, "weir-jobmanager-shutdown"));
        InetSocketAddress address = jobManager.address();
        System.out.println("JobManager ready at " + address.getHostString() + ":" + address.getPort());
        System.out.flush();
        stopped.await();
    }
}
