package io.weir.testutils.state;

import static io.weir.testutils.state.StateFixtures.aggregating;
import static io.weir.testutils.state.StateFixtures.fill;
import static io.weir.testutils.state.StateFixtures.keys;
import static io.weir.testutils.state.StateFixtures.list;
import static io.weir.testutils.state.StateFixtures.map;
import static io.weir.testutils.state.StateFixtures.reducing;
import static io.weir.testutils.state.StateFixtures.toList;
import static io.weir.testutils.state.StateFixtures.toMap;
import static io.weir.testutils.state.StateFixtures.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.configuration.Configuration;
import io.weir.api.state.AggregatingState;
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
import io.weir.runtime.state.AbstractKeyedStateBackend;
import io.weir.runtime.state.HashMapStateBackend;
import io.weir.runtime.state.InternalKvState;
import io.weir.runtime.state.InternalMergingState;
import io.weir.runtime.state.KeyGroupAssignment;
import io.weir.runtime.state.KeyGroupRange;
import io.weir.runtime.state.StateBackend;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first half of {@link KeyedStateBackendTestSuite}: what a backend does between checkpoints
 * (every state kind, namespaces and their merging, TTL). Extend {@link KeyedStateBackendTestSuite},
 * which adds checkpoints, savepoints, timers and rescaling.
 */
public abstract class KeyedStateAccessTestSuite {
    protected static final int MAX_PARALLELISM = 128;
    protected static final KeyGroupRange ALL = new KeyGroupRange(0, MAX_PARALLELISM - 1);

    @TempDir
    protected Path temporaryDirectory;
    protected long now;
    protected StateBackendHarness harness;
    protected StateBackendHarness heap;

    /** The backend under test. */
    protected abstract StateBackend stateBackend();

    /** The configuration its backends are created with (local directories, incremental checkpoints). */
    protected Configuration configuration() {
        return new Configuration();
    }

    @BeforeEach
    void createHarness() {
        harness = new StateBackendHarness(stateBackend(), configuration(), temporaryDirectory.resolve("checkpoints"));
        heap = new StateBackendHarness(new HashMapStateBackend(), new Configuration(),
                temporaryDirectory.resolve("heap-checkpoints"));
    }

    @AfterEach
    void disposeBackends() {
        harness.close();
        heap.close();
    }

    protected AbstractKeyedStateBackend<String> backend(KeyGroupRange range) {
        return harness.create(range, MAX_PARALLELISM, Types.STRING.createSerializer(new SerializerConfig()), () -> now);
    }

    // ---- every state kind ----

    @Test
    void valueStateIsPerKeyAndClearedByNullOrClear() throws Exception {
        AbstractKeyedStateBackend<String> backend = backend(ALL);
        ValueState<Long> state = backend.getPartitionedState(value());
        backend.setCurrentKey("a");
        assertNull(state.value());
        state.update(1L);
        backend.setCurrentKey("b");
        state.update(2L);
        assertEquals(2L, state.value());
        backend.setCurrentKey("a");
        assertEquals(1L, state.value());
        state.update(null);
        assertNull(state.value());
        backend.setCurrentKey("b");
        state.clear();
        assertNull(state.value());
        assertEquals(0, backend.numKeyValueStateEntries());
    }

    @Test
    void listStateAddsUpdatesAndRefusesNulls() throws Exception {
        AbstractKeyedStateBackend<String> backend = backend(ALL);
        ListState<String> state = backend.getPartitionedState(list());
        backend.setCurrentKey("a");
        assertEquals(List.of(), toList(state.get()));
        state.add("x");
        state.addAll(List.of("y", "z"));
        assertEquals(List.of("x", "y", "z"), toList(state.get()));
        state.update(List.of("only"));
        assertEquals(List.of("only"), toList(state.get()));
        assertThrows(NullPointerException.class, () -> state.add(null));
        state.update(List.of());
        assertEquals(List.of(), toList(state.get()));
    }

    @Test
    void mapStatePutsGetsRemovesAndIterates() throws Exception {
        AbstractKeyedStateBackend<String> backend = backend(ALL);
        MapState<String, Integer> state = backend.getPartitionedState(map());
        backend.setCurrentKey("a");
        assertTrue(state.isEmpty());
        state.put("one", 1);
        state.putAll(Map.of("two", 2, "three", 3));
        backend.setCurrentKey("b");
        state.put("other", 9);
        backend.setCurrentKey("a");
        assertEquals(2, state.get("two"));
        assertNull(state.get("nine"));
        assertTrue(state.contains("one"));
        state.remove("one");
        assertFalse(state.contains("one"));
        assertEquals(Map.of("two", 2, "three", 3), toMap(state));
        List<String> keys = new ArrayList<>();
        state.keys().forEach(keys::add);
        assertEquals(2, keys.size());
        state.clear();
        assertTrue(state.isEmpty());
        backend.setCurrentKey("b");
        assertEquals(Map.of("other", 9), toMap(state));
    }

    @Test
    void reducingAndAggregatingStateCombineWhatIsAdded() throws Exception {
        AbstractKeyedStateBackend<String> backend = backend(ALL);
        ReducingState<Long> sum = backend.getPartitionedState(reducing());
        AggregatingState<Long, Long> total = backend.getPartitionedState(aggregating());
        backend.setCurrentKey("a");
        assertNull(sum.get());
        assertNull(total.get());
        for (long i = 1; i <= 4; i++) {
            sum.add(i);
            total.add(i);
        }
        assertEquals(10L, sum.get());
        assertEquals(10L, total.get());
        sum.clear();
        assertNull(sum.get());
    }

