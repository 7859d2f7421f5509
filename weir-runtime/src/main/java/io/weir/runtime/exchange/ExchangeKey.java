package io.weir.runtime.exchange;

import io.weir.api.execution.JobID;

/**
 * Identifies the input queue of one consumer subtask of one vertex in one attempt of one job. A
 * restarted job runs its next attempt on fresh queues, so nothing an earlier attempt left in
 * flight reaches the new tasks.
 */
public record ExchangeKey(JobID jobId, int attempt, int consumerVertex, int consumerSubtask)
        implements java.io.Serializable {}
