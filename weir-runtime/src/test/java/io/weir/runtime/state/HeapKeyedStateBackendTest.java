package io.weir.runtime.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.state.MapState;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.types.SerializerConfig;
import io.weir.api.types.Types;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeapKeyedStateBackendTest {
    private final HeapKeyedStateBackend<String> backend =
            new HeapKeyedStateBackend<>("op", 0, 128, new KeyGroupRange(0, 127), new SerializerConfig(), null);

    @Test
    void valuesAreScopedToTheCurrentKey() throws Exception {
        ValueState<Long> state = backend.getPartitionedState(new ValueStateDescriptor<>("v", Types.LONG));
        backend.setCurrentKey("a");
        state.update(1L);
        backend.setCurrentKey("b");
        assertNull(state.value());
        state.update(2L);
        backend.setCurrentKey("a");
        assertEquals(1L, state.value());
        assertEquals(2, backend.numKeyValueStateEntries());
        state.clear();
        assertNull(state.value());
        assertEquals(1, backend.numKeyValueStateEntries());
        assertEquals(List.of("b"), backend.getKeys("v"));
    }

    @Test
    void theSameNameGivesTheSameStateAndAnotherKindIsRefused() {
        ValueStateDescriptor<Long> d = new ValueStateDescriptor<>("s", Types.LONG);
        assertSame(backend.getPartitionedState(d), backend.getPartitionedState(d));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> backend.getPartitionedState(new ListStateDescriptor<>("s", Types.LONG)));
        assertTrue(e.getMessage().contains("VALUE") && e.getMessage().contains("LIST"), e.getMessage());
    }

    @Test
    void emptyListsAndMapsLeaveNoEntry() throws Exception {
        ListState<Long> list = backend.getPartitionedState(new ListStateDescriptor<>("l", Types.LONG));
        MapState<String, Long> map = backend.getPartitionedState(new MapStateDescriptor<>("m", Types.STRING, Types.LONG));
        backend.setCurrentKey("k");
        assertTrue(!list.get().iterator().hasNext());
        list.add(1L);
        list.update(List.of());
        map.put("x", 1L);
        map.remove("x");
        assertEquals(0, backend.numKeyValueStateEntries());
        assertTrue(map.isEmpty());
    }

    /** The key group is computed lazily, so the error comes with the first use of state or timers. */
    @Test
    void aKeyOfAnotherSubtaskIsAnErrorThatExplainsTheCause() throws Exception {
        HeapKeyedStateBackend<Integer> narrow =
                new HeapKeyedStateBackend<>("op", 1, 128, new KeyGroupRange(64, 127), new SerializerConfig(), null);
        ValueState<String> state = narrow.getPartitionedState(new ValueStateDescriptor<>("v", Types.STRING));
        int foreignKey = 0;
        while (KeyGroupAssignment.assignToKeyGroup(foreignKey, 128) >= 64) {
            foreignKey++;
        }
        narrow.setCurrentKey(foreignKey);
        IllegalStateException e = assertThrows(IllegalStateException.class, state::value);
        assertTrue(e.getMessage().contains("KeySelector must return the same key"), e.getMessage());
        narrow.setCurrentKey(ownKey());
        state.update("fine"); // the next key is checked anew
        assertEquals("fine", state.value());
    }

    private static int ownKey() {
        int key = 0;
        while (KeyGroupAssignment.assignToKeyGroup(key, 128) < 64) {
            key++;
        }
        return key;
    }

    @Test
    void stateUsedBeforeAnyKeyIsSetFailsWithTheCause() {
        HeapKeyedStateBackend<Integer> backend =
                new HeapKeyedStateBackend<>("op", 0, 128, new KeyGroupRange(0, 127), new SerializerConfig(), null);
        ValueState<String> state = backend.getPartitionedState(new ValueStateDescriptor<>("v", Types.STRING));
        IllegalStateException e = assertThrows(IllegalStateException.class, state::value);
        assertTrue(e.getMessage().contains("no key is set"), e.getMessage());
    }
}
