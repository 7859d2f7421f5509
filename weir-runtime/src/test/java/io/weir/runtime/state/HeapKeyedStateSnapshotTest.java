package io.weir.runtime.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.state.MapState;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.state.ReducingStateDescriptor;
import io.weir.api.state.StateTtlConfig;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.types.SerializerConfig;
import io.weir.api.types.Types;
import io.weir.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What only the heap backend does with snapshots: TTL's cleanup in full snapshots, and its checks.
 * Everything every backend must do (each state kind restored, consistent copies, rescaling, TTL
 * timestamps, namespaces, incompatible types, unclaimed state) is in weir-test-utils'
 * {@code KeyedStateBackendTestSuite}, which {@code HashMapStateBackendTest} runs on this backend.
 */
class HeapKeyedStateSnapshotTest {
    private long now;

    private HeapKeyedStateBackend<String> backend(KeyGroupRange range) {
        HeapKeyedStateBackend<String> backend = new HeapKeyedStateBackend<>("counter", 0, 128, range,
                new SerializerConfig(), Types.STRING.createSerializer(new SerializerConfig()));
        backend.setTtlTimeProvider(() -> now);
        return backend;
    }

    private static ValueStateDescriptor<Long> value() {
        return new ValueStateDescriptor<>("value", Long.class);
    }

    private static ListStateDescriptor<String> list() {
        return new ListStateDescriptor<>("list", String.class);
    }

    private static ReducingStateDescriptor<Long> reducing() {
        return new ReducingStateDescriptor<>("reducing", Long::sum, Long.class);
    }

    private static List<String> toList(Iterable<String> values) {
        List<String> list = new ArrayList<>();
        values.forEach(list::add);
        return list;
    }

    private static Map<String, Integer> toMap(MapState<String, Integer> state) throws Exception {
        Map<String, Integer> map = new java.util.HashMap<>();
        for (Map.Entry<String, Integer> e : state.entries()) {
            map.put(e.getKey(), e.getValue());
        }
        return map;
    }

    @Test
    void ttlListAndMapStateKeepTheTimestampOfEachElementAndEntry() throws Exception {
        StateTtlConfig ttl = StateTtlConfig.newBuilder(Duration.ofMillis(100)).disableCleanupInBackground().build();
        ListStateDescriptor<String> events = new ListStateDescriptor<>("events", String.class);
        events.enableTimeToLive(ttl);
        MapStateDescriptor<String, Integer> scores = new MapStateDescriptor<>("scores", String.class, Integer.class);
        scores.enableTimeToLive(ttl);
        ReducingStateDescriptor<Long> sum = reducing();
        sum.enableTimeToLive(ttl);
        HeapKeyedStateBackend<String> original = backend(new KeyGroupRange(0, 127));
        original.setCurrentKey("k");
        now = 1_000;
        original.getPartitionedState(events).add("early");
        original.getPartitionedState(scores).put("early", 1);
        original.getPartitionedState(sum).add(5L);
        now = 1_050;
        original.getPartitionedState(events).add("late");
        original.getPartitionedState(scores).put("late", 2);

        HeapKeyedStateBackend<String> restored = backend(new KeyGroupRange(0, 127));
        restored.restore(original.snapshot());
        restored.setCurrentKey("k");
        now = 1_099;
        assertEquals(List.of("early", "late"), toList(restored.getPartitionedState(events).get()));
        assertEquals(5L, restored.getPartitionedState(sum).get());
        now = 1_120; // "early" (and the sum, written at 1000) expired, "late" not
        assertEquals(List.of("late"), toList(restored.getPartitionedState(events).get()));
        assertEquals(Map.of("late", 2), toMap(restored.getPartitionedState(scores)));
        assertNull(restored.getPartitionedState(sum).get());
    }

    @Test
    void cleanupFullSnapshotLeavesExpiredValuesOutOfTheSnapshot() throws Exception {
        ValueStateDescriptor<String> session = new ValueStateDescriptor<>("session", String.class);
        session.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofMillis(100)).disableCleanupInBackground()
                .cleanupFullSnapshot().setStateVisibility(StateTtlConfig.StateVisibility.ReturnExpiredIfNotCleanedUp)
                .build());
        ListStateDescriptor<String> events = new ListStateDescriptor<>("events", String.class);
        events.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofMillis(100)).disableCleanupInBackground()
                .cleanupFullSnapshot().build());
        HeapKeyedStateBackend<String> original = backend(new KeyGroupRange(0, 127));
        now = 1_000;
        original.setCurrentKey("old");
        original.getPartitionedState(session).update("expires");
        original.getPartitionedState(events).add("early");
        now = 1_150;
        original.setCurrentKey("new");
        original.getPartitionedState(session).update("stays");
        original.setCurrentKey("old");
        original.getPartitionedState(events).add("late");

        HeapKeyedStateBackend<String> restored = backend(new KeyGroupRange(0, 127));
        restored.restore(original.snapshot());
        restored.setCurrentKey("old");
        assertNull(restored.getPartitionedState(session).value(), "an expired value is not even returned once");
        assertEquals(List.of("late"), toList(restored.getPartitionedState(events).get()));
        restored.setCurrentKey("new");
        assertEquals("stays", restored.getPartitionedState(session).value());
    }

    @Test
    void stateInANamespaceWithoutSerializerFailsTheSnapshotByName() throws Exception {
        HeapKeyedStateBackend<String> original = backend(new KeyGroupRange(0, 127));
        original.setCurrentKey("k");
        ListState<String> contents = original.getPartitionedState(list());
        ((InternalKvState<Object>) (InternalKvState<?>) contents).setCurrentNamespace(new TimeWindow(0, 10));
        contents.add("x");
        IllegalStateException e = assertThrows(IllegalStateException.class, original::snapshot);
        assertTrue(e.getMessage().contains("'list'") && e.getMessage().contains("namespace serializer"), e.getMessage());
    }

    @Test
    void emptyBackendsWriteNoKeyGroups() {
        assertTrue(backend(new KeyGroupRange(0, 127)).snapshot().isEmpty());
    }
}
