package io.weir.cluster;

import io.weir.api.execution.JobID;
import io.weir.api.execution.JobStatus;
import io.weir.runtime.checkpoint.SnapshotType;
import io.weir.runtime.collect.CollectResults;
import java.io.Serializable;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** What clients call on a cluster's JobManager: submit a job, follow it, fetch its collected results and accumulators, take savepoints, cancel it. */
public interface DispatcherGateway {
    /** The name the JobManager exports its dispatcher under. */
    String NAME = "dispatcher";

    /**
     * Starts a job.
     *
     * @param jobGraph the {@code JobGraph}, serialized (Java serialization); the JobManager reads it
     *     with its class loader, so the job's classes must be on the cluster's classpath
     * @return the job's id once it is accepted; fails with a message saying why if it is not
     */
    CompletableFuture<JobID> submitJob(byte[] jobGraph);

    /** Completes when the job ends: with its outcome if it finished, exceptionally with why it failed. */
    CompletableFuture<JobOutcome> jobResult(JobID jobId);

    CompletableFuture<JobStatus> jobStatus(JobID jobId);

    CompletableFuture<Void> cancelJob(JobID jobId);

    /**
     * The next results of the job's collect sink {@code collectId} ({@code executeAndCollect},
     * {@code collectAsync}, a SQL query's rows): completes when there are some, or when the job ended;
     * after the job ended, until the client has fetched the end. A client calls it again only once the
     * previous call completed.
     */
    CompletableFuture<CollectResults> fetchCollectResults(JobID jobId, String collectId);

    /** The job's accumulators now: live while it runs, final once it finished; fails as the job did. */
    CompletableFuture<Map<String, Object>> accumulators(JobID jobId);

    /**
     * Takes a savepoint of the running job (a stopping one for {@code type} {@code SAVEPOINT_SUSPEND} or
     * {@code SAVEPOINT_TERMINATE}) under {@code directory}, or under the job's
     * {@code execution.checkpointing.savepoint-dir} when it is {@code null}; completes with its path.
     */
    CompletableFuture<String> triggerSavepoint(JobID jobId, String directory, SnapshotType type);

    /** How a finished job ended: its run time and its accumulators. */
    record JobOutcome(long netRuntimeMillis, Map<String, Object> accumulators) implements Serializable {}
}
