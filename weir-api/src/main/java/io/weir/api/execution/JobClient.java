package io.weir.api.execution;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A handle on a submitted job: its id and status, its accumulators, cancelling it, and waiting for
 * its result.
 */
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

    /**
     * The job's accumulators merged over its subtasks, by name: while it runs, the values the tasks
     * last reported (they report periodically, see {@code execution.accumulator-report-interval});
     * once it has ended, the final values. Completes exceptionally if accumulators of different types
     * share a name.
     */
    CompletableFuture<Map<String, Object>> getAccumulators();
}
