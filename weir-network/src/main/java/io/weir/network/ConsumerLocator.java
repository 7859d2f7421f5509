package io.weir.network;

import io.weir.api.execution.JobID;
import io.weir.runtime.exchange.ExchangeKey;
import io.weir.runtime.task.TaskDeployment;
import java.net.InetSocketAddress;

/**
 * Says where a consumer subtask runs: in this TaskManager, or behind another TaskManager's data
 * port. The scheduler knows it from the slots it deployed the job's tasks into, and tells it with
 * each deployment ({@link #learn}).
 */
@FunctionalInterface
public interface ConsumerLocator {
    /** The data address of the TaskManager running {@code consumer}, or {@code null} if it runs in this one. */
    InetSocketAddress remoteAddress(ExchangeKey consumer);

    /** A task of a job is about to start here; its deployment says where the job's tasks run. */
    default void learn(TaskDeployment deployment) {}

    /** The job ended: its locations are no longer needed. */
    default void forget(JobID jobId) {}
}
