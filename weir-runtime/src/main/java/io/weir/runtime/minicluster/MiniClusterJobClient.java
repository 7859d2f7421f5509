package io.weir.runtime.minicluster;

import io.weir.api.execution.JobClient;
import io.weir.api.execution.JobExecutionResult;
import io.weir.api.execution.JobID;
import io.weir.api.execution.JobStatus;
import io.weir.api.execution.SavepointFormatType;
import io.weir.runtime.checkpoint.SnapshotType;
import io.weir.runtime.jobmaster.JobMaster;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** A {@link JobClient} for a job on a {@link MiniCluster}. */
public final class MiniClusterJobClient implements JobClient {
    private final JobMaster jobMaster;

    MiniClusterJobClient(JobMaster jobMaster) {
        this.jobMaster = jobMaster;
    }

    JobMaster jobMaster() {
        return jobMaster;
    }

    @Override
    public JobID getJobID() {
        return jobMaster.jobId();
    }

    @Override
    public CompletableFuture<JobStatus> getJobStatus() {
        return jobMaster.status();
    }

    @Override
    public CompletableFuture<Void> cancel() {
        return jobMaster.cancel();
    }

    @Override
    public CompletableFuture<JobExecutionResult> getJobExecutionResult() {
        return jobMaster.result();
    }

    @Override
    public CompletableFuture<Map<String, Object>> getAccumulators() {
        return jobMaster.accumulators();
    }

    @Override
    public CompletableFuture<String> triggerSavepoint(String savepointDirectory, SavepointFormatType formatType) {
        return jobMaster.triggerSavepoint(savepointDirectory, SnapshotType.SAVEPOINT);
    }

    @Override
    public CompletableFuture<String> stopWithSavepoint(boolean advanceToEndOfEventTime, String savepointDirectory,
            SavepointFormatType formatType) {
        return jobMaster.triggerSavepoint(savepointDirectory,
                advanceToEndOfEventTime ? SnapshotType.SAVEPOINT_TERMINATE : SnapshotType.SAVEPOINT_SUSPEND);
    }

    @Override
    public String toString() {
        return "JobClient{" + getJobID() + "}";
    }
}
