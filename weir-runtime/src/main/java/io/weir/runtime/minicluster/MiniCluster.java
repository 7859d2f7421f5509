package io.weir.runtime.minicluster;

import io.weir.runtime.configuration.JobManagerOptions;
import io.weir.runtime.exchange.LocalExchange;
import io.weir.runtime.graph.JobGraph;
import io.weir.runtime.jobmaster.JobMaster;
import io.weir.runtime.resourcemanager.ResourceManager;
import io.weir.runtime.taskexecutor.TaskExecutor;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A whole cluster in one JVM: a resource manager, task executors with slots, and a JobMaster per
 * job — the same components as a distributed cluster, connected by in-JVM calls, with exchanges
 * that hand buffers over in memory.
 *
 * <p>Threading: safe to use from any thread; each component runs on its own main thread.
 */
public final class MiniCluster implements AutoCloseable {
    private final int numTaskManagers;
    private final int slotsPerTaskManager;
    private final Clock clock;
    private final LocalExchange exchange = new LocalExchange();
    private final ResourceManager resourceManager;
    private final List<TaskExecutor> taskExecutors = new ArrayList<>();
    private final Map<io.weir.api.execution.JobID, JobMaster> jobs = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public MiniCluster(int numTaskManagers, int slotsPerTaskManager) {
        this(numTaskManagers, slotsPerTaskManager, Clock.systemUTC());
    }

    public MiniCluster(int numTaskManagers, int slotsPerTaskManager, Clock clock) {
        this(numTaskManagers, slotsPerTaskManager, clock, JobManagerOptions.SLOT_REQUEST_TIMEOUT.defaultValue());
    }

    /** A cluster whose jobs wait up to {@code slotRequestTimeout} for slots other jobs hold ({@code slot.request.timeout}). */
    public MiniCluster(int numTaskManagers, int slotsPerTaskManager, Clock clock, Duration slotRequestTimeout) {
        if (numTaskManagers < 1 || slotsPerTaskManager < 1) {
            throw new IllegalArgumentException("A MiniCluster needs at least one task manager with one slot, got "
                    + numTaskManagers + " × " + slotsPerTaskManager);
        }
        this.numTaskManagers = numTaskManagers;
        this.slotsPerTaskManager = slotsPerTaskManager;
        this.clock = clock;
        this.resourceManager = new ResourceManager(slotRequestTimeout);
    }

    /** Starts the task executors and registers their slots; returns when the cluster is ready. */
    public MiniCluster start() {
        for (int i = 0; i < numTaskManagers; i++) {
            TaskExecutor te = new TaskExecutor("taskexecutor-" + i, slotsPerTaskManager, exchange);
            taskExecutors.add(te);
            resourceManager.registerTaskExecutor(te, slotsPerTaskManager).join();
        }
        return this;
    }

    public int totalSlots() {
        return numTaskManagers * slotsPerTaskManager;
    }

    /** Submits a job; the returned JobMaster's {@code result()} completes when the job ends. */
    public JobMaster submit(JobGraph job) {
        if (closed) {
            throw new IllegalStateException("The MiniCluster is shut down");
        }
        JobMaster jobMaster = new JobMaster(job, resourceManager, clock);
        jobs.put(job.getJobId(), jobMaster);
        jobMaster.result().whenCompleteAsync((r, e) -> {
            exchange.release(job.getJobId());
            jobs.remove(job.getJobId());
            jobMaster.close();
        });
        jobMaster.start();
        return jobMaster;
    }

    /** Running jobs. */
    public int runningJobs() {
        return jobs.size();
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
        taskExecutors.forEach(TaskExecutor::close);
        resourceManager.close();
    }
}
