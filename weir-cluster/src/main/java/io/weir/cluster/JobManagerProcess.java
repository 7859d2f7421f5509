package io.weir.cluster;

import io.weir.api.configuration.Configuration;
import io.weir.cluster.ha.HighAvailabilityOptions;
import io.weir.cluster.ha.ZooKeeperServices;
import io.weir.network.InternalTls;
import io.weir.network.rpc.RpcService;
import io.weir.runtime.configuration.JobManagerOptions;
import io.weir.runtime.minicluster.ClusterEndpoint;
import io.weir.runtime.minicluster.MiniCluster;
import java.io.IOException;
import io.weir.runtime.checkpoint.SnapshotType;
import io.weir.runtime.jobmaster.JobMaster;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
 * <p>With {@code high-availability.type: ZOOKEEPER} several JobManagers run; they elect a leader
 * through ZooKeeper, and only the leader starts these components ({@link HighlyAvailableJobManagerProcess}),
 * under a leader session of its own that every call to it must name (fencing). It records its
 * jobs and their checkpoints ({@link RecoverableJobs}), recovers the jobs of the previous leader,
 * and then publishes its addresses for TaskManagers and clients. The others wait as standbys.
 *
 * <p>{@link #main} runs it in the foreground until SIGTERM (or Ctrl-C), which cancels the running
 * jobs and closes the ports — except in a highly available cluster, where the jobs stay recorded
 * and the next leader resumes them. It serves the REST API on port 8081 unless {@code rest.port} or
 * {@code rest.bind-port} say otherwise. Once ready it prints {@code JobManager ready at host:port} on
 * stdout (a standby first prints {@code JobManager standby}). A leader that loses its leadership
 * refuses every call at once and steps down ({@link #suspend}), becoming a standby again
 * ({@link HighlyAvailableJobManagerProcess}).
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
    private final Dispatcher dispatcher;

    /** Starts the JobManager of a cluster without high availability; returns when it accepts TaskManagers and jobs. */
    public JobManagerProcess(Configuration configuration) {
        this(configuration, null, null, null);
    }

    /**
     * @param session the leader session this JobManager leads under (its fencing token), or {@code null}
     *     without high availability
     * @param leaderNode its election node in ZooKeeper this term ({@link io.weir.cluster.ha.LeaderElection#latchNode()}),
     *     checked by its removals of job records; {@code null} without high availability
     */
    JobManagerProcess(Configuration configuration, ZooKeeperServices zooKeeper, String session, String leaderNode) {
        this.session = session;
        InternalTls tls = ClusterGateways.internalTls(configuration); // before anything starts: a bad key store stops here
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
                    RecoverableJobs.checkpointDirectoryUnder(zooKeeper.storageDirectory()), leaderNode);
            if (recoverableJobs != null) {
                cluster.addJobHook(recoverableJobs);
            }
            rpc = ClusterGateways.rpcService(configuration.get(JobManagerOptions.RPC_ADDRESS),
                    configuration.get(JobManagerOptions.RPC_PORT), tls);
            if (session != null) {
                rpc.leadAs(session); // before anything is exported: no call without the session is ever served
            }
        } catch (RuntimeException e) {
            cluster.close();
            blobs.close();
            throw e;
        }
        EndedJobs ended = new EndedJobs(configuration.get(JobStoreOptions.MAX_CAPACITY),
                java.time.Duration.ofSeconds(configuration.get(JobStoreOptions.EXPIRATION_TIME)), Clock.systemUTC());
        dispatcher = new Dispatcher(cluster, JobManagerProcess.class.getClassLoader(), jobCode, ended, rpc::unexport);
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

    /** Where TaskManagers and clients reach this JobManager. */
    public InetSocketAddress address() {
        return rpc.address();
    }

    /** The cluster this JobManager runs (for monitoring). */
    public MiniCluster cluster() {
        return cluster;
    }

    /** The leader session this JobManager leads under (its fencing token), or {@code null} without high availability. */
    public String session() {
        return session;
    }

    /** Where the REST API is served, or {@code null} if it is not. */
    String restUrl() {
        return cluster.service(ClusterEndpoint.class).map(ClusterEndpoint::url).orElse(null);
    }

    /** Refuses every call from now on (this JobManager lost its leadership); safe from any thread. */
    void fence() {
        rpc.stopLeading();
    }

    /**
     * Steps down as the leader of a highly available cluster: refuses every call at once, stops the jobs
     * here without ending them for the cluster (they stay recorded, with their checkpoints, for the next
     * leader; their TaskManagers cancel the tasks when they learn of the new leader), and closes its ports.
     */
    void suspend() {
        fence();
        recoverableJobs.suspend();
        dispatcher.suspendAll();
        cluster.close();
        rpc.close();
        jobCode.close();
        blobs.close();
    }

    /**
     * With {@code jobmanager.shutdown.savepoint-dir} set, stops every running job with a savepoint there
     * (the sinks commit up to it) and waits up to {@code jobmanager.shutdown.savepoint-timeout} for them;
     * prints where each went ({@code Stopped job <id> with a savepoint at <path>}). Jobs whose savepoint
     * fails or takes longer are left to {@link #close}.
     */
    void stopJobsWithSavepoints() {
        Configuration configuration = cluster.configuration();
        String directory = configuration.getOptional(ShutdownOptions.SAVEPOINT_DIR).orElse(null);
        if (directory == null) {
            return;
        }
        long deadline = System.nanoTime() + configuration.get(ShutdownOptions.SAVEPOINT_TIMEOUT).toNanos();
        java.util.Map<JobMaster, CompletableFuture<String>> savepoints = new java.util.LinkedHashMap<>();
        for (JobMaster job : dispatcher.runningJobs()) {
            savepoints.put(job, job.triggerSavepoint(directory, SnapshotType.SAVEPOINT_SUSPEND));
        }
        savepoints.forEach((job, savepoint) -> {
            String jobId = job.jobId().toHexString();
            try {
                String location = savepoint.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                job.result().handle((r, e) -> null).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                LOG.info("Stopped job {} with a savepoint at {}", jobId, location);
                System.out.println("Stopped job " + jobId + " with a savepoint at " + location);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                LOG.warn("Job {} could not be stopped with a savepoint in {} ({}): it is cancelled instead", jobId,
                        directory, e instanceof TimeoutException ? "took longer than "
                                + ShutdownOptions.SAVEPOINT_TIMEOUT.key() : e.getCause().getMessage());
            }
        });
        System.out.flush();
    }

    /**
     * Stops the JobManager, first stopping the jobs with savepoints if {@code
     * jobmanager.shutdown.savepoint-dir} is set ({@link #stopJobsWithSavepoints}). Without high
     * availability the remaining jobs are cancelled; a leader of a highly available cluster
     * {@link #suspend steps down}, leaving its remaining jobs recorded for the next leader. In-flight
     * calls finish first (see {@link RpcService#close}).
     */
    @Override
    public void close() {
        stopJobsWithSavepoints();
        if (recoverableJobs != null) {
            suspend();
            return;
        }
        cluster.close();
        rpc.close();
        jobCode.close();
        blobs.close();
    }

    /** Starts from the command line's configuration: with high availability, as a standby first. */
    public static void main(String[] args) throws InterruptedException {
        Configuration configuration;
        try {
            configuration = ProcessConfiguration.fromArguments(args);
        } catch (RuntimeException e) {
            System.err.println("The JobManager could not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        if (!configuration.containsKey("rest.port") && !configuration.containsKey("rest.bind-port")) {
            // as Flink's, a JobManager process serves its REST API (bin/weir list, cancel, savepoint) on 8081
            configuration.setString("rest.port", "8081");
        }
        if (HighAvailabilityOptions.isEnabled(configuration)) {
            runHighlyAvailable(configuration);
            return;
        }
        JobManagerProcess jobManager;
        try {
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
        printReady(jobManager);
        stopped.await();
    }

    private static void runHighlyAvailable(Configuration configuration) {
        HighlyAvailableJobManagerProcess jobManager;
        try {
            ClusterGateways.internalTls(configuration); // a bad key store stops a standby too, not only once it leads
            jobManager = HighlyAvailableJobManagerProcess.start(configuration, JobManagerProcess::printReady,
                    zooKeeper -> println("JobManager standby: waiting for leadership (" + zooKeeper + ")"));
        } catch (RuntimeException e) {
            System.err.println("The JobManager could not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping the JobManager");
            jobManager.close();
        }, "weir-jobmanager-shutdown"));
        try {
            jobManager.terminated().join();
        } catch (java.util.concurrent.CompletionException e) {
            System.err.println("The JobManager could not lead: " + e.getCause().getMessage());
            System.exit(1);
        }
    }

    private static void printReady(JobManagerProcess jobManager) {
        InetSocketAddress address = jobManager.address();
        println("JobManager ready at " + address.getHostString() + ":" + address.getPort());
    }

    private static void println(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
