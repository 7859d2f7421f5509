package io.weir.runtime.checkpoint;

import io.weir.runtime.state.KeyedStateRows;
import io.weir.runtime.state.KeyedStateSummary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of one keyed state of one operator of a savepoint or retained checkpoint, over all of
 * the operator's subtasks: for {@code bin/weir savepoint inspect --operator <uid> --state <name>}.
 * Values are read with serializers restored from the serializer snapshots stored with the state
 * ({@link KeyedStateRows}).
 */
public final class KeyedStateDump {
    private KeyedStateDump() {}

    /**
     * Reads up to {@code limit} rows of state {@code stateName} of the operator with uid (or,
     * failing that, name or operator id) {@code operator}.
     *
     * @throws IllegalArgumentException when the operator or the state is not in the snapshot, or the
     *     state is kept in RocksDB files (an incremental checkpoint), saying what there is instead
     * @throws IOException when the snapshot is unreadable or a user class is missing (caused by a
     *     {@link ClassNotFoundException})
     */
    public static KeyedStateRows.Rows read(Path snapshot, String operator, String stateName, int limit,
            ClassLoader classLoader) throws IOException {
        CompletedCheckpoint checkpoint = CheckpointMetadata.load(snapshot);
        Map.Entry<Integer, CheckpointedOperator> found = find(checkpoint, operator);
        Map<Integer, byte[]> keyGroups = new HashMap<>();
        boolean inFiles = false;
        for (TaskStateHandle handle : checkpoint.taskStates().values()) {
            OperatorSubtaskState state = CheckpointDirectory.readTaskState(checkpoint, handle).operators()
                    .get(found.getKey());
            if (state != null) {
                keyGroups.putAll(state.keyedState());
                inFiles |= !state.keyedFiles().isEmpty();
            }
        }
        KeyedStateRows.Rows rows = KeyedStateRows.read(keyGroups, stateName, limit, classLoader);
        if (rows == null) {
            throw new IllegalArgumentException(inFiles
                    ? "Operator " + found.getValue().describe() + " keeps its keyed state in RocksDB files in this "
                            + "(incremental) checkpoint, which inspect cannot read: take a savepoint and inspect that."
                    : "Operator " + found.getValue().describe() + " has no keyed state '" + stateName + "' here; it has "
                            + stateNames(keyGroups) + ".");
        }
        return rows;
    }

    private static Map.Entry<Integer, CheckpointedOperator> find(CompletedCheckpoint checkpoint, String operator) {
        List<String> known = new ArrayList<>();
        Map.Entry<Integer, CheckpointedOperator> byName = null;
        for (Map.Entry<Integer, CheckpointedOperator> e : checkpoint.topology().operators().entrySet()) {
            CheckpointedOperator candidate = e.getValue();
            if (operator.equals(candidate.uid())) {
                return e;
            }
            if (operator.equals(candidate.operatorId()) || operator.equals(candidate.name()) && byName == null) {
                byName = e;
            }
            known.add(candidate.uid() != null ? candidate.uid() : candidate.name() + " (no uid)");
        }
        if (byName == null) {
            throw new IllegalArgumentException("No operator with uid '" + operator + "' in this snapshot; its operators "
                    + "are " + known + ".");
        }
        return byName;
    }

    private static String stateNames(Map<Integer, byte[]> keyGroups) throws IOException {
        List<String> names = new ArrayList<>();
        for (KeyedStateSummary.Entry entry : KeyedStateSummary.of(keyGroups)) {
            if (!"TIMERS".equals(entry.kind())) {
                names.add("'" + entry.name() + "'");
            }
        }
        return names.isEmpty() ? "no keyed state" : "keyed state " + String.join(", ", names);
    }
}
