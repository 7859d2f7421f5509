package io.weir.runtime.checkpoint;

import io.weir.runtime.graph.JobGraph;
import io.weir.runtime.graph.JobVertex;
import io.weir.runtime.graph.StreamNode;
import java.util.HashMap;
import java.util.Map;

/**
 * What a checkpoint records of the job graph it was taken in: each vertex's parallelism and each
 * operator's identity, by the ids of that run, so a restore can match state to the operators of
 * the same or of a changed job.
 *
 * @param parallelism vertex id → parallelism
 * @param operators stream node id → operator
 */
public record JobTopology(Map<Integer, Integer> parallelism, Map<Integer, CheckpointedOperator> operators) {
    public JobTopology {
        parallelism = Map.copyOf(parallelism);
        operators = Map.copyOf(operators);
    }

    public static JobTopology of(JobGraph job) {
        Map<Integer, Integer> parallelism = new HashMap<>();
        Map<Integer, CheckpointedOperator> operators = new HashMap<>();
        for (JobVertex vertex : job.getVertices()) {
            parallelism.put(vertex.getId(), vertex.getParallelism());
            for (StreamNode node : vertex.getChain()) {
                operators.put(node.getId(), new CheckpointedOperator(vertex.getId(), node.getOperatorId(), node.getUid(),
                        node.getName(), node.getMaxParallelism()));
            }
        }
        return new JobTopology(parallelism, operators);
    }
}
