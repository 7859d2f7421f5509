package io.weir.cluster;

import io.weir.api.configuration.Configuration;
import io.weir.cluster.ha.HighAvailabilityOptions;
import io.weir.cluster.ha.LeaderInfo;
import io.weir.cluster.ha.LeaderRetriever;
import io.weir.cluster.ha.ZooKeeperServices;
import io.weir.network.InternalTls;
import io.weir.network.NetworkExchange;
import io.weir.network.TaskLocations;
import io.weir.network.rpc.RpcService;
import io.weir.runtime.configuration.JobManagerOptions;
import io.weir.runtime.configuration.TaskManagerOptions;
import io.weir.runtime.metrics.MetricOptions;
import io.weir.runtime.metrics.MetricRegistry;
import io.weir.runtime.resourcemanager.ResourceManagerGateway;
import io.weir.runtime.taskexecutor.TaskExecutor;
import io.weir.runtime.graph.JobJar;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A cluster's TaskManager: a TaskExecutor with {@code taskmanager.numberOfTaskSlots} slots, its data
 * port for records from other TaskManagers, and its control-plane port. It registers with the
 * JobManager at {@code jobmanager.rpc.address:jobmanager.rpc.port} and sends a heartbeat every
 * {@code heartbeat.interval}. Its id is its data address, {@code host:port}.
 *
 * <p>{@link #main} runs it in the foreground until SIGTERM, which {@link #close stops it gracefully}:
 * it releases its slots at the JobManager (whose jobs fail over at once), cancels its tasks and
 * closes its ports. Once registered it prints {@code TaskManager <id> registered} on stdout, and
 * {@code TaskManager <id> stopped} when it stopped.
 *
 * <p>The jars of the jobs whose tasks it runs are fetched from the JobManager's blob service when a
 * job's first task arrives and loaded by one class loader per job ({@link JobCodeCache}), which is
 * closed, and the copies deleted, when the job's last task here ends.
 *
 * <p>Threading: start and close from one thread; the heartbeat runs on a timer thread.
 */
public final class TaskManagerProcess implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TaskManagerProcess.class);
    /** How long the download of a job's jar may take before the deployment that needs it fails. */
    private static final long DOWNLOAD_TIMEOUT_SECONDS = 120;
    private static final long REGISTRATION_TIMEOUT_SECONDS = 30;
    /** How long the tasks of a lost leader may take to end before the TaskManager halts instead. */
    private static final long CANCEL_TIMEOUT_SECONDS = 60;
    /** How long a stopping TaskManager waits for the JobManager to withdraw its slots. */
    private static final long LEAVE_TIMEOUT_SECONDS = 10;

    private final NetworkExchange exchange;
    private final MetricRegistry metrics;
    private final TaskExecutor taskExecutor;
    private final RpcService rpc;
    private final ScheduledExecutorService heartbeats;
    private final JobCodeCache jobCode;
    private final int slots;
    private final ZooKeeperServices zooKeeper;
    private final LeaderRetriever leaders;
    /** Follows leader changes one at a time, off Curator's thread. */
    private final ExecutorService leaderChanges;
    /** The JobManager this TaskManager is registered with (changes when a new leader takes over). */
    private volatile JobManagerConnection jobManager;
    /** Whether the tasks of {@link #jobManager} were cancelled since it was lost (touched by leaderChanges only). */
    private boolean cancelledTasksOfLostLeader;

    /** The gateways of one JobManager, and the leader session it leads under ({@code null} without HA). */
    private record JobManagerConnection(InetSocketAddress address, String session,
            ResourceManagerGateway resourceManager, BlobGateway blobs) {}

    /**
     * Starts the TaskManager and registers it; returns once the JobManager accepted its slots. With
     * {@code high-availability.type: ZOOKEEPER} the JobManager is the cluster's leader, found through
     * ZooKeeper; when a new leader takes over, this TaskManager cancels the tasks of the old one and
     * registers with the new one.
     *
     * @throws IllegalStateException if the JobManager cannot be reached, naming its address and the
     *     settings that point to it
     */
    public TaskManagerProcess(Configuration configuration) {
        String host = configuration.get(TaskManagerOptions.HOST);
        slots = configuration.getOptional(TaskManagerOptions.NUM_TASK_SLOTS).orElse(1);
        InternalTls tls = ClusterGateways.internalTls(configuration); // before any port opens: a bad key store stops here
        exchange = new NetworkExchange(new InetSocketAddress(host, configuration.get(TaskManagerOptions.DATA_PORT)),
                new TaskLocations(), configuration.get(TaskManagerOptions.NETWORK_BUFFERS_PER_CHANNEL),
                configuration.get(TaskManagerOptions.MEMORY_SEGMENT_SIZE).getBytesAsInt(), tls);
        String id = TaskLocations.idOf(exchange.address());
        metrics = MetricOptions.createRegistry(configuration);
        taskExecutor = new TaskExecutor(id, slots, exchange, metrics, host);
        rpc = ClusterGateways.rpcService(host, configuration.get(TaskManagerOptions.RPC_PORT), tls);
        jobCode = new JobCodeCache(codeDirectory(configuration, id), jar -> download(jobManager.blobs(), jar),
                TaskManagerProcess.class.getClassLoader());
        rpc.resolveJobCodeWith(jobCode);
        heartbeats = Executors.newSingleThreadScheduledExecutor(daemon("weir-heartbeat"));
        leaderChanges = Executors.newSingleThreadExecutor(daemon("weir-leader-change"));
        FirstRegistration first;
        try {
            first = firstRegistration(configuration);
        } catch (Exception e) {
            close();
            throw new IllegalStateException("TaskManager " + id + " found no JobManager: " + e.getMessage(), e);
        }
        zooKeeper = first.zooKeeper();
        leaders = first.leaders();
        InetSocketAddress jobManagerAddress = first.address();
        try {
            register(jobManagerAddress, first.session());
        } catch (Exception e) {
            close();
            throw new IllegalStateException("TaskManager " + id + " could not register with the JobManager at "
                    + jobManagerAddress + " " + first.foundThrough() + ": " + e.getMessage(), e);
        }
        if (leaders != null) {
            leaders.addListener(leader -> leaderChanges.execute(() -> followLeader(leader)));
        }
        long interval = configuration.get(JobManagerOptions.HEARTBEAT_INTERVAL).toMillis();
        heartbeats.scheduleWithFixedDelay(this::sendHeartbeat, 0, interval, TimeUnit.MILLISECONDS);
        LOG.info("TaskManager {} registered with the JobManager at {} ({} slot(s))", id, jobManagerAddress, slots);
    }

    /** The JobManager to register with first, how it was found, and (with high availability) how to follow it. */
    private record FirstRegistration(InetSocketAddress address, String session, String foundThrough,
            ZooKeeperServices zooKeeper, LeaderRetriever leaders) {}

    private static FirstRegistration firstRegistration(Configuration configuration) throws Exception {
        if (!HighAvailabilityOptions.isEnabled(configuration)) {
            return new FirstRegistration(new InetSocketAddress(configuration.get(JobManagerOptions.RPC_ADDRESS),
                    configuration.get(JobManagerOptions.RPC_PORT)), null, "(jobmanager.rpc.address, jobmanager.rpc.port)",
                    null, null);
        }
        ZooKeeperServices zooKeeper = ZooKeeperServices.connect(configuration);
        LeaderRetriever leaders = zooKeeper.leaderRetriever();
        try {
            LeaderInfo leader = leaders.awaitLeader();
            return new FirstRegistration(leader.resolvedRpcAddress(), leader.session(),
                    "(the leader in " + zooKeeper + ")", zooKeeper, leaders);
        } catch (Exception e) {
            leaders.close();
            zooKeeper.close();
            throw e;
        }
    }

    /**
     * Registers with the JobManager at {@code address}; with high availability, from now on only calls of
     * its leader {@code session} are accepted (set before registering: the leader may call back at once).
     */
    private void register(InetSocketAddress address, String session) throws Exception {
        if (session != null) {
            rpc.acceptCallsOnlyFrom(session);
        }
        JobManagerConnection connection = new JobManagerConnection(address, session,
                rpc.connect(address, ClusterGateways.RESOURCE_MANAGER, ResourceManagerGateway.class, session),
                rpc.connect(address, BlobGateway.NAME, BlobGateway.class, session));
        jobManager = connection;
        connection.resourceManager().registerTaskExecutor(taskExecutor, slots).get(REGISTRATION_TIMEOUT_SECONDS,
                TimeUnit.SECONDS);
    }

    private void sendHeartbeat() {
        try {
            jobManager.resourceManager().heartbeat(id());
        } catch (RuntimeException e) {
            // the JobManager is gone; a lost leader is replaced through ZooKeeper, and a heartbeat failing must
            // not end the schedule
            LOG.debug("Heartbeat to {} failed: {}", jobManager.address(), e.toString());
        }
    }

    /**
     * A change of leader: the old leader's calls are refused from now on, the tasks of its jobs are
     * cancelled (the new leader restarts the jobs from their latest checkpoints, and an old task must
     * not write beside a new one), then the TaskManager registers with the new leader.
     */
    private void followLeader(LeaderInfo leader) {
        JobManagerConnection current = jobManager;
        if (leader != null && !cancelledTasksOfLostLeader && current != null
                && current.address().getPort() == leader.rpcAddress().getPort()
                && current.address().getHostString().equals(leader.rpcAddress().getHostString())
                && java.util.Objects.equals(current.session(), leader.session())) {
            return; // the same leader in the same session, published again
        }
        if (!cancelledTasksOfLostLeader) {
            rpc.acceptCallsOnlyFrom(null); // a former leader's deployments and cancellations are dropped
            try {
                taskExecutor.cancelAllJobs().get(CANCEL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                cancelledTasksOfLostLeader = true;
                LOG.info("TaskManager {} cancelled the tasks of the lost JobManager {}", id(), current.address());
            } catch (Exception e) {
                LOG.error("TaskManager {} could not cancel the tasks of the lost JobManager within {} s; it stops, so"
                        + " that they cannot run beside the new leader's", id(), CANCEL_TIMEOUT_SECONDS, e);
                Runtime.getRuntime().halt(3);
            }
        }
        if (leader == null) {
            return; // wait for the next leader
        }
        try {
            register(leader.resolvedRpcAddress(), leader.session());
            cancelledTasksOfLostLeader = false;
            LOG.info("TaskManager {} registered with the new leading JobManager at {} ({} slot(s))", id(),
                    leader.rpcHostAndPort(), slots);
        } catch (Exception e) {
            LOG.error("TaskManager {} could not register with the new leading JobManager at {}; it waits for the"
                    + " next leader", id(), leader.rpcHostAndPort(), e);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    private static Path codeDirectory(Configuration configuration, String id) {
        Path parent = ClusterGateways.blobParent(configuration);
        try {
            Files.createDirectories(parent);
            return Files.createTempDirectory(parent, "weir-taskmanager-" + id.replaceAll("[^A-Za-z0-9.-]", "_") + "-");
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create a directory for the jobs' jars under " + parent
                    + " (blob.storage.directory): " + e.getMessage(), e);
        }
    }

    /** A jar from the JobManager, waited for on the thread reading the deployment that needs it. */
    private static byte[] download(BlobGateway blobs, JobJar jar) throws IOException {
        try {
            return blobs.download(jar.key()).get(DOWNLOAD_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while downloading " + jar.name());
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("Could not download the job's jar " + jar.name() + " from the JobManager: "
                    + (e.getCause() != null ? e.getCause().getMessage() : e), e);
        }
    }

    public String id() {
        return taskExecutor.id();
    }

    /**
     * Stops the TaskManager gracefully: it tells the JobManager that it leaves, which withdraws its slots
     * and fails its tasks over to other TaskManagers at once (not after the heartbeat timeout), then
     * cancels its tasks and waits for them to end, lets the calls that already arrived finish, and
     * closes its ports. A JobManager that cannot be told (it is gone) delays nothing beyond a timeout.
     */
    @Override
    public void close() {
        leave();
        try {
            taskExecutor.cancelAllJobs().get(CANCEL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("TaskManager {}: its tasks did not all end within {} s; it stops anyway", id(),
                    CANCEL_TIMEOUT_SECONDS, e);
        }
        if (leaders != null) {
            leaders.close();
            zooKeeper.close();
        }
        leaderChanges.shutdownNow();
        heartbeats.shutdownNow();
        taskExecutor.close();
        rpc.close();
        exchange.close();
        metrics.close();
        if (jobCode != null) {
            jobCode.close();
        }
    }

    /** Tells the JobManager this TaskManager leaves, so that its slots are withdrawn and its tasks fail over now. */
    private void leave() {
        JobManagerConnection connection = jobManager;
        if (connection == null) {
            return;
        }
        heartbeats.shutdownNow();
        try {
            connection.resourceManager().disconnectTaskExecutor(id(), "TaskManager " + id() + " shut down")
                    .get(LEAVE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            LOG.info("TaskManager {} released its slots at the JobManager {}", id(), connection.address());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | ExecutionException | TimeoutException e) {
            LOG.warn("TaskManager {} could not tell the JobManager {} that it leaves ({}); the JobManager notices by"
                    + " the missing heartbeats", id(), connection.address(), e.toString());
        }
    }

    public static void main(String[] args) throws InterruptedException {
        TaskManagerProcess taskManager;
        try {
            taskManager = new TaskManagerProcess(ProcessConfiguration.fromArguments(args));
        } catch (RuntimeException e) {
            System.err.println("The TaskManager could not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping TaskManager {}", taskManager.id());
            taskManager.close();
            System.out.println("TaskManager " + taskManager.id() + " stopped");
            System.out.flush();
            stopped.countDown();
        }, "weir-taskmanager-shutdown"));
        System.out.println("TaskManager " + taskManager.id() + " registered");
        System.out.flush();
        stopped.await();
    }
}
