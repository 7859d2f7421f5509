package io.weir.runtime.jobmaster;

import io.weir.api.execution.JobID;
import io.weir.api.execution.JobStatus;
import io.weir.runtime.checkpoint.CheckpointStats;
import io.weir.runtime.graph.JobVertex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A read-only snapshot of a job as its JobMaster sees it, for monitoring (the REST API): status
 * and when each status was reached, every subtask's state, and the failure that ended the job.
 * Taken on the JobMaster's main thread, so it is consistent; it never changes afterwards.
 *
 * @param timestamps when the job reached each status, in epoch milliseconds (absent: not reached)
 * @param endTime epoch milliseconds, or -1 while the job runs
 * @param failures the exception history, newest first: each failure the job restarted from or failed
 *     with; the first is what failed the job when its status is FAILED
 * @param checkpoints the checkpoint statistics, or {@code null} when checkpointing is off
 * @param configuration the options set on the job, by key, as strings
 */
public record JobDetails(JobID jobId, String name, JobStatus status, long startTime, long endTime,
        Map<JobStatus, Long> timestamps, List<Vertex> vertices, List<Failure> failures, CheckpointStats checkpoints,
        Map<String, String> configuration) {

    /**
     * One vertex (a chain of operators) and its subtasks.
     *
     * @param operators the names of the chained operators, head first
     * @param inputs the edges into this vertex
     */
    public record Vertex(String id, String name, int parallelism, int maxParallelism, List<String> operators,
            List<Input> inputs, List<Subtask> subtasks) {

        /** The vertex of a job graph, with its subtasks (none for a job not submitted). */
        public static Vertex of(JobVertex vertex, List<Subtask> subtasks) {
            List<String> operators = new ArrayList<>();
            vertex.getChain().forEach(node -> operators.add(node.getName()));
            List<Input> inputs = new ArrayList<>();
            vertex.getInputs().forEach(edge -> inputs.add(
                    new Input(edge.producer().idString(), edge.streamEdge().exchange().name())));
            return new Vertex(vertex.idString(), vertex.getName(), vertex.getParallelism(), vertex.getMaxParallelism(),
                    List.copyOf(operators), List.copyOf(inputs), List.copyOf(subtasks));
        }
    }

    /**
     * An edge into a vertex.
     *
     * @param exchange how records are distributed: FORWARD, REBALANCE, RESCALE, HASH, BROADCAST, GLOBAL
     */
    public record Input(String producerId, String exchange) {}

    /**
     * One subtask's current attempt.
     *
     * @param endTime epoch milliseconds, or -1 while it runs
     * @param taskManagerId where it runs, or {@code null} before deployment
     */
    public record Subtask(int index, int attempt, ExecutionState state, String taskManagerId, long startTime,
            long endTime) {}

    /**
     * A failure of the job.
     *
     * @param taskName the subtask (or coordinator) where it happened, or {@code null}
     * @param taskManagerId where that subtask ran, or {@code null}
     * @param concurrent failures that happened while this one was handled (empty for those themselves)
     */
    public record Failure(long timestamp, String taskName, String taskManagerId, Throwable exception,
            List<Failure> concurrent) {}
}
