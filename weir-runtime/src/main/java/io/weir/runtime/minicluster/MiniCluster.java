package io.weir.runtime.minicluster;

import io.weir.api.configuration.Configuration;
import io.weir.api.execution.JobID;
import io.weir.api.fs.FileSystem;
import io.weir.api.metrics.Gauge;
import io.weir.runtime.configuration.JobManagerOptions;
import io.weir.runtime.exchange.LocalExchange;
import io.weir.runtime.graph.JobGraph;
import io.weir.runtime.jobmaster.JobDetails;
import io.weir.runtime.jobmaster.JobMaster;
import io.weir.runtime.metrics.JvmMetrics;
import io.weir.runtime.metrics.MetricOptions;
import io.weir.runtime.metrics.MetricRegistry;
import io.weir.runtime.metrics.ScopedMetricGroup;
import io.weir.runtime.resourcemanager.ResourceManager;
import io.weir.runtime.resourcemanager.ResourceManagerGateway;
import io.weir.runtime.taskexecutor.TaskExecutorGateway;
import io.weir.runtime.taskexecutor.TaskExecutor;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A whole cluster in one JVM: a resource manager, task executors with slots, and a JobMaster per
 * job — the same components as a distributed cluster, connected by in-JVM calls, with exchanges
 * that hand buffers over in memory. It also runs the metric registry and the services configured
 * beside the JobManager (the REST API, reporters).
 *
 * <h2>Monitoring</h2>
 * The query methods ({@link #jobDetails()}, {@link #jobDetails(JobID)}, {@link #accumulators},
 * {@link #taskManagers()}) return read-only snapshots taken on the owning components' main threads;
 * they never hand out a component. The last {@link #ENDED_JOBS_KEPT} ended jobs stay queryable.
 *
 * <h2>As a cluster's JobManager</h2>
 * {@link #withRemoteTaskManagers} makes one without task executors of its own: TaskManagers in other
 * processes register through {@link ResourceManagerGateway} (over the control plane) and send
 * heartbeats; one silent longer than {@code heartbeat.timeout} is dropped with its slots, and the jobs
 * that ran tasks in it fail over.
 *
 * <p>Threading: safe to use from any thread; each component runs on its own main thread.
 */
public final class MiniCluster implements AutoCloseable, ResourceManagerGateway {
    private static final Logger LOG = LoggerFactory.getLogger(MiniCluster.class);

    /** How many ended jobs the monitoring queries remember. */
    public static final int ENDED_JOBS_KEPT = 100;

    private final int numTaskManagers;
    private final int slotsPerTaskManager;
    private final Clock clock;
    private final Configuration configuration;
    private final LocalExchange exchange = new LocalExchange();
    private final ResourceManager resourceManager;
    private final List<TaskExecutor> taskExecutors = new ArrayList<>();
    /** Task executors in other processes, by id. */
    private final Map<String, RemoteTaskExecutor> remoteTaskExecutors = new ConcurrentHashMap<>();
    private java.util.concurrent.ScheduledExecutorService heartbeatCheck;
    private final Map<JobID, JobMaster> jobs = new ConcurrentHashMap<>();
    private final Map<JobID, EndedJob> endedJobs = new LinkedHashMap<>();
    private final List<AutoCloseable> services = new ArrayList<>();
    private final List<JobLifecycleHook> jobHooks = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final long startMillis;
    private MetricRegistry metricRegistry;
    private ScopedMetricGroup jobManagerMetrics;
    private volatile boolean closed;

    /** What the monitoring queries keep of an ended job. */
    private record EndedJob(JobDetails details, Map<String, Object> accumulators) {}

    private record RemoteTaskExecutor(TaskExecutorGateway gateway, int slots) {}

    /** Task manager details for monitoring. */
    public record TaskManagerDetails(String id, int slots, int freeSlots) {}

    public MiniCluster(int numTaskManagers, int slotsPerTaskManager) {
        this(numTaskManagers, slotsPerTaskManager, Clock.systemUTC());
    }

    public MiniCluster(int numTaskManagers, int slotsPerTaskManager, Clock clock) {
        this(numTaskManagers, slotsPerTaskManager, clock, new Configuration());
    }

    /** A cluster whose jobs wait up to {@code slotRequestTimeout} for slots other jobs hold ({@code slot.request.timeout}). */
    public MiniCluster(int numTaskManagers, int slotsPerTaskManager, Clock clock, Duration slotRequestTimeout) {
        this(numTaskManagers, slotsPerTaskManager, clock,
                new Configuration().set(JobManagerOptions.SLOT_REQUEST_TIMEOUT, slotRequestTimeout));
    }

    /**
     * @param configuration the cluster's settings: {@code slot.request.timeout}, metric reporters, and
     *     services such as {@code rest.port}
     */
    public MiniCluster(int numTaskManagers, int slotsPerTaskManager, Clock clock, Configuration configuration) {
        this(numTaskManagers, slotsPerTaskManager, clock, configuration, false);
    }

    /**
     * The JobManager of a cluster of processes: no task executors of its own; TaskManagers register
     * through {@link #registerTaskExecutor} and must send heartbeats.
     */
    public static MiniCluster withRemoteTaskManagers(Clock clock, Configuration configuration) {
        return new MiniCluster(0, 0, clock, configuration, true);
    }

    private MiniCluster(int numTaskManagers, int slotsPerTaskManager, Clock clock, Configuration configuration,
            boolean remoteOnly) {
        if (!remoteOnly && (numTaskManagers < 1 || slotsPerTaskManager < 1)) {
            throw new IllegalArgumentException("A MiniCluster needs at least one task manager with one slot, got "
                    + numTaskManagers + " × " + slotsPerTaskManager);
        }
        this.numTaskManagers = numTaskManagers;
        this.slotsPerTaskManager = slotsPerTaskManager;
        this.clock = clock;
        this.configuration = new Configuration(configuration);
        this.startMillis = clock.millis();
        this.resourceManager = new ResourceManager(configuration.get(JobManagerOptions.SLOT_REQUEST_TIMEOUT), clock);
    }

    /**
     * Starts the metric registry (with its reporters), the task executors, and the configured
     * services; returns when the cluster is ready. File systems ({@code s3://}) are configured from
     * the cluster's settings (options such as {@code s3.endpoint}).
     *
     * @throws IllegalArgumentException if a reporter or service is misconfigured
     */
    public MiniCluster start() {
        FileSystem.initialize(configuration);
        metricRegistry = MetricOptions.createRegistry(configuration);
        jobManagerMetrics = ScopedMetricGroup.jobManager(metricRegistry, "localhost");
        JvmMetrics.register(jobManagerMetrics);
        jobManagerMetrics.gauge("numRunningJobs", (Gauge<Integer>) jobs::size);
        jobManagerMetrics.gauge("numRegisteredTaskManagers",
                (Gauge<Integer>) () -> numTaskManagers + remoteTaskExecutors.size());
        jobManagerMetrics.gauge("taskSlotsTotal", (Gauge<Integer>) this::totalSlots);
        for (int i = 0; i < numTaskManagers; i++) {
            TaskExecutor te = new TaskExecutor("taskexecutor-" + i, slotsPerTaskManager, exchange, metricRegistry,
                    "localhost");
            taskExecutors.add(te);
            resourceManager.registerTaskExecutor(te, slotsPerTaskManager).join();
        }
        if (numTaskManagers == 0) {
            startHeartbeatCheck();
        }
        try {
            for (ClusterServiceFactory factory : ServiceLoader.load(ClusterServiceFactory.class,
                    MiniCluster.class.getClassLoader())) {
                AutoCloseable service = factory.startIfConfigured(this, configuration);
                if (service != null) {
                    services.add(service);
                }
            }
        } catch (Exception e) {
            close();
            throw e instanceof RuntimeException r ? r : new IllegalStateException("A cluster service failed to start", e);
        }
        return this;
    }

    public int totalSlots() {
        int remote = 0;
        for (RemoteTaskExecutor te : remoteTaskExecutors.values()) {
            remote += te.slots();
        }
        return numTaskManagers * slotsPerTaskManager + remote;
    }

    /** A TaskManager in another process offers its slots. */
    @Override
    public CompletableFuture<Void> registerTaskExecutor(TaskExecutorGateway taskExecutor, int slots) {
        String id = taskExecutor.id();
        return resourceManager.registerTaskExecutor(taskExecutor, slots).thenRun(() -> {
            remoteTaskExecutors.put(id, new RemoteTaskExecutor(taskExecutor, slots));
            LOG.info("TaskManager {} registered with {} slot(s)", id, slots);
        });
    }

    @Override
    public void heartbeat(String taskExecutorId) {
        resourceManager.heartbeat(taskExecutorId);
    }

    /** Checks for silent TaskManagers a few times per timeout; the jobs that used a lost one fail over. */
    private void startHeartbeatCheck() {
        Duration timeout = configuration.get(JobManagerOptions.HEARTBEAT_TIMEOUT);
        long period = Math.max(10, Math.min(timeout.toMillis() / 4,
                configuration.get(JobManagerOptions.HEARTBEAT_INTERVAL).toMillis()));
        heartbeatCheck = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "weir-heartbeat-check");
            t.setDaemon(true);
            return t;
        });
        heartbeatCheck.scheduleWithFixedDelay(() -> resourceManager.removeSilent(timeout).thenAccept(lost -> {
            for (ResourceManager.LostTaskExecutor te : lost) {
                LOG.warn("TaskManager {} sent no heartbeat for {} ms: it is lost; {} job(s) fail over", te.id(),
                        timeout.toMillis(), te.jobs().size());
                failOver(te, "no heartbeat for " + timeout.toMillis() + " ms");
            }
        }), period, period, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** A TaskManager that leaves (it shuts down): its slots go at once, and the jobs that used them fail over. */
    @Override
    public CompletableFuture<Void> disconnectTaskExecutor(String taskExecutorId, String reason) {
        return resourceManager.withdraw(taskExecutorId).thenAccept(left -> {
            if (left != null) {
                LOG.info("TaskManager {} left ({}); {} job(s) fail over", taskExecutorId, reason, left.jobs().size());
                failOver(left, "it left: " + reason);
            }
        });
    }

    private void failOver(ResourceManager.LostTaskExecutor lost, String why) {
        remoteTaskExecutors.remove(lost.id());
        for (JobID job : lost.jobs()) {
            JobMaster jobMaster = jobs.get(job);
            if (jobMaster != null) {
                jobMaster.taskExecutorLost(lost.id(), why);
            }
        }
    }

    /** Adds a hook called around every job submitted from now on. */
    public void addJobHook(JobLifecycleHook hook) {
        jobHooks.add(hook);
    }

    /** Submits a job; the returned JobMaster's {@code result()} completes when the job ends. */
    public JobMaster submit(JobGraph job) {
        if (closed) {
            throw new IllegalStateException("The MiniCluster is shut down");
        }
        jobHooks.forEach(hook -> hook.beforeStart(job));
        JobMaster jobMaster = new JobMaster(job, resourceManager, clock, checkpoint -> {
            for (JobLifecycleHook hook : jobHooks) {
                hook.checkpointCompleted(job, checkpoint);
            }
        });
        jobMaster.registerMetrics(jobManagerMetrics.addJob(job.getJobId().toHexString(), job.getName()));
        jobs.put(job.getJobId(), jobMaster);
        jobMaster.result().whenCompleteAsync((r, e) -> {
            exchange.release(job.getJobId());
            taskExecutors.forEach(te -> te.releaseJob(job.getJobId()));
            remoteTaskExecutors.values().forEach(te -> te.gateway().releaseJob(job.getJobId()));
            rememberEnded(jobMaster);
            jobs.remove(job.getJobId());
            jobMaster.close();
            jobHooks.forEach(hook -> hook.afterEnd(job));
        });
        jobMaster.start();
        return jobMaster;
    }

    private void rememberEnded(JobMaster jobMaster) {
        JobDetails details = jobMaster.details().join();
        Map<String, Object> accumulators = jobMaster.accumulators().exceptionally(e -> Map.of()).join();
        synchronized (endedJobs) {
            endedJobs.put(details.jobId(), new EndedJob(details, accumulators));
            if (endedJobs.size() > ENDED_JOBS_KEPT) {
                endedJobs.remove(endedJobs.keySet().iterator().next());
            }
        }
    }

    /** Running jobs. */
    public int runningJobs() {
        return jobs.size();
    }

    /** Snapshots of all running jobs and the remembered ended ones. */
    public CompletableFuture<List<JobDetails>> jobDetails() {
        List<CompletableFuture<JobDetails>> running = new ArrayList<>();
        Map<JobID, JobDetails> ended = new LinkedHashMap<>();
        synchronized (endedJobs) {
            endedJobs.forEach((id, job) -> ended.put(id, job.details()));
        }
        for (Map.Entry<JobID, JobMaster> job : jobs.entrySet()) {
            if (!ended.containsKey(job.getKey())) {
                running.add(job.getValue().details());
            }
        }
        return CompletableFuture.allOf(running.toArray(new CompletableFuture<?>[0])).thenApply(done -> {
            List<JobDetails> all = new ArrayList<>(ended.values());
            running.forEach(f -> all.add(f.join()));
            return all;
        });
    }

    /** A snapshot of one job, if the cluster runs it or remembers it. */
    public Optional<CompletableFuture<JobDetails>> jobDetails(JobID jobId) {
        JobMaster running = jobs.get(jobId);
        if (running != null) {
            return Optional.of(running.details());
        }
        synchronized (endedJobs) {
            EndedJob ended = endedJobs.get(jobId);
            return ended == null ? Optional.empty() : Optional.of(CompletableFuture.completedFuture(ended.details()));
        }
    }

    /** A job's accumulators merged over its subtasks (the latest reports while it runs), if known. */
    public Optional<CompletableFuture<Map<String, Object>>> accumulators(JobID jobId) {
        JobMaster running = jobs.get(jobId);
        if (running != null) {
            return Optional.of(running.accumulators());
        }
        synchronized (endedJobs) {
            EndedJob ended = endedJobs.get(jobId);
            return ended == null ? Optional.empty() : Optional.of(CompletableFuture.completedFuture(ended.accumulators()));
        }
    }

    /**
     * Cancels a running job.
     *
     * @return {@code false} if the cluster neither runs nor remembers the job
     */
    public boolean cancel(JobID jobId) {
        JobMaster running = jobs.get(jobId);
        if (running != null) {
            running.cancel();
            return true;
        }
        synchronized (endedJobs) {
            return endedJobs.containsKey(jobId);
        }
    }

    /**
     * Takes a savepoint of a running job (and stops it after, if {@code type} is a stopping one); see
     * {@link JobMaster#triggerSavepoint}. Empty if the cluster does not run the job.
     */
    public Optional<CompletableFuture<String>> triggerSavepoint(JobID jobId, String directory,
            io.weir.runtime.checkpoint.SnapshotType type) {
        JobMaster running = jobs.get(jobId);
        return running == null ? Optional.empty() : Optional.of(running.triggerSavepoint(directory, type));
    }

    /** The threads that run the subtasks of one vertex of a job, on every task executor (for flame graphs). */
    public long[] taskThreadIds(JobID job, int vertexId) {
        return taskExecutors.stream().flatMap(te -> te.taskThreadIds(job, vertexId).stream())
                .mapToLong(Long::longValue).toArray();
    }

    /** The task managers and their free slots. */
    public CompletableFuture<List<TaskManagerDetails>> taskManagers() {
        return resourceManager.freeSlotsPerTaskExecutor().thenApply(free -> {
            List<TaskManagerDetails> all = new ArrayList<>();
            for (TaskExecutor te : taskExecutors) {
                all.add(new TaskManagerDetails(te.id(), te.slots(), free.getOrDefault(te.id(), 0)));
            }
            remoteTaskExecutors.forEach((id, te) -> all.add(new TaskManagerDetails(id, te.slots(),
                    free.getOrDefault(id, 0))));
            return all;
        });
    }

    /** A service started beside the JobManager (such as the REST server), if one of that type runs. */
    public <T> Optional<T> service(Class<T> type) {
        for (AutoCloseable service : services) {
            if (type.isInstance(service)) {
                return Optional.of(type.cast(service));
            }
        }
        return Optional.empty();
    }

    /** The metric registry of this cluster's process. */
    public MetricRegistry metricRegistry() {
        return metricRegistry;
    }

    /** The cluster's configuration (a copy). */
    public Configuration configuration() {
        return new Configuration(configuration);
    }

    /** When the cluster was created, in epoch milliseconds. */
    public long startMillis() {
        return startMillis;
    }

    @Override
    public void close() {
        closed = true;
        for (JobMaster jm : jobs.values()) {
            jm.cancel();
        }
        for (JobMaster jm : jobs.values()) {
            jm.result().handle((r, e) -> null).join();
        }
        for (AutoCloseable service : services) {
            try {
                service.close();
            } catch (Exception e) {
                LOG.warn("Stopping cluster service {} failed", service, e);
            }
        }
        if (heartbeatCheck != null) {
            heartbeatCheck.shutdownNow();
        }
        taskExecutors.forEach(TaskExecutor::close);
        resourceManager.close();
        if (jobManagerMetrics != null) {
            jobManagerMetrics.close();
        }
        if (metricRegistry != null) {
            metricRegistry.close();
        }
    }
}
