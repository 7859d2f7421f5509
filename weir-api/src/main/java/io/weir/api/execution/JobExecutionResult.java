package io.weir.api.execution;

import java.util.concurrent.TimeUnit;

/** What a finished job returns to {@code execute()}: its id and how long it ran. */
public class JobExecutionResult {
    private final JobID jobId;
    private final long netRuntimeMillis;

    public JobExecutionResult(JobID jobId, long netRuntimeMillis) {
        this.jobId = jobId;
        this.netRuntimeMillis = netRuntimeMillis;
    }

    public JobID getJobID() {
        return jobId;
    }

    /** Time from the start of the job's tasks to the end of the last one, in milliseconds. */
    public long getNetRuntime() {
        return netRuntimeMillis;
    }

    public long getNetRuntime(TimeUnit unit) {
        return unit.convert(netRuntimeMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public String toString() {
        return "JobExecutionResult{job=" + jobId + ", netRuntime=" + netRuntimeMillis + " ms}";
    }
}
