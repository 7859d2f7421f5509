package io.weir.runtime.checkpoint;

import io.weir.runtime.state.KeyedStateSummary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a savepoint or retained checkpoint holds, operator by operator: for {@code bin/weir savepoint
 * inspect}. Reads the metadata and every task's state file; deserializes no state value.
 *
 * @param operators every operator of the job the snapshot was taken of, stateful or not, in job graph order
 */
public record SnapshotInspection(String path, long checkpointId, long timestamp, List<Operator> operators) {

    /** One operator: its identity, and its state merged over its subtasks. */
    public record Operator(CheckpointedOperator identity, int parallelism, List<KeyedStateSummary.Entry> keyedState,
            List<OperatorState> operatorState, long coordinatorStateBytes) {

        public boolean hasState() {
            return !keyedState.isEmpty() || !operatorState.isEmpty() || coordinatorStateBytes > 0;
        }
    }

    /** One non-keyed state (list, union or broadcast) summed over the subtasks. */
    public record OperatorState(String name, OperatorStateEntries.Redistribution mode, int entries, long bytes,
            String serializers) {}

    /** Reads the snapshot in {@code path} (its directory or its {@code _metadata} file). */
    public static SnapshotInspection of(Path path) throws IOException {
        CompletedCheckpoint checkpoint = CheckpointMetadata.load(path);
        Map<Integer, Map<Integer, byte[]>> keyedByOperator = new HashMap<>();
        Map<Integer, Map<String, OperatorState>> operatorStates = new HashMap<>();
        for (TaskStateHandle handle : checkpoint.taskStates().values()) {
            TaskStateSnapshot task = CheckpointDirectory.readTaskState(checkpoint, handle);
            for (Map.Entry<Integer, OperatorSubtaskState> e : task.operators().entrySet()) {
                keyedByOperator.computeIfAbsent(e.getKey(), k -> new HashMap<>()).putAll(e.getValue().keyedState());
                for (OperatorStateEntries state : e.getValue().operatorState()) {
                    operatorStates.computeIfAbsent(e.getKey(), k -> new java.util.LinkedHashMap<>()).merge(state.name(),
                            new OperatorState(state.name(), state.mode(), state.entries().size(), state.stateSize(),
                                    state.serializers()),
                            (a, b) -> new OperatorState(a.name(), a.mode(), a.entries() + b.entries(),
                                    a.bytes() + b.bytes(), a.serializers()));
                }
            }
        }
        List<Operator> operators = new ArrayList<>();
        List<Map.Entry<Integer, CheckpointedOperator>> byNode = new ArrayList<>(checkpoint.topology().operators().entrySet());
        byNode.sort(Map.Entry.comparingByKey(Comparator.naturalOrder()));
        for (Map.Entry<Integer, CheckpointedOperator> e : byNode) {
            int node = e.getKey();
            byte[] coordinator = checkpoint.coordinatorStates().get(node);
            operators.add(new Operator(e.getValue(), checkpoint.parallelism().getOrDefault(e.getValue().vertexId(), 0),
                    KeyedStateSummary.of(keyedByOperator.getOrDefault(node, Map.of())),
                    List.copyOf(operatorStates.getOrDefault(node, Map.of()).values()),
                    coordinator == null ? 0 : coordinator.length));
        }
        return new SnapshotInspection(checkpoint.externalPointer(), checkpoint.id(), checkpoint.timestamp(),
                List.copyOf(operators));
    }
}
