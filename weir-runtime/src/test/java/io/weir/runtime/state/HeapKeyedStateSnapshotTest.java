package io.weir.runtime.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.functions.AggregateFunction;
import io.weir.api.state.AggregatingState;
import io.weir.api.state.AggregatingStateDescriptor;
import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.state.MapState;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.state.ReducingState;
import io.weir.api.state.ReducingStateDescriptor;
import io.weir.api.state.StateTtlConfig;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.types.SerializerConfig;
import io.weir.api.types.Types;
import io.weir.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Snapshots of the heap keyed state backend: every state kind back as it was, per key group, at other parallelisms. */
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

    private static MapStateDescriptor<String, Integer> map() {
        return new MapStateDescriptor<>("map", String.class, Integer.class);
    }

    private static ReducingStateDescriptor<Long> reducing() {
        return new ReducingStateDescriptor<>("reducing", Long::sum, Long.class);
    }

    private static AggregatingStateDescriptor<Long, Long, Long> aggregating() {
        return new AggregatingStateDescriptor<>("aggregating", new AggregateFunction<Long, Long, Long>() {
            @Override
            public Long createAccumulator() {
                return 0L;
            }

            @Override
            public Long add(Long value, Long acc) {
                return acc + value;
            }

            @Override
            public Long getResult(Long acc) {
                return acc;
            }

            @Override
            public Long merge(Long a, Long b) {
                return a + b;
            }
        }, Types.LONG);
    }

    private static List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            keys.add("key-" + i);
        }
        return keys;
    }

    private static void fill(HeapKeyedStateBackend<String> backend) throws Exception {
        for (String key : keys()) {
            backend.setCurrentKey(key);
            long n = key.length() + key.hashCode() % 7;
            backend.getPartitionedState(value()).update(n);
            backend.getPartitionedState(list()).addAll(List.of(key, key + "!"));
            backend.getPartitionedState(map()).put(key, (int) n);
            backend.getPartitionedState(reducing()).add(n);
            backend.getPartitionedState(reducing()).add(1L);
            backend.getPartitionedState(aggregating()).add(n);
        }
    }

    private static void assertFilled(HeapKeyedStateBackend<String> backend, List<String> keys) throws Exception {
        for (String key : keys) {
            backend.setCurrentKey(key);
            long n = key.length() + key.hashCode() % 7;
            assertEquals(n, backend.getPartitionedState(value()).value(), key);
            assertEquals(List.of(key, key + "!"), toList(backend.getPartitionedState(list()).get()));
            assertEquals(Map.of(key, (int) n), toMap(backend.getPartitionedState(map())));
            assertEquals(n + 1, backend.getPartitionedState(reducing()).get());
            assertEquals(n, backend.getPartitionedState(aggregating()).get());
        }
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
    void everyStateKindIsRestoredAsItWasSnapshotted() throws Exception {
        HeapKeyedStateBackend<String> original = backend(new KeyGroupRange(0, 127));
        fill(original);
        Map<Integer, byte[]> snapshot = original.snapshot();

        HeapKeyedStateBackend<String> restored = backend(new KeyGroupRange(0, 127));
        restored.restore(snapshot);
        assertFilled(restored, keys());
        assertEquals(original.numKeyValueStateEntries(), restored.numKeyValueStateEntries());
    }

    @Test
    void snapshotIsAConsistentCopyThatLaterChangesDoNotTouch() throws Exception {
        HeapKeyedStateBackend<String> original = backend(new KeyGroupRange(0, 127));
        fill(original);
        Map<Integer, byte[]> snapshot = original.snapshot();
        for (String key : keys()) {
            original.setCurrentKey(key);
            original.getPartitionedState(value()).update(-1L);
            original.getPartitionedState(list()).add("later");
        }
        HeapKeyedStateBackend<String> restored = backend(new KeyGroupRange(0, 127));
        restored.restore(snapshot);
        assertFilled(restored, keys());
    }

    @Test
    void keyGroupsAreSplitWhenRestoringAtHigherParallelismAndJoinedAtLower() throws Exception {
        HeapKeyedStateBackend<String> original = backend(new KeyGroupRange(0, 127));
        fill(original);
        Map<Integer, byte[]> snapshot = original.snapshot();
        for (int group : snapshot.keySet()) {
            assertTrue(group >= 0 && group < 128);
        }

        // 1 -> 4: each new subtask reads the whole snapshot and keeps its own key groups
        List<Map<Integer, byte[]>> quarters = new ArrayList<>();
        for (int subtask = 0; subtask < 4; subtask++) {
            KeyGroupRange range = KeyGroupAssignment.rangeForOperator(128, 4, subtask);
            HeapKeyedStateBackend<String> part = backend(range);
            part.restore(snapshot);
            List<String> owned = keys().stream()
                    .filter(k -> range.contains(KeyGroupAssignment.assignToKeyGroup(k, 128))).toList();
            assertFilled(part, owned);
            assertEquals(owned.size() * 5, part.numKeyValueStateEntries());
            quarters.add(part.snapshot());
        }

        // 4 -> 1: the union of the four snapshots' key groups
        Map<Integer, byte[]> joined = new java.util.HashMap<>();
        quarters.forEach(joined::putAll);
        HeapKeyedStateBackend<String> whole = backend(new KeyGroupRange(0, 127));
        whole.restore(joined);
        assertFilled(whole, keys());
    }

    @Test
    void ttlTimestampsSurviveTheRestore() throws Exception {
        ValueStateDescriptor<String> descriptor = new ValueStateDescriptor<>("session", String.class);
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofMillis(100)).disableCleanupInBackground().build());
        HeapKeyedStateBackend<String> original = backend(new KeyGroupRange(0, 127));
        now = 1_000;
        original.setCurrentKey("a");
        original.getPartitionedState(descriptor).update("written at 1000");

        HeapKeyedStateBackend<String> restored = backend(new KeyGroupRange(0, 127));
        restored.restore(original.snapshot());
        restored.setCurrentKey("a");
        now = 1_099;
        assertEquals("written at 1000", restored.getPartitionedState(descriptor).value());
        now = 1_100;
        assertNull(restored.getPartitionedState(descriptor).value());
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
    @SuppressWarnings("unchecked")
    void stateInWindowNamespacesIsRestoredPerWindow() throws Exception {
        HeapKeyedStateBackend<String> original = backend(new KeyGroupRange(0, 127));
        TimeWindow first = new TimeWindow(0, 10);
        TimeWindow second = new TimeWindow(10, 20);
        original.setCurrentKey("k");
        ListState<String> contents = original.getPartitionedState(first, TimeWindow.Serializer.INSTANCE, list());
        contents.add("in first");
        ((InternalKvState<TimeWindow>) contents).setCurrentNamespace(second);
        contents.add("in second");

        HeapKeyedStateBackend<String> restored = backend(new KeyGroupRange(0, 127));
        restored.restore(original.snapshot());
        restored.setCurrentKey("k");
        ListState<String> back = restored.getPartitionedState(second, TimeWindow.Serializer.INSTANCE, list());
        assertEquals(List.of("in second"), toList(back.get()));
        ((InternalKvState<TimeWindow>) back).setCurrentNamespace(first);
        assertEquals(List.of("in first"), toList(back.get()));
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
    void aStateRegisteredWithAnotherTypeFailsNamingOperatorStateAndBothTypes() throws Exception {
        HeapKeyedStateBackend<String> original = backend(new KeyGroupRange(0, 127));
        original.setCurrentKey("k");
        original.getPartitionedState(new ValueStateDescriptor<>("count", Long.class)).update(5L);

        HeapKeyedStateBackend<String> restored = backend(new KeyGroupRange(0, 127));
        restored.restore(original.snapshot());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> restored.getPartitionedState(new ValueStateDescriptor<>("count", String.class)));
        String message = e.getMessage();
        assertTrue(message.contains("'count'") && message.contains("'counter'"), message);
        assertTrue(message.contains("LongSerializer") && message.contains("StringSerializer"), message);
        assertTrue(message.contains("Long") && message.contains("String"), message);
    }

    @Test
    void restoredStateThatIsNotRegisteredAgainIsKeptInTheNextSnapshot() throws Exception {
        HeapKeyedStateBackend<String> original = backend(new KeyGroupRange(0, 127));
        fill(original);
        HeapKeyedStateBackend<String> middle = backend(new KeyGroupRange(0, 127));
        middle.restore(original.snapshot());
        middle.setCurrentKey("key-1");
        middle.getPartitionedState(value()).update(99L); // only one state is used between the checkpoints

        HeapKeyedStateBackend<String> last = backend(new KeyGroupRange(0, 127));
        last.restore(middle.snapshot());
        last.setCurrentKey("key-1");
        assertEquals(99L, last.getPartitionedState(value()).value());
        last.setCurrentKey("key-2");
        assertEquals(List.of("key-2", "key-2!"), toList(last.getPartitionedState(list()).get()));
    }

    @Test
    void emptyBackendsWriteNoKeyGroups() {
        assertTrue(backend(new KeyGroupRange(0, 127)).snapshot().isEmpty());
    }
}
