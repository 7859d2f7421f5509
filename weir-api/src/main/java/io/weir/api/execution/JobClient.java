package io.weir.api.execution;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A handle on a submitted job: its id and status, its accumulators, savepoints, cancelling or
 * stopping it, and waiting for its result.
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

    /**
     * Takes a savepoint of the running job into a new directory under {@code savepointDirectory}
     * ({@code null}: under {@code execution.checkpointing.savepoint-dir}); completes with the
     * savepoint's path. The job keeps running; the savepoint is not used for its failure recovery and
     * commits no side effects (sinks commit what it covers with the next checkpoint).
     */
    CompletableFuture<String> triggerSavepoint(String savepointDirectory, SavepointFormatType formatType);

    /**
     * Stops the job with a savepoint: the sources emit nothing after its barrier, sinks commit what it
     * covers, and every task ends without ending its input, so the job's output stops exactly at the
     * savepoint and a job resumed from it continues from there. With {@code advanceToEndOfEventTime}
     * (drain), event time first advances to its end, so every event-time window and timer fires
     * before the savepoint. Completes with the savepoint's path once the job has finished.
     */
    CompletableFuture<String> stopWithSavepoint(boolean advanceToEndOfEventTime, String savepointDirectory,
            SavepointFormatType formatType);
}
