package io.weir.runtime.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.state.BroadcastState;
import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.types.SerializerConfig;
import io.weir.runtime.checkpoint.OperatorStateEntries;
import io.weir.runtime.checkpoint.OperatorStateEntries.Redistribution;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Operator (non-keyed) state: list, union list and broadcast state, snapshotted entry by entry and restored. */
class HeapOperatorStateBackendTest {
    private static final ListStateDescriptor<Long> OFFSETS = new ListStateDescriptor<>("offsets", Long.class);
    private static final ListStateDescriptor<String> SEEN = new ListStateDescriptor<>("seen", String.class);
    private static final MapStateDescriptor<String, Integer> RULES =
            new MapStateDescriptor<>("rules", String.class, Integer.class);

    private static HeapOperatorStateBackend backend() {
        return new HeapOperatorStateBackend("source", new SerializerConfig());
    }

    private static <T> List<T> list(Iterable<T> values) {
        List<T> list = new ArrayList<>();
        values.forEach(list::add);
        return list;
    }

    @Test
    void everyKindIsSnapshottedWithItsRedistributionAndRestored() throws Exception {
        HeapOperatorStateBackend original = backend();
        original.getListState(OFFSETS).update(List.of(1L, 2L, 3L));
        original.getUnionListState(SEEN).add("a");
        BroadcastState<String, Integer> rules = original.getBroadcastState(RULES);
        rules.put("x", 1);
        rules.put("y", 2);

        List<OperatorStateEntries> snapshot = original.snapshot();
        assertEquals(List.of(Redistribution.SPLIT_DISTRIBUTE, Redistribution.UNION, Redistribution.BROADCAST),
                snapshot.stream().map(OperatorStateEntries::mode).toList());
        assertEquals(3, snapshot.get(0).entries().size()); // one entry per element

        HeapOperatorStateBackend restored = backend();
        restored.restore(snapshot);
        assertEquals(List.of(1L, 2L, 3L), list(restored.getListState(OFFSETS).get()));
        assertEquals(List.of("a"), list(restored.getUnionListState(SEEN).get()));
        BroadcastState<String, Integer> back = restored.getBroadcastState(RULES);
        assertEquals(1, back.get("x"));
        assertEquals(2, back.get("y"));
        assertEquals(Set.of("offsets", "seen"), restored.getRegisteredStateNames());
        assertEquals(Set.of("rules"), restored.getRegisteredBroadcastStateNames());
    }

    @Test
    void theSameNameGivesTheSameState() throws Exception {
        HeapOperatorStateBackend backend = backend();
        ListState<Long> first = backend.getListState(OFFSETS);
        assertTrue(first == backend.getListState(OFFSETS));
        assertTrue(backend.getBroadcastState(RULES) == backend.getBroadcastState(RULES));
    }

    @Test
    void aListStateRestoredAsUnionStateFailsNamingBothKinds() throws Exception {
        HeapOperatorStateBackend original = backend();
        original.getListState(OFFSETS).add(1L);
        HeapOperatorStateBackend restored = backend();
        restored.restore(original.snapshot());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> restored.getUnionListState(OFFSETS));
        assertTrue(e.getMessage().contains("'offsets'") && e.getMessage().contains("'source'")
                && e.getMessage().contains("union list state") && e.getMessage().contains("list state"), e.getMessage());
    }

    @Test
    void aListStateRestoredWithAnotherElementTypeFailsNamingBothTypes() throws Exception {
        HeapOperatorStateBackend original = backend();
        original.getListState(OFFSETS).add(1L);
        HeapOperatorStateBackend restored = backend();
        restored.restore(original.snapshot());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> restored.getListState(new ListStateDescriptor<>("offsets", Integer.class)));
        assertTrue(e.getMessage().contains("'offsets'") && e.getMessage().contains("'source'")
                && e.getMessage().contains("LongSerializer") && e.getMessage().contains("IntSerializer"), e.getMessage());
    }

    @Test
    void oneNameCannotBeListAndBroadcastState() throws Exception {
        HeapOperatorStateBackend backend = backend();
        backend.getListState(new ListStateDescriptor<>("rules", String.class));
        assertThrows(IllegalStateException.class, () -> backend.getBroadcastState(RULES));
    }

    @Test
    void restoredStateNotRegisteredAgainIsKeptInTheNextSnapshot() throws Exception {
        HeapOperatorStateBackend original = backend();
        original.getListState(OFFSETS).add(7L);
        original.getBroadcastState(RULES).put("x", 1);
        HeapOperatorStateBackend middle = backend();
        middle.restore(original.snapshot());
        middle.getListState(OFFSETS).add(8L);

        HeapOperatorStateBackend last = backend();
        last.restore(middle.snapshot());
        assertEquals(List.of(7L, 8L), list(last.getListState(OFFSETS).get()));
        assertEquals(Map.of("x", 1).entrySet().iterator().next(), last.getBroadcastState(RULES).entries().iterator().next());
    }

    @Test
    void laterChangesDoNotReachATakenSnapshot() throws Exception {
        HeapOperatorStateBackend original = backend();
        ListState<Long> offsets = original.getListState(OFFSETS);
        offsets.add(1L);
        List<OperatorStateEntries> snapshot = original.snapshot();
        offsets.add(2L);
        HeapOperatorStateBackend restored = backend();
        restored.restore(snapshot);
        assertEquals(List.of(1L), list(restored.getListState(OFFSETS).get()));
    }
}
