package io.weir.api.execution;

import java.util.concurrent.CompletableFuture;

/** A handle on a submitted job: its id and status, cancelling it, and waiting for its result. */
public interface JobClient {
    JobID getJobID();

    CompletableFuture<JobStatus> getJobStatus();

    /** Cancels the job; the future completes when the job has reached CANCELED (or ended otherwise). */
    CompletableFuture<Void> cancel();

    /**
     * Completes with the result when the job finishes, or exceptionally with a
     * {@link JobExecutionException} whose cause is the failure when it fails or is cancelled.
     */
    CompletableFuture<JobExecutionResult> getJobExecutionResult();
}
