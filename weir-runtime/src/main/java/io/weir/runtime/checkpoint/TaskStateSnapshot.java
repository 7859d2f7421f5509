package io.weir.runtime.checkpoint;

import java.io.Serializable;
import java.util.Map;

/**
 * The state of every operator of one task (one subtask of a chain) as of one checkpoint, by the
 * operator's id in the stream graph ({@code StreamNode.getId()}). Operators without state may be missing.
 */
public record TaskStateSnapshot(Map<Integer, OperatorSubtaskState> operators) implements Serializable {
    public static final TaskStateSnapshot EMPTY = new TaskStateSnapshot(Map.of());

    public TaskStateSnapshot {
        operators = Map.copyOf(operators);
    }

    /** The state of one operator, {@link OperatorSubtaskState#EMPTY} if it has none. */
    public OperatorSubtaskState of(int operatorId) {
        return operators.getOrDefault(operatorId, OperatorSubtaskState.EMPTY);
    }
}
