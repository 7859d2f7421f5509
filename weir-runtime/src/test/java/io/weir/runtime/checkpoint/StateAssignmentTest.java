package io.weir.runtime.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.weir.runtime.checkpoint.OperatorStateEntries.Redistribution;
import io.weir.runtime.state.KeyGroupAssignment;
import io.weir.runtime.state.KeyGroupRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Reassigning checkpointed state to the subtasks of another parallelism. */
class StateAssignmentTest {
    private static final int MAX = 128;

    /** A keyed subtask state whose key group {@code g} holds the single byte {@code g}. */
    private static OperatorSubtaskState keyed(int parallelism, int subtask, List<OperatorStateEntries> operatorState) {
        KeyGroupRange range = KeyGroupAssignment.rangeForOperator(MAX, parallelism, subtask);
        Map<Integer, byte[]> groups = new HashMap<>();
        for (int g = range.start(); g <= range.end(); g++) {
            groups.put(g, new byte[] {(byte) g});
        }
        return new OperatorSubtaskState(range, groups, operatorState);
    }

    private static OperatorStateEntries entries(String name, Redistribution mode, int... values) {
        List<byte[]> entries = new ArrayList<>();
        for (int v : values) {
            entries.add(new byte[] {(byte) v});
        }
        return new OperatorStateEntries(name, mode, entries);
    }

    private static List<Integer> values(OperatorSubtaskState state, String name) {
        for (OperatorStateEntries e : state.operatorState()) {
            if (e.name().equals(name)) {
                return e.entries().stream().map(b -> (int) b[0]).toList();
            }
        }
        return null;
    }

    @Test
    void oneToFourGivesEachSubtaskTheKeyGroupsOfItsNewRange() {
        List<OperatorSubtaskState> assigned = StateAssignment.assign(List.of(keyed(1, 0, List.of())), 4, MAX);
        assertEquals(4, assigned.size());
        for (int i = 0; i < 4; i++) {
            KeyGroupRange range = KeyGroupAssignment.rangeForOperator(MAX, 4, i);
            assertEquals(range, assigned.get(i).keyGroupRange());
            assertEquals(range.size(), assigned.get(i).keyedState().size());
            for (Map.Entry<Integer, byte[]> group : assigned.get(i).keyedState().entrySet()) {
                assertEquals((byte) (int) group.getKey(), group.getValue()[0]);
            }
        }
    }

    @Test
    void fourToTwoJoinsTheKeyGroupsOfTheOldSubtasks() {
        List<OperatorSubtaskState> old = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            old.add(keyed(4, i, List.of()));
        }
        List<OperatorSubtaskState> assigned = StateAssignment.assign(old, 2, MAX);
        assertEquals(new TreeSet<>(assigned.get(0).keyedState().keySet()).first(), 0);
        assertEquals(64, assigned.get(0).keyedState().size());
        assertEquals(64, assigned.get(1).keyedState().size());
        assertEquals(new KeyGroupRange(64, 127), assigned.get(1).keyGroupRange());
    }

    @Test
    void listStateIsSplitEvenlyInOrderWhenTheParallelismChanges() {
        List<OperatorSubtaskState> old = List.of(
                new OperatorSubtaskState(null, Map.of(), List.of(entries("splits", Redistribution.SPLIT_DISTRIBUTE, 1, 2, 3))),
                new OperatorSubtaskState(null, Map.of(), List.of(entries("splits", Redistribution.SPLIT_DISTRIBUTE, 4, 5))));
        List<OperatorSubtaskState> three = StateAssignment.assign(old, 3, MAX);
        assertEquals(List.of(1), values(three.get(0), "splits"));
        assertEquals(List.of(2, 3), values(three.get(1), "splits"));
        assertEquals(List.of(4, 5), values(three.get(2), "splits"));
        assertNull(three.get(0).keyGroupRange());

        List<OperatorSubtaskState> one = StateAssignment.assign(old, 1, MAX);
        assertEquals(List.of(1, 2, 3, 4, 5), values(one.get(0), "splits"));
    }

    @Test
    void listStateStaysWithItsSubtaskAtTheSameParallelism() {
        List<OperatorSubtaskState> old = List.of(
                new OperatorSubtaskState(null, Map.of(), List.of(entries("splits", Redistribution.SPLIT_DISTRIBUTE, 1, 2, 3))),
                new OperatorSubtaskState(null, Map.of(), List.of(entries("splits", Redistribution.SPLIT_DISTRIBUTE, 4))));
        List<OperatorSubtaskState> same = StateAssignment.assign(old, 2, MAX);
        assertEquals(List.of(1, 2, 3), values(same.get(0), "splits"));
        assertEquals(List.of(4), values(same.get(1), "splits"));
    }

    @Test
    void unionStateGoesToEverySubtaskAndBroadcastStateOnce() {
        List<OperatorSubtaskState> old = List.of(
                new OperatorSubtaskState(null, Map.of(), List.of(entries("seen", Redistribution.UNION, 1),
                        entries("rules", Redistribution.BROADCAST, 7, 8))),
                new OperatorSubtaskState(null, Map.of(), List.of(entries("seen", Redistribution.UNION, 2),
                        entries("rules", Redistribution.BROADCAST, 7, 8))));
        List<OperatorSubtaskState> assigned = StateAssignment.assign(old, 3, MAX);
        for (OperatorSubtaskState state : assigned) {
            assertEquals(List.of(1, 2), values(state, "seen"));
            assertEquals(List.of(7, 8), values(state, "rules"));
        }
    }

    @Test
    void combineJoinsSubtasksAsOne() {
        OperatorSubtaskState combined = StateAssignment.combine(List.of(
                keyed(2, 0, List.of(entries("splits", Redistribution.SPLIT_DISTRIBUTE, 1),
                        entries("rules", Redistribution.BROADCAST, 7))),
                keyed(2, 1, List.of(entries("splits", Redistribution.SPLIT_DISTRIBUTE, 2),
                        entries("rules", Redistribution.BROADCAST, 7)))));
        assertEquals(new KeyGroupRange(0, 127), combined.keyGroupRange());
        assertEquals(128, combined.keyedState().size());
        assertEquals(List.of(1, 2), values(combined, "splits"));
        assertEquals(List.of(7), values(combined, "rules"));
    }

    @Test
    void aParallelismAboveTheKeyGroupsIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> StateAssignment.assign(List.of(OperatorSubtaskState.EMPTY), MAX + 1, MAX));
    }
}
