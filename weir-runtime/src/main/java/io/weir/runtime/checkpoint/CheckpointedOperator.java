package io.weir.runtime.checkpoint;

import java.io.Serializable;

/**
 * An operator as a checkpoint knows it: where its state is (its vertex, by id in the job graph of
 * the run that took the checkpoint) and what identifies it in another run of the job.
 *
 * @param vertexId the vertex whose task states hold this operator's state
 * @param operatorId the stable id of {@code StreamNode.getOperatorId()}
 * @param uid the operator's uid, or {@code null}
 * @param name the operator's name, for messages
 * @param maxParallelism its number of key groups
 */
public record CheckpointedOperator(int vertexId, String operatorId, String uid, String name, int maxParallelism)
        implements Serializable {

    /** How a message names the operator. */
    public String describe() {
        return "'" + name + "' (" + (uid != null ? "uid '" + uid + "'" : "operator id " + operatorId) + ")";
    }
}
