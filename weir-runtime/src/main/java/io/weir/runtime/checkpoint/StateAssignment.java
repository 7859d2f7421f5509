package io.weir.runtime.checkpoint;

import io.weir.runtime.checkpoint.OperatorStateEntries.Redistribution;
import io.weir.runtime.state.KeyGroupAssignment;
import io.weir.runtime.state.KeyGroupRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hands the checkpointed state of one operator's old subtasks to the subtasks of the restored
 * operator, whose parallelism may differ (rescaling). No state is read: keyed state moves by key
 * group, operator state by entry.
 * <ul>
 *   <li>Keyed state: new subtask {@code i} gets the key groups of its new range
 *       ({@link KeyGroupAssignment#rangeForOperator}), from whichever old subtasks held them; keyed
 *       state checkpointed as database files goes whole to every new subtask whose range overlaps
 *       the files' range (the backend takes out its own key groups).
 *   <li>List state ({@link Redistribution#SPLIT_DISTRIBUTE}): at the same parallelism every subtask
 *       gets its own entries back; otherwise the entries of all old subtasks, in subtask order, are
 *       cut into {@code newParallelism} contiguous runs whose sizes differ by at most one.
 *   <li>Union list state: every new subtask gets the entries of all old subtasks.
 *   <li>Broadcast state: every new subtask gets the copy of the first old subtask that has it (all
 *       copies are equal).
 * </ul>
 */
public final class StateAssignment {
    private StateAssignment() {}

    /**
     * The state of each new subtask.
     *
     * @param oldSubtasks the state of every old subtask, by subtask index (so the old parallelism is
     *     its size); {@link OperatorSubtaskState#EMPTY} for a subtask without state
     * @param newParallelism the parallelism of the restored operator
     * @param maxParallelism the operator's number of key groups, which a restore cannot change
     * @return the state of each new subtask, by subtask index
     */
    public static List<OperatorSubtaskState> assign(List<OperatorSubtaskState> oldSubtasks, int newParallelism,
            int maxParallelism) {
        if (newParallelism < 1 || newParallelism > maxParallelism) {
            throw new IllegalArgumentException("Cannot restore at parallelism " + newParallelism + " with max parallelism "
                    + maxParallelism + ": need 1 <= parallelism <= max parallelism.");
        }
        boolean keyed = oldSubtasks.stream().anyMatch(s -> s.keyGroupRange() != null);
        Map<Integer, byte[]> allGroups = new HashMap<>();
        for (OperatorSubtaskState old : oldSubtasks) {
            allGroups.putAll(old.keyedState());
        }
        List<List<OperatorStateEntries>> operatorState = assignOperatorState(oldSubtasks, newParallelism);
        List<OperatorSubtaskState> assigned = new ArrayList<>(newParallelism);
        for (int i = 0; i < newParallelism; i++) {
            KeyGroupRange range = keyed ? KeyGroupAssignment.rangeForOperator(maxParallelism, newParallelism, i) : null;
            Map<Integer, byte[]> groups = new HashMap<>();
            if (range != null) {
                for (int group = range.start(); group <= range.end(); group++) {
                    byte[] bytes = allGroups.get(group);
                    if (bytes != null) {
                        groups.put(group, bytes);
                    }
                }
            }
            assigned.add(new OperatorSubtaskState(range, groups, operatorState.get(i), filesOverlapping(oldSubtasks, range)));
        }
        return assigned;
    }

    /**
     * The states of several subtasks as one state, as if one subtask had held them all: key groups
     * joined, list and union entries concatenated in order, one copy of each broadcast state.
     */
    public static OperatorSubtaskState combine(List<OperatorSubtaskState> subtasks) {
        KeyGroupRange covering = null;
        Map<Integer, byte[]> groups = new HashMap<>();
        for (OperatorSubtaskState state : subtasks) {
            KeyGroupRange range = state.keyGroupRange();
            if (range != null) {
                covering = covering == null ? range : new KeyGroupRange(Math.min(covering.start(), range.start()),
                        Math.max(covering.end(), range.end()));
            }
            groups.putAll(state.keyedState());
        }
        List<OperatorStateEntries> operatorState = assignOperatorState(subtasks, 1).get(0);
        List<KeyedStateFiles> files = new ArrayList<>();
        subtasks.forEach(s -> files.addAll(s.keyedFiles()));
        return new OperatorSubtaskState(covering, groups, operatorState, files);
    }

    /** The keyed files of the old subtasks that hold state of key groups in {@code range}. */
    private static List<KeyedStateFiles> filesOverlapping(List<OperatorSubtaskState> oldSubtasks, KeyGroupRange range) {
        List<KeyedStateFiles> files = new ArrayList<>();
        if (range == null) {
            return files;
        }
        for (OperatorSubtaskState old : oldSubtasks) {
            for (KeyedStateFiles f : old.keyedFiles()) {
                KeyGroupRange held = f.keyGroupRange();
                if (held.start() <= range.end() && range.start() <= held.end()) {
                    files.add(f);
                }
            }
        }
        return files;
    }

    private static List<List<OperatorStateEntries>> assignOperatorState(List<OperatorSubtaskState> oldSubtasks,
            int newParallelism) {
        Map<String, OperatorStateEntries> firstOf = new LinkedHashMap<>();
        Map<String, Redistribution> modes = new LinkedHashMap<>();
        Map<String, List<List<byte[]>>> entriesBySubtask = new LinkedHashMap<>();
        for (OperatorSubtaskState old : oldSubtasks) {
            for (OperatorStateEntries state : old.operatorState()) {
                Redistribution mode = modes.putIfAbsent(state.name(), state.mode());
                if (mode != null && mode != state.mode()) {
                    throw new IllegalStateException("Operator state '" + state.name() + "' is " + mode
                            + " state in one subtask and " + state.mode() + " in another: the checkpoint is inconsistent.");
                }
                firstOf.putIfAbsent(state.name(), state);
                entriesBySubtask.computeIfAbsent(state.name(), n -> new ArrayList<>()).add(state.entries());
            }
        }
        List<List<OperatorStateEntries>> assigned = new ArrayList<>();
        for (int i = 0; i < newParallelism; i++) {
            assigned.add(new ArrayList<>());
        }
        boolean sameParallelism = oldSubtasks.size() == newParallelism;
        for (Map.Entry<String, Redistribution> state : modes.entrySet()) {
            String name = state.getKey();
            Redistribution mode = state.getValue();
            List<List<byte[]>> perOldSubtask = entriesBySubtask.get(name);
            for (int i = 0; i < newParallelism; i++) {
                List<byte[]> entries;
                if (mode == Redistribution.BROADCAST) {
                    entries = perOldSubtask.get(0);
                } else if (mode == Redistribution.UNION) {
                    entries = concat(perOldSubtask);
                } else if (sameParallelism) {
                    entries = ownEntries(oldSubtasks.get(i), name);
                } else {
                    List<byte[]> all = concat(perOldSubtask);
                    entries = all.subList(split(all.size(), newParallelism, i), split(all.size(), newParallelism, i + 1));
                }
                assigned.get(i).add(firstOf.get(name).withEntries(entries));
            }
        }
        return assigned;
    }

    /** Where run {@code index} of {@code parallelism} even runs of {@code size} entries starts. */
    private static int split(int size, int parallelism, int index) {
        return (int) ((long) size * index / parallelism);
    }

    private static List<byte[]> ownEntries(OperatorSubtaskState subtask, String name) {
        for (OperatorStateEntries state : subtask.operatorState()) {
            if (state.name().equals(name)) {
                return state.entries();
            }
        }
        return List.of();
    }

    private static List<byte[]> concat(List<List<byte[]>> lists) {
        List<byte[]> all = new ArrayList<>();
        lists.forEach(all::addAll);
        return all;
    }
}
