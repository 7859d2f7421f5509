package io.weir.runtime.checkpoint;

import java.io.Serializable;
import java.util.Map;

/**
 * The state of every operator of one task (one subtask of a chain) as of one checkpoint, by the
 * operator's id in the stream graph ({@code StreamNode.getId()}). Operators without state may be missing.
 *
 * @param checkpointId the checkpoint the state belongs to ({@link #NO_CHECKPOINT} if unknown); a
 *     restored operator learns it through {@code getRestoredCheckpointId()}
 * @param inFlight the records between tasks an unaligned checkpoint keeps ({@link InFlightData#NONE} if aligned)
 */
public record TaskStateSnapshot(long checkpointId, Map<Integer, OperatorSubtaskState> operators, InFlightData inFlight)
        implements Serializable {
    public static final long NO_CHECKPOINT = -1;
    public static final TaskStateSnapshot EMPTY = new TaskStateSnapshot(Map.of());

    public TaskStateSnapshot {
        operators = Map.copyOf(operators);
    }

    public TaskStateSnapshot(long checkpointId, Map<Integer, OperatorSubtaskState> operators) {
        this(checkpointId, operators, InFlightData.NONE);
    }

    public TaskStateSnapshot withInFlight(InFlightData data) {
        return new TaskStateSnapshot(checkpointId, operators, data);
    }

    /** Whether there is nothing to store: no operator state and no in-flight data. */
    public boolean isEmpty() {
        return operators.isEmpty() && inFlight.isEmpty();
    }

    public TaskStateSnapshot(Map<Integer, OperatorSubtaskState> operators) {
        this(NO_CHECKPOINT, operators);
    }

    /** The state of one operator, {@link OperatorSubtaskState#EMPTY} if it has none. */
    public OperatorSubtaskState of(int operatorId) {
        return operators.getOrDefault(operatorId, OperatorSubtaskState.EMPTY);
    }
}
