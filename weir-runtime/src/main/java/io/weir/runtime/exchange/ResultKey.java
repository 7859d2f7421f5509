package io.weir.runtime.exchange;

import io.weir.api.execution.JobID;

/**
 * Identifies one subpartition of a blocking result: what producer subtask {@code producerSubtask}
 * wrote on edge {@code edgeId} for consumer subtask {@code consumerSubtask}. It carries no attempt:
 * a producer that runs again replaces its result, and every attempt of a consumer reads the one
 * that is there.
 */
public record ResultKey(JobID jobId, int edgeId, int producerSubtask, int consumerSubtask)
        implements java.io.Serializable {}
