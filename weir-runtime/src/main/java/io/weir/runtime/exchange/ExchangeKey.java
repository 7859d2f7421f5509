package io.weir.runtime.exchange;

import io.weir.api.execution.JobID;

/** Identifies the input queue of one consumer subtask of one vertex in one job. */
public record ExchangeKey(JobID jobId, int consumerVertex, int consumerSubtask) {}
