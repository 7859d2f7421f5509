package io.weir.cluster;

import io.weir.api.configuration.Configuration;
import io.weir.cluster.ha.HighAvailabilityOptions;
import io.weir.cluster.ha.LeaderElection;
import io.weir.cluster.ha.LeaderInfo;
import io.weir.cluster.ha.ZooKeeperServices;
import io.weir.network.rpc.RpcService;
import io.weir.runtime.configuration.JobManagerOptions;
import io.weir.runtime.minicluster.ClusterEndpoint;
import io.weir.runtime.minicluster.MiniCluster;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A cluster's JobManager: the resource manager that TaskManagers register with, one JobMaster per
 * job, the dispatcher clients submit to, and the services configured beside them (the REST API when
 * {@code rest.port} is set and weir-web is on the classpath), all reachable on the control plane at
 * {@code jobmanager.rpc.address:jobmanager.rpc.port}.
 *
 * <p>With {@code high-availability.type: ZOOKEEPER} several JobManagers run; they elect a leader
 * through ZooKeeper, and only the leader starts these components ({@link #lead}). It records its
 * jobs and their checkpoints ({@link RecoverableJobs}), recovers the jobs of the previous leader,
 * and then publishes its addresses for TaskManagers and clients. The others wait as standbys.
 *
 * <p>{@link #main} runs it in the foreground until SIGTERM (or Ctrl-C), which cancels the running
 * jobs and closes the ports — except in a highly available cluster, where the jobs stay recorded
 * and the next leader resumes them. It serves the REST API on port 8081 unless {@code rest.port} or
 * {@code rest.bind-port} say otherwise. Once ready it prints {@code JobManager ready at host:port} on
 * stdout (a standby first prints {@code JobManager standby}). A leader that loses its leadership
 * halts at once, so that it never acts beside the new one.
 *
 * <p>Threading: start and close from one thread; the components run on their own threads.
 */
public final class JobManagerProcess implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JobManagerProcess.class);

    private final MiniCluster cluster;
    private final RpcService rpc;
    private final BlobStore blobs;
    private final JobCodeCache jobCode;
    private final RecoverableJobs recoverableJobs;
    private final String session;

    /** Starts the JobManager of a cluster without high availability; returns when it accepts TaskManagers and jobs. */
    public JobManagerProcess(Configuration configuration) {
        this(configuration, null, null);
    }

    /**
     * @param session the leader session this JobManager leads under (its fencing token), or {@code null}
     *     without high availability
     */
    private JobManagerProcess(Configuration configuration, ZooKeeperServices zooKeeper, String session) {
        this.session = session;
        blobs = new BlobStore(ClusterGateways.blobParent(configuration));
        jobCode = new JobCodeCache(blobs.directory().resolve("loaded"),
                jar -> java.nio.file.Files.readAllBytes(blobs.path(jar.key())), JobManagerProcess.class.getClassLoader());
        cluster = MiniCluster.withRemoteTaskManagers(Clock.systemUTC(), configuration);
        cluster.addJobHook(new JobJarShipping(blobs));
        cluster.start();
        try {
            // after start: the cluster configured the file systems the HA storage directory may be on
            recoverableJobs = zooKeeper == null ? null : new RecoverableJobs(zooKeeper.jobGraphStore(),
                    zooKeeper.checkpointPointers(), blobs,
                    RecoverableJobs.checkpointDirectoryUnder(zooKeeper.storageDirectory()));
            if (recoverableJobs != null) {
                cluster.addJobHook(recoverableJobs);
            }
            rpc = ClusterGateways.rpcService(configuration.get(JobManagerOptions.RPC_ADDRESS),
                    configuration.get(JobManagerOptions.RPC_PORT));
            if (session != null) {
                rpc.leadAs(session); // before anything is exported: no call without the session is ever served
            }
        } catch (RuntimeException e) {
            cluster.close();
            blobs.close();
            throw e;
        }
        Dispatcher dispatcher = new Dispatcher(cluster, JobManagerProcess.class.getClassLoader(), jobCode);
        rpc.export(ClusterGateways.RESOURCE_MANAGER, new RegistrationSignal(cluster, dispatcher::taskManagerRegistered));
        rpc.export(BlobGateway.NAME, blobs);
        rpc.export(DispatcherGateway.NAME, dispatcher);
        if (recoverableJobs != null) {
            try {
                int recovered = recoverableJobs.recoverInto(dispatcher);
                LOG.info("Recovered {} job(s) of the previous leader", recovered);
            } catch (IOException | RuntimeException e) {
                close();
                throw new IllegalStateException("The new leader cannot recover the cluster's jobs from " + zooKeeper
                        + " and " + HighAvailabilityOptions.STORAGE_DIR.key() + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Waits until this JobManager is elected leader, then starts it, recovers the previous leader's
     * jobs and publishes its addresses.
     *
     * @param election started, with a reaction to a later loss of leadership
     */
    public static JobManagerProcess lead(Configuration configuration, ZooKeeperServices zooKeeper,
            LeaderElection election) throws InterruptedException {
        election.awaitLeadership();
        JobManagerProcess jobManager = new JobManagerProcess(configuration, zooKeeper, UUID.randomUUID().toString());
        try {
            election.publish(new LeaderInfo(jobManager.address(),
                    jobManager.cluster.service(ClusterEndpoint.class).map(ClusterEndpoint::url).orElse(null),
                    jobManager.session));
        } catch (RuntimeException e) {
            jobManager.close();
            throw e;
        }
        return jobManager;
    }

    /** Where TaskManagers and clients reach this JobManager. */
    public InetSocketAddress address() {
        return rpc.address();
    }

    /** The cluster this JobManager runs (for monitoring). */
    public MiniCluster cluster() {
        return cluster;
    }

    /**
     * Stops the JobManager. Without high availability its jobs are cancelled; a leader of a highly
     * available cluster leaves them recorded (and their checkpoints in place) and only closes its
     * ports, since the process ends and the next leader resumes them.
     */
    @Override
    public void close() {
        if (recoverableJobs != null) {
            recoverableJobs.suspend();
            rpc.close();
            return;
        }
        cluster.close();
        rpc.close();
        jobCode.close();
        blobs.close();
    }

    /** A started JobManager process and, with high availability, its ZooKeeper connection and election. */
    private record Started(JobManagerProcess jobManager, ZooKeeperServices zooKeeper, LeaderElection election) {
        void stop() {
            jobManager.close();
            if (election != null) {
                election.close();
                zooKeeper.close();
            }
        }
    }

    /** Starts from the command line's configuration; with high availability, waits for leadership first. */
    private static Started start(String[] args) throws InterruptedException {
        Configuration configuration = ProcessConfiguration.fromArguments(args);
        if (!configuration.containsKey("rest.port") && !configuration.containsKey("rest.bind-port")) {
            // as Flink's, a JobManager process serves its REST API (bin/weir list, cancel, savepoint) on 8081
            configuration.setString("rest.port", "8081");
        }
        if (!HighAvailabilityOptions.isEnabled(configuration)) {
            return new Started(new JobManagerProcess(configuration), null, null);
        }
        ZooKeeperServices zooKeeper = ZooKeeperServices.connect(configuration);
        zooKeeper.storageDirectory(); // fails now, not once elected, if it is missing
        LeaderElection election = zooKeeper.leaderElection("jobmanager-" + UUID.randomUUID());
        // never act beside the new leader: halt, with no clean-up that could touch the jobs' records
        election.start(() -> Runtime.getRuntime().halt(2));
        System.out.println("JobManager standby: waiting for leadership (" + zooKeeper + ")");
        System.out.flush();
        return new Started(lead(configuration, zooKeeper, election), zooKeeper, election);
    }

    public static void main(String[] args) throws InterruptedException {
        Started started;
        try {
            started = start(args);
        } catch (RuntimeException e) {
            System.err.println("The JobManager could not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping the JobManager");
            started.stop();
            stopped.countDown();
        }, "weir-jobmanager-shutdown"));
        InetSocketAddress address = started.jobManager().address();
        System.out.println("JobManager ready at " + address.getHostString() + ":" + address.getPort());
        System.out.flush();
        stopped.await();
    }
}
