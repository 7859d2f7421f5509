package io.weir.runtime.checkpoint;

import io.weir.runtime.state.KeyGroupRange;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The state of one operator subtask as of one checkpoint, already serialized: what the task hands
 * to checkpoint storage and what a restored subtask reads back.
 *
 * <p>Keyed state (every keyed state and the timers) is kept per key group, so that a restore at
 * another parallelism gives each new subtask the key groups it owns without reading the others.
 * Operator state is kept per named state as a list of serialized entries, so that it can be
 * redistributed (split, union, broadcast) without deserializing it.
 *
 * @param keyGroupRange the key groups the subtask owned, or {@code null} if the operator is not keyed
 * @param keyedState key group → the serialized keyed state and timers of that group; groups without
 *     state may be missing
 * @param operatorState the operator's non-keyed states (list, union list and broadcast state)
 * @param keyedFiles keyed state checkpointed as database files (RocksDB), each for a key-group range;
 *     after a rescale a subtask may get several, each overlapping its range
 */
public record OperatorSubtaskState(KeyGroupRange keyGroupRange, Map<Integer, byte[]> keyedState,
        List<OperatorStateEntries> operatorState, List<KeyedStateFiles> keyedFiles) implements Serializable {

    public static final OperatorSubtaskState EMPTY = new OperatorSubtaskState(null, Map.of(), List.of());

    public OperatorSubtaskState {
        // deferred bytes stay deferred: the checkpoint I/O thread writes them (see DeferredKeyGroups)
        keyedState = keyedState instanceof DeferredKeyGroups ? keyedState : Map.copyOf(keyedState);
        operatorState = List.copyOf(operatorState);
        keyedFiles = List.copyOf(keyedFiles);
    }

    /** State without database files. */
    public OperatorSubtaskState(KeyGroupRange keyGroupRange, Map<Integer, byte[]> keyedState,
            List<OperatorStateEntries> operatorState) {
        this(keyGroupRange, keyedState, operatorState, List.of());
    }

    public boolean isEmpty() {
        return keyedState.isEmpty() && keyedFiles.isEmpty()
                && operatorState.stream().allMatch(s -> s.entries().isEmpty());
    }

    /** The same state with its keyed files replaced (as checkpoint storage persists or resolves them). */
    public OperatorSubtaskState withKeyedFiles(List<KeyedStateFiles> files) {
        return new OperatorSubtaskState(keyGroupRange, keyedState, operatorState, files);
    }

    /** Bytes of serialized state held, for checkpoint statistics. */
    public long stateSize() {
        long size = 0;
        for (byte[] group : keyedState.values()) {
            size += group.length;
        }
        for (OperatorStateEntries state : operatorState) {
            size += state.stateSize();
        }
        for (KeyedStateFiles files : keyedFiles) {
            if (files instanceof KeyedStateFiles.Stored stored) {
                size += stored.size();
            }
        }
        return size;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof OperatorSubtaskState other)) {
            return false;
        }
        if (!Objects.equals(keyGroupRange, other.keyGroupRange) || !operatorState.equals(other.operatorState)
                || !keyedState.keySet().equals(other.keyedState.keySet()) || !keyedFiles.equals(other.keyedFiles)) {
            return false;
        }
        for (Map.Entry<Integer, byte[]> e : keyedState.entrySet()) {
            if (!java.util.Arrays.equals(e.getValue(), other.keyedState.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Objects.hash(keyGroupRange, keyedState.keySet(), operatorState, keyedFiles);
    }
}
