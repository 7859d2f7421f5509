package io.weir.sql.session;

import io.weir.api.execution.JobClient;
import io.weir.api.execution.JobExecutionResult;
import io.weir.api.execution.JobID;
import io.weir.api.execution.JobStatus;
import io.weir.api.execution.SavepointFormatType;
import io.weir.sql.connectors.SupportsOverwrite;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The job of an INSERT OVERWRITE: once the job has finished, its sinks' {@link SupportsOverwrite.Replacement}s
 * remove the rows the statement replaced (Flink does this when the job ends, on its JobMaster); the
 * job's result completes after that, so {@code await()} returns with the table replaced. A failed or
 * cancelled job replaces nothing.
 */
final class ReplacingJobClient implements JobClient {

    private final JobClient job;
    private final CompletableFuture<JobExecutionResult> result;

    ReplacingJobClient(JobClient job, List<SupportsOverwrite.Replacement> replacements) {
        this.job = job;
        this.result = job.getJobExecutionResult().thenApply(done -> {
            for (SupportsOverwrite.Replacement replacement : replacements) {
                try {
                    replacement.replace();
                } catch (IOException e) {
                    throw new CompletionException(new IOException("INSERT OVERWRITE wrote its rows, but removing the "
                            + "rows it replaces failed: " + e.getMessage(), e));
                }
            }
            return done;
        });
    }

    @Override
    public JobID getJobID() {
        return job.getJobID();
    }

    @Override
    public CompletableFuture<JobStatus> getJobStatus() {
        return job.getJobStatus();
    }

    @Override
    public CompletableFuture<Void> cancel() {
        return job.cancel();
    }

    @Override
    public CompletableFuture<JobExecutionResult> getJobExecutionResult() {
        return result;
    }

    @Override
    public CompletableFuture<Map<String, Object>> getAccumulators() {
        return job.getAccumulators();
    }

    @Override
    public CompletableFuture<String> triggerSavepoint(String savepointDirectory, SavepointFormatType formatType) {
        return job.triggerSavepoint(savepointDirectory, formatType);
    }

    @Override
    public CompletableFuture<String> stopWithSavepoint(boolean advanceToEndOfEventTime, String savepointDirectory,
            SavepointFormatType formatType) {
        return job.stopWithSavepoint(advanceToEndOfEventTime, savepointDirectory, formatType);
    }
}
