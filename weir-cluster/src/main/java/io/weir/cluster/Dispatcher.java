package io.weir.cluster;

import io.weir.api.configuration.StateRecoveryOptions;
import io.weir.api.execution.JobID;
import io.weir.api.execution.JobStatus;
import io.weir.network.rpc.FencingTokenException;
import io.weir.runtime.checkpoint.SnapshotType;
import io.weir.runtime.collect.CollectCoordinator;
import io.weir.runtime.collect.CollectResults;
import io.weir.runtime.graph.JobCodeResolver;
import io.weir.runtime.graph.JobGraph;
import io.weir.runtime.graph.UserCodeObjectInputStream;
import io.weir.runtime.jobmaster.JobMaster;
import io.weir.runtime.minicluster.MiniCluster;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts jobs for the JobManager's cluster and answers questions about them. A job whose graph
 * cannot be read (a class missing on the cluster's classpath, a corrupt upload) is refused with a
 * message that says so.
 *
 * <p>A new leader of a highly available cluster {@link #recover recovers} the running jobs of the
 * old one; each starts once the TaskManagers that registered with the new leader offer enough slots
 * for it ({@link #taskManagerRegistered}), and until then questions about it wait.
 *
 * <p>A job that ended is forgotten here at once, with its graph and classes; what a client may still
 * ask about it (its final status and result) is kept in {@link EndedJobs}, within
 * {@code jobstore.max-capacity} and {@code jobstore.expiration-time}.
 *
 * <p>Threading: safe for concurrent use; each job runs on its JobMaster's main thread.
 */
final class Dispatcher implements DispatcherGateway {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final MiniCluster cluster;
    private final ClassLoader classLoader;
    private final JobCodeResolver jobCode;
    /** The jobs running here, and the recovered ones waiting to start. */
    private final Map<JobID, CompletableFuture<JobMaster>> jobs = new ConcurrentHashMap<>();
    private final EndedJobs ended;
    /**
     * The collect sinks of ended jobs whose client has not fetched their end yet, by job and collect id;
     * dropped when it has, or when the job is no longer remembered in {@link #ended}.
     */
    private final Map<JobID, Map<String, CollectCoordinator>> endedCollects = new ConcurrentHashMap<>();
    private final Consumer<JobMaster> whenEnded;
    /** Recovered jobs waiting for enough slots, in recovery order. */
    private final List<JobGraph> waitingForSlots = new ArrayList<>();
    /** Set once this JobManager stepped down: questions about its jobs are sent on to the next leader. */
    private volatile boolean suspended;

    /**
     * @param jobCode loads the shipped jars of a submitted job (from the JobManager's blob store)
     * @param ended where the status and result of ended jobs are kept
     * @param whenEnded called with each job's JobMaster once the job ended and was recorded in
     *     {@code ended}: the JobManager stops serving it on the control plane
     */
    Dispatcher(MiniCluster cluster, ClassLoader classLoader, JobCodeResolver jobCode, EndedJobs ended,
            Consumer<JobMaster> whenEnded) {
        this.cluster = cluster;
        this.classLoader = classLoader;
        this.jobCode = jobCode;
        this.ended = ended;
        this.whenEnded = whenEnded;
    }

    @Override
    public CompletableFuture<JobID> submitJob(byte[] jobGraph) {
        JobGraph job;
        try {
            job = read(jobGraph);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        JobMaster jobMaster;
        try {
            jobMaster = cluster.submit(job); // the cluster's JobJarShipping keeps the job's jars while it runs
        } catch (RuntimeException e) {
            job.releaseUserCode();
            return CompletableFuture.failedFuture(e);
        }
        jobs.put(job.getJobId(), CompletableFuture.completedFuture(jobMaster));
        forgetWhenEnded(jobMaster);
        return CompletableFuture.completedFuture(job.getJobId());
    }

    private JobGraph read(byte[] jobGraph) {
        try (UserCodeObjectInputStream in = new UserCodeObjectInputStream(new ByteArrayInputStream(jobGraph),
                classLoader, jobCode)) {
            return (JobGraph) in.readObject();
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("The JobManager cannot load class " + e.getMessage() + " of the"
                    + " submitted job: submit the job's jar with it (bin/weir run -m ... -c <job jar>) or put it on"
                    + " the cluster's classpath (lib/)", e);
        } catch (Exception e) {
            throw new IllegalArgumentException("The submitted job graph cannot be read: " + e, e);
        }
    }

    /**
     * Starts a job the previous leader ran, from its latest completed checkpoint if it has one, as soon
     * as the registered TaskManagers offer the slots it needs.
     *
     * @param latestCheckpoint the directory of the job's latest completed checkpoint, or {@code null}
     * @throws IllegalArgumentException if the stored graph cannot be read
     */
    void recover(byte[] jobGraph, String latestCheckpoint) {
        JobGraph job = read(jobGraph);
        if (latestCheckpoint != null) {
            job.getConfiguration().set(StateRecoveryOptions.SAVEPOINT_PATH, latestCheckpoint);
        }
        LOG.info("Recovering job '{}' ({}) {}", job.getName(), job.getJobId(), latestCheckpoint == null
                ? "from its start (it completed no checkpoint)" : "from its latest checkpoint " + latestCheckpoint);
        jobs.put(job.getJobId(), new CompletableFuture<>());
        synchronized (waitingForSlots) {
            waitingForSlots.add(job);
        }
        taskManagerRegistered();
    }

    /** Starts the recovered jobs that the cluster's slots now fit, in the order they were recovered. */
    void taskManagerRegistered() {
        List<JobGraph> startable = new ArrayList<>();
        synchronized (waitingForSlots) {
            int slots = cluster.totalSlots();
            while (!waitingForSlots.isEmpty() && waitingForSlots.get(0).requiredSlots() <= slots) {
                JobGraph job = waitingForSlots.remove(0);
                slots -= job.requiredSlots();
                startable.add(job);
            }
        }
        for (JobGraph job : startable) {
            CompletableFuture<JobMaster> started = jobs.get(job.getJobId());
            try {
                JobMaster jobMaster = cluster.submit(job);
                started.complete(jobMaster);
                forgetWhenEnded(jobMaster);
            } catch (RuntimeException e) {
                LOG.error("Recovered job '{}' ({}) could not start", job.getName(), job.getJobId(), e);
                job.releaseUserCode();
                started.completeExceptionally(e);
            }
        }
    }

    /** Once the job ended, keeps only its status and result ({@link EndedJobs}) and drops its JobMaster. */
    private void forgetWhenEnded(JobMaster jobMaster) {
        JobID id = jobMaster.jobId();
        jobMaster.result().whenComplete((result, failure) -> {
            JobStatus status = jobMaster.status().join(); // final once the result is complete
            if (failure == null) {
                ended.add(id, status, new JobOutcome(result.getNetRuntime(),
                        Map.copyOf(result.getAllAccumulatorResults())), null);
            } else {
                ended.add(id, status, null, EndedJobs.withoutJobClasses(failure, classLoader));
            }
            keepCollects(id, jobMaster.endedCollectCoordinators());
            jobs.remove(id);
            whenEnded.accept(jobMaster);
        });
    }

    /** Keeps the ended job's collect sinks for its client; forgets those of jobs no longer remembered. */
    private void keepCollects(JobID id, List<CollectCoordinator> collects) {
        endedCollects.keySet().removeIf(job -> ended.get(job) == null);
        if (!collects.isEmpty()) {
            Map<String, CollectCoordinator> byId = new ConcurrentHashMap<>();
            for (CollectCoordinator collect : collects) {
                byId.put(collect.collectId(), collect);
            }
            endedCollects.put(id, byId);
        }
    }

    /** How many ended jobs this dispatcher remembers now (for tests). */
    int endedJobsRemembered() {
        return ended.size();
    }

    /**
     * Stops every job here without ending it for the cluster ({@link JobMaster#suspend}): this
     * JobManager lost its leadership. Recovered jobs still waiting for slots are simply not started.
     */
    void suspendAll() {
        suspended = true;
        synchronized (waitingForSlots) {
            waitingForSlots.clear();
        }
        List<CompletableFuture<Void>> stopped = new ArrayList<>();
        for (CompletableFuture<JobMaster> jobMaster : jobs.values()) {
            if (jobMaster.isDone() && !jobMaster.isCompletedExceptionally()) {
                stopped.add(jobMaster.join().suspend());
            }
        }
        CompletableFuture.allOf(stopped.toArray(CompletableFuture[]::new)).join();
    }

    /** The JobMasters of the jobs that run here now. */
    List<JobMaster> runningJobs() {
        List<JobMaster> running = new ArrayList<>();
        for (CompletableFuture<JobMaster> jobMaster : jobs.values()) {
            if (jobMaster.isDone() && !jobMaster.isCompletedExceptionally() && !jobMaster.join().result().isDone()) {
                running.add(jobMaster.join());
            }
        }
        return running;
    }

    @Override
    public CompletableFuture<JobOutcome> jobResult(JobID jobId) {
        EndedJobs.EndedJob endedJob = endedJob(jobId);
        if (endedJob != null) {
            return unlessSuspended(endedJob.failure() == null ? CompletableFuture.completedFuture(endedJob.outcome())
                    : CompletableFuture.failedFuture(endedJob.failure()));
        }
        return unlessSuspended(jobMaster(jobId).thenCompose(JobMaster::result).thenApply(result ->
                new JobOutcome(result.getNetRuntime(), Map.copyOf(result.getAllAccumulatorResults()))));
    }

    /**
     * A job suspended here has not ended for the cluster: a caller waiting on it (a client waiting for
     * its result) is told to ask the next leader, as {@link RemoteExecutor} does on this failure.
     */
    private <T> CompletableFuture<T> unlessSuspended(CompletableFuture<T> answer) {
        return answer.exceptionallyCompose(failure -> CompletableFuture.failedFuture(!suspended ? failure
                : new FencingTokenException("This JobManager lost its leadership; the job goes on under the next"
                        + " leader: ask it")));
    }

    @Override
    public CompletableFuture<JobStatus> jobStatus(JobID jobId) {
        CompletableFuture<JobMaster> jobMaster = jobs.get(jobId);
        if (jobMaster != null && !jobMaster.isDone()) {
            return CompletableFuture.completedFuture(JobStatus.RESTARTING); // recovered, waiting for slots
        }
        EndedJobs.EndedJob endedJob = endedJob(jobId);
        if (endedJob != null) {
            return CompletableFuture.completedFuture(endedJob.status());
        }
        return unlessSuspended(jobMaster(jobId).thenCompose(JobMaster::status));
    }

    @Override
    public CompletableFuture<Void> cancelJob(JobID jobId) {
        if (endedJob(jobId) != null) {
            return CompletableFuture.completedFuture(null); // it ended already: nothing to cancel
        }
        return unlessSuspended(jobMaster(jobId).thenCompose(JobMaster::cancel));
    }

    @Override
    public CompletableFuture<CollectResults> fetchCollectResults(JobID jobId, String collectId) {
        Map<String, CollectCoordinator> ofEndedJob = endedCollects.get(jobId);
        if (ofEndedJob == null || jobs.containsKey(jobId)) {
            return unlessSuspended(jobMaster(jobId).thenCompose(jobMaster -> jobMaster.fetchCollectResults(collectId)));
        }
        CollectCoordinator collect = ofEndedJob.get(collectId);
        if (collect == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("Job " + jobId + " has no collect sink "
                    + collectId + " whose results are still to be fetched"));
        }
        return collect.fetch().thenApply(results -> {
            if (results.ended()) {
                ofEndedJob.remove(collectId);
                endedCollects.computeIfPresent(jobId, (id, left) -> left.isEmpty() ? null : left);
            }
            return results;
        });
    }

    @Override
    public CompletableFuture<Map<String, Object>> accumulators(JobID jobId) {
        EndedJobs.EndedJob endedJob = endedJob(jobId);
        if (endedJob != null) {
            return endedJob.failure() == null ? CompletableFuture.completedFuture(endedJob.outcome().accumulators())
                    : CompletableFuture.failedFuture(endedJob.failure());
        }
        return unlessSuspended(jobMaster(jobId).thenCompose(JobMaster::accumulators).thenApply(Map::copyOf));
    }

    @Override
    public CompletableFuture<String> triggerSavepoint(JobID jobId, String directory, SnapshotType type) {
        EndedJobs.EndedJob endedJob = endedJob(jobId);
        if (endedJob != null) {
            return CompletableFuture.failedFuture(new IllegalStateException("Job " + jobId + " has ended ("
                    + endedJob.status() + "): a savepoint can only be taken of a running job"));
        }
        return unlessSuspended(jobMaster(jobId).thenCompose(jobMaster -> jobMaster.triggerSavepoint(directory, type)));
    }

    /** The job if it ended and is remembered, and is not running here (again) under the same id. */
    private EndedJobs.EndedJob endedJob(JobID jobId) {
        return jobs.containsKey(jobId) ? null : ended.get(jobId);
    }

    private CompletableFuture<JobMaster> jobMaster(JobID jobId) {
        CompletableFuture<JobMaster> jobMaster = jobs.get(jobId);
        return jobMaster != null ? jobMaster
                : CompletableFuture.failedFuture(new IllegalArgumentException("This JobManager knows no job " + jobId
                        + " (it remembers ended jobs for " + JobStoreOptions.EXPIRATION_TIME.key() + ", at most "
                        + JobStoreOptions.MAX_CAPACITY.key() + " of them)"));
    }
}
