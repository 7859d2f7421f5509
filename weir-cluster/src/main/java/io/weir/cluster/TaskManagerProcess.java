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
import java.net.InetSocketAddress;
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
 * ports (the JobManager then notices the loss by the missing heartbeats). Once registered it
 * prints {@code TaskManager <id> registered} on stdout.
 *
 * <p>Threading: start and close from one thread; the heartbeat runs on a timer thread.
 */
public final class TaskManagerProcess implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TaskManagerProcess.class);

    private final NetworkExchange exchange;
    private final MetricRegistry metrics;
    private final TaskExecutor taskExecutor;
    private final RpcService rpc;
    private final ScheduledExecutorService heartbeats;

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
