package io.weir.cluster;

import io.weir.api.execution.JobID;
import io.weir.api.execution.JobStatus;
import java.io.Serializable;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** What clients call on a cluster's JobManager: submit a job, follow it, cancel it. */
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

    /** How a finished job ended: its run time and its accumulators. */
    record JobOutcome(long netRuntimeMillis, Map<String, Object> accumulators) implements Serializable {}
}
