package io.weir.cluster;

import io.weir.api.configuration.Configuration;
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
 * <p>{@link #main} runs it in the foreground until SIGTERM, which cancels its tasks and closes its
 * ports (the JobManager then notices the loss by the missing heartbeats). Once registered it prints
 * {@code TaskManager <id> registered} on stdout.
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

    private final NetworkExchange exchange;
    private final MetricRegistry metrics;
    private final TaskExecutor taskExecutor;
    private final RpcService rpc;
    private final ScheduledExecutorService heartbeats;
    private final JobCodeCache jobCode;

    /**
     * Starts the TaskManager and registers it; returns once the JobManager accepted its slots.
     *
     * @throws IllegalStateException if the JobManager cannot be reached, naming its address and the
     *     settings that point to it
     */
    public TaskManagerProcess(Configuration configuration) {
        String host = configuration.get(TaskManagerOptions.HOST);
        int slots = configuration.getOptional(TaskManagerOptions.NUM_TASK_SLOTS).orElse(1);
        exchange = new NetworkExchange(new InetSocketAddress(host, configuration.get(TaskManagerOptions.DATA_PORT)),
                new TaskLocations(), configuration.get(TaskManagerOptions.NETWORK_BUFFERS_PER_CHANNEL),
                configuration.get(TaskManagerOptions.MEMORY_SEGMENT_SIZE).getBytesAsInt());
        String id = TaskLocations.idOf(exchange.address());
        metrics = MetricOptions.createRegistry(configuration);
        taskExecutor = new TaskExecutor(id, slots, exchange, metrics, host);
        rpc = ClusterGateways.rpcService(host, configuration.get(TaskManagerOptions.RPC_PORT));
        InetSocketAddress jobManager = new InetSocketAddress(configuration.get(JobManagerOptions.RPC_ADDRESS),
                configuration.get(JobManagerOptions.RPC_PORT));
        ResourceManagerGateway resourceManager = rpc.connect(jobManager, ClusterGateways.RESOURCE_MANAGER,
                ResourceManagerGateway.class);
        BlobGateway blobs = rpc.connect(jobManager, BlobGateway.NAME, BlobGateway.class);
        jobCode = new JobCodeCache(codeDirectory(configuration, id), jar -> download(blobs, jar),
                TaskManagerProcess.class.getClassLoader());
        rpc.resolveJobCodeWith(jobCode);
        heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "weir-heartbeat");
            t.setDaemon(true);
            return t;
        });
        try {
            resourceManager.registerTaskExecutor(taskExecutor, slots).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            close();
            throw new IllegalStateException("TaskManager " + id + " could not register with the JobManager at "
                    + jobManager + " (jobmanager.rpc.address, jobmanager.rpc.port): " + e.getMessage(), e);
        }
        long interval = configuration.get(JobManagerOptions.HEARTBEAT_INTERVAL).toMillis();
        heartbeats.scheduleWithFixedDelay(() -> resourceManager.heartbeat(id), 0, interval, TimeUnit.MILLISECONDS);
        LOG.info("TaskManager {} registered with the JobManager at {} ({} slot(s))", id, jobManager, slots);
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

    @Override
    public void close() {
        heartbeats.shutdownNow();
        taskExecutor.close();
        rpc.close();
        exchange.close();
        metrics.close();
        if (jobCode != null) {
            jobCode.close();
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
            stopped.countDown();
        }, "weir-taskmanager-shutdown"));
        System.out.println("TaskManager " + taskManager.id() + " registered");
        System.out.flush();
        stopped.await();
    }
}
