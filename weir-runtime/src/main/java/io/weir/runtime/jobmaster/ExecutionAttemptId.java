package io.weir.runtime.jobmaster;

import io.weir.api.execution.JobID;

/** One attempt to run one subtask of one vertex of one job. */
public record ExecutionAttemptId(JobID jobId, int vertexId, int subtaskIndex, int attemptNumber)
        implements java.io.Serializable {}