    @Test
    void aStateNameKeepsItsKind() {
        AbstractKeyedStateBackend<String> backend = backend(ALL);
        backend.getPartitionedState(new ValueStateDescriptor<>("name", Long.class));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> backend.getPartitionedState(new ListStateDescriptor<>("name", Long.class)));
        assertTrue(e.getMessage().contains("'name'"), e.getMessage());
    }

    /** A backend may check when the key is set (RocksDB, which encodes it then) or when state is first used (heap). */
    @Test
    void keysOutsideTheSubtasksKeyGroupsAreRefusedWithTheRange() {
        AbstractKeyedStateBackend<String> backend = backend(new KeyGroupRange(0, 63));
        ValueState<Long> state = backend.getPartitionedState(new ValueStateDescriptor<>("value", Long.class));
        String foreign = keys().stream().filter(k -> KeyGroupAssignment.assignToKeyGroup(k, MAX_PARALLELISM) > 63)
                .findFirst().orElseThrow();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> {
            backend.setCurrentKey(foreign);
            state.value();
        });
        assertTrue(e.getMessage().contains("0..63"), e.getMessage());
    }

    @Test
    void getKeysListsTheKeysWithAValue() throws Exception {
        AbstractKeyedStateBackend<String> backend = backend(ALL);
        fill(backend);
        assertEquals(new java.util.HashSet<>(keys()), new java.util.HashSet<>(backend.getKeys("map")));
        assertEquals(keys().size() * 5, backend.numKeyValueStateEntries());
    }

    // ---- namespaces ----

    @Test
    @SuppressWarnings("unchecked")
    void namespacesKeepSeparateValuesAndMerge() throws Exception {
        AbstractKeyedStateBackend<String> backend = backend(ALL);
        TimeWindow first = new TimeWindow(0, 10);
        TimeWindow second = new TimeWindow(10, 20);
        TimeWindow merged = new TimeWindow(0, 20);
        backend.setCurrentKey("k");
        ListState<String> contents = backend.getPartitionedState(first, TimeWindow.Serializer.INSTANCE, list());
        ReducingState<Long> sum = backend.getPartitionedState(first, TimeWindow.Serializer.INSTANCE, reducing());
        AggregatingState<Long, Long> total = backend.getPartitionedState(first, TimeWindow.Serializer.INSTANCE,
                aggregating());
        contents.add("a");
        sum.add(1L);
        total.add(1L);
        for (InternalKvState<TimeWindow> state : List.of((InternalKvState<TimeWindow>) contents,
                (InternalKvState<TimeWindow>) sum, (InternalKvState<TimeWindow>) total)) {
            state.setCurrentNamespace(second);
        }
        assertEquals(List.of(), toList(contents.get()));
        contents.add("b");
        sum.add(2L);
        total.add(2L);
        for (Object state : List.of(contents, sum, total)) {
            ((InternalMergingState<TimeWindow>) state).mergeNamespaces(merged, List.of(first, second));
            ((InternalKvState<TimeWindow>) state).setCurrentNamespace(merged);
        }
        assertEquals(List.of("a", "b"), toList(contents.get()));
        assertEquals(3L, sum.get());
        assertEquals(3L, total.get());
        ((InternalKvState<TimeWindow>) contents).setCurrentNamespace(first);
        assertEquals(List.of(), toList(contents.get()), "merged sources are emptied");
    }

    // ---- TTL ----

    @Test
    void ttlExpiresValuesElementsAndEntriesOnTheStateClock() throws Exception {
        StateTtlConfig ttl = StateTtlConfig.newBuilder(Duration.ofMillis(100)).disableCleanupInBackground().build();
        ValueStateDescriptor<String> session = new ValueStateDescriptor<>("session", String.class);
        session.enableTimeToLive(ttl);
        ListStateDescriptor<String> events = list();
        events.enableTimeToLive(ttl);
        MapStateDescriptor<String, Integer> scores = map();
        scores.enableTimeToLive(ttl);
        ReducingStateDescriptor<Long> sum = reducing();
        sum.enableTimeToLive(ttl);
        AbstractKeyedStateBackend<String> backend = backend(ALL);
        backend.setCurrentKey("k");
        now = 1_000;
        backend.getPartitionedState(session).update("s");
        backend.getPartitionedState(events).add("early");
        backend.getPartitionedState(scores).put("early", 1);
        backend.getPartitionedState(sum).add(5L);
        now = 1_050;
        backend.getPartitionedState(events).add("late");
        backend.getPartitionedState(scores).put("late", 2);
        now = 1_099;
        assertEquals("s", backend.getPartitionedState(session).value());
        assertEquals(List.of("early", "late"), toList(backend.getPartitionedState(events).get()));
        now = 1_120;
        assertNull(backend.getPartitionedState(session).value());
        assertEquals(List.of("late"), toList(backend.getPartitionedState(events).get()));
        assertEquals(Map.of("late", 2), toMap(backend.getPartitionedState(scores)));
        assertNull(backend.getPartitionedState(sum).get());
    }

}
