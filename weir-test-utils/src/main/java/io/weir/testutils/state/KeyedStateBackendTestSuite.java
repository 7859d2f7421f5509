package io.weir.testutils.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.configuration.Configuration;
import io.weir.api.functions.AggregateFunction;
import io.weir.api.operators.InternalTimer;
import io.weir.api.operators.InternalTimerService;
import io.weir.api.operators.Triggerable;
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
import io.weir.api.state.VoidNamespace;
import io.weir.api.state.VoidNamespaceSerializer;
import io.weir.api.types.SerializerConfig;
import io.weir.api.types.Types;
import io.weir.api.windowing.windows.TimeWindow;
import io.weir.runtime.checkpoint.OperatorSubtaskState;
import io.weir.runtime.checkpoint.StateAssignment;
import io.weir.runtime.state.AbstractKeyedStateBackend;
import io.weir.runtime.state.HashMapStateBackend;
import io.weir.runtime.state.HeapTimerServices;
import io.weir.runtime.state.InternalKvState;
import io.weir.runtime.state.InternalMergingState;
import io.weir.runtime.state.KeyGroupAssignment;
import io.weir.runtime.state.KeyGroupRange;
import io.weir.runtime.state.StateBackend;
import io.weir.testutils.TestProcessingTimeService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The behaviour every keyed state backend must have, run against one backend by each subclass:
 * every state kind, namespaces and their merging, TTL, timers, checkpoints restored into a fresh
 * backend, savepoints (canonical snapshots) restored into the other backend, and rescaling 1 → 4
 * → 2 by key groups. Checkpoints go through real checkpoint storage ({@link StateBackendHarness}),
 * so what a backend writes is what is restored.
 *
 * <p>A subclass names the backend and its configuration:
 * <pre>{@code
 * class RocksDBBackendTest extends KeyedStateBackendTestSuite {
 *     protected StateBackend stateBackend() { return new EmbeddedRocksDBStateBackend(); }
 * }
 * }</pre>
 */
public abstract class KeyedStateBackendTestSuite {
    protected static final int MAX_PARALLELISM = 128;
    protected static final KeyGroupRange ALL = new KeyGroupRange(0, MAX_PARALLELISM - 1);

    @TempDir
    protected Path temporaryDirectory;
    protected long now;
    protected StateBackendHarness harness;
    private StateBackendHarness heap;

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

    @Test
    void keysOutsideTheSubtasksKeyGroupsAreRefusedWithTheRange() {
        AbstractKeyedStateBackend<String> backend = backend(new KeyGroupRange(0, 63));
        String foreign = keys().stream().filter(k -> KeyGroupAssignment.assignToKeyGroup(k, MAX_PARALLELISM) > 63)
                .findFirst().orElseThrow();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> backend.setCurrentKey(foreign));
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

    @Test
    @SuppressWarnings("unchecked")
    void stateInWindowNamespacesIsRestoredPerWindow() throws Exception {
        AbstractKeyedStateBackend<String> original = backend(ALL);
        TimeWindow first = new TimeWindow(0, 10);
        TimeWindow second = new TimeWindow(10, 20);
        original.setCurrentKey("k");
        ListState<String> contents = original.getPartitionedState(first, TimeWindow.Serializer.INSTANCE, list());
        contents.add("in first");
        ((InternalKvState<TimeWindow>) contents).setCurrentNamespace(second);
        contents.add("in second");

        AbstractKeyedStateBackend<String> restored = restoredFrom(harness.checkpoint(original, 1, false), ALL);
        restored.setCurrentKey("k");
        ListState<String> back = restored.getPartitionedState(second, TimeWindow.Serializer.INSTANCE, list());
        assertEquals(List.of("in second"), toList(back.get()));
        ((InternalKvState<TimeWindow>) back).setCurrentNamespace(first);
        assertEquals(List.of("in first"), toList(back.get()));
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

    @Test
    void ttlTimestampsSurviveACheckpoint() throws Exception {
        ValueStateDescriptor<String> descriptor = new ValueStateDescriptor<>("session", String.class);
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofMillis(100)).disableCleanupInBackground().build());
        AbstractKeyedStateBackend<String> original = backend(ALL);
        now = 1_000;
        original.setCurrentKey("a");
        original.getPartitionedState(descriptor).update("written at 1000");

        AbstractKeyedStateBackend<String> restored = restoredFrom(harness.checkpoint(original, 1, false), ALL);
        restored.setCurrentKey("a");
        now = 1_099;
        assertEquals("written at 1000", restored.getPartitionedState(descriptor).value());
        now = 1_100;
        assertNull(restored.getPartitionedState(descriptor).value());
    }

    // ---- timers ----

    @Test
    void timersFireWithTheirKeySetAndSurviveACheckpoint() throws Exception {
        AbstractKeyedStateBackend<String> original = backend(ALL);
        TestProcessingTimeService clock = new TestProcessingTimeService();
        List<String> fired = new ArrayList<>();
        InternalTimerService<VoidNamespace> timers = new HeapTimerServices<>(original, clock)
                .getInternalTimerService("timers", VoidNamespaceSerializer.INSTANCE, recording(original, fired));
        for (String key : List.of("a", "b", "c")) {
            original.setCurrentKey(key);
            original.getPartitionedState(value()).update((long) key.charAt(0));
            timers.registerEventTimeTimer(VoidNamespace.INSTANCE, key.equals("b") ? 20 : 10);
        }
        OperatorSubtaskState checkpoint = harness.checkpoint(original, 1, false);

        AbstractKeyedStateBackend<String> restored = restoredFrom(checkpoint, ALL);
        List<String> firedAfterRestore = new ArrayList<>();
        HeapTimerServices<String> services = new HeapTimerServices<>(restored, clock);
        services.getInternalTimerService("timers", VoidNamespaceSerializer.INSTANCE,
                recording(restored, firedAfterRestore));
        services.advanceWatermark(15);
        assertEquals(List.of("a=97", "c=99"), sorted(firedAfterRestore));
        services.advanceWatermark(25);
        assertEquals(List.of("a=97", "b=98", "c=99"), sorted(firedAfterRestore));
        assertTrue(fired.isEmpty());
    }

    private Triggerable<String, VoidNamespace> recording(AbstractKeyedStateBackend<String> backend, List<String> fired) {
        return new Triggerable<>() {
            @Override
            public void onEventTime(InternalTimer<String, VoidNamespace> timer) throws Exception {
                fired.add(timer.getKey() + "=" + backend.getPartitionedState(value()).value());
            }

            @Override
            public void onProcessingTime(InternalTimer<String, VoidNamespace> timer) {
                fired.add(timer.getKey() + "@processing");
            }
        };
    }

    // ---- checkpoints and savepoints ----

    @Test
    void everyStateKindIsRestoredFromACheckpoint() throws Exception {
        AbstractKeyedStateBackend<String> original = backend(ALL);
        fill(original);
        AbstractKeyedStateBackend<String> restored = restoredFrom(harness.checkpoint(original, 1, false), ALL);
        assertFilled(restored, keys());
        assertEquals(original.numKeyValueStateEntries(), restored.numKeyValueStateEntries());
    }

    @Test
    void aCheckpointIsAConsistentCopyThatLaterChangesDoNotTouch() throws Exception {
        AbstractKeyedStateBackend<String> original = backend(ALL);
        fill(original);
        OperatorSubtaskState checkpoint = harness.checkpoint(original, 1, false);
        for (String key : keys()) {
            original.setCurrentKey(key);
            original.getPartitionedState(value()).update(-1L);
            original.getPartitionedState(list()).add("later");
            original.getPartitionedState(map()).remove(key);
        }
        assertFilled(restoredFrom(checkpoint, ALL), keys());
    }

    @Test
    void successiveCheckpointsEachRestoreTheirOwnState() throws Exception {
        AbstractKeyedStateBackend<String> original = backend(ALL);
        fill(original);
        OperatorSubtaskState first = harness.checkpoint(original, 1, false);
        original.setCurrentKey("key-1");
        original.getPartitionedState(value()).update(1234L);
        OperatorSubtaskState second = harness.checkpoint(original, 2, false);

        AbstractKeyedStateBackend<String> fromSecond = restoredFrom(second, ALL);
        fromSecond.setCurrentKey("key-1");
        assertEquals(1234L, fromSecond.getPartitionedState(value()).value());
        fromSecond.setCurrentKey("key-2");
        assertEquals(List.of("key-2", "key-2!"), toList(fromSecond.getPartitionedState(list()).get()));
        assertFilled(restoredFrom(first, ALL), keys());
    }

    @Test
    void restoredStateThatIsNotRegisteredAgainIsKeptInTheNextCheckpoint() throws Exception {
        AbstractKeyedStateBackend<String> original = backend(ALL);
        fill(original);
        AbstractKeyedStateBackend<String> middle = restoredFrom(harness.checkpoint(original, 1, false), ALL);
        middle.setCurrentKey("key-1");
        middle.getPartitionedState(value()).update(99L); // only one state is used between the checkpoints

        AbstractKeyedStateBackend<String> last = restoredFrom(harness.checkpoint(middle, 2, false), ALL);
        last.setCurrentKey("key-1");
        assertEquals(99L, last.getPartitionedState(value()).value());
        last.setCurrentKey("key-2");
        assertEquals(List.of("key-2", "key-2!"), toList(last.getPartitionedState(list()).get()));
    }

    @Test
    void aStateRestoredWithAnotherTypeFailsNamingOperatorStateAndBothTypes() throws Exception {
        AbstractKeyedStateBackend<String> original = backend(ALL);
        original.setCurrentKey("k");
        original.getPartitionedState(new ValueStateDescriptor<>("count", Long.class)).update(5L);

        AbstractKeyedStateBackend<String> restored = restoredFrom(harness.checkpoint(original, 1, false), ALL);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> restored.getPartitionedState(new ValueStateDescriptor<>("count", String.class)));
        String message = e.getMessage();
        assertTrue(message.contains("'count'") && message.contains("'counter'"), message);
        assertTrue(message.contains("LongSerializer") && message.contains("StringSerializer"), message);
    }

    @Test
    void aSavepointOfThisBackendRestoresIntoTheHeapBackendAndBack() throws Exception {
        AbstractKeyedStateBackend<String> original = backend(ALL);
        fill(original);
        OperatorSubtaskState savepoint = harness.checkpoint(original, 1, true);
        assertTrue(savepoint.keyedFiles().isEmpty(), "a savepoint is self-contained: no database files");

        AbstractKeyedStateBackend<String> onHeap = heap.create(ALL, MAX_PARALLELISM,
                Types.STRING.createSerializer(new SerializerConfig()), () -> now);
        StateBackendHarness.restore(onHeap, savepoint);
        assertFilled(onHeap, keys());

        AbstractKeyedStateBackend<String> back = restoredFrom(heap.checkpoint(onHeap, 2, true), ALL);
        assertFilled(back, keys());
    }

    // ---- rescaling ----

    @Test
    void rescalingOneToFourToTwoMovesEveryKeyGroupToItsNewOwner() throws Exception {
        AbstractKeyedStateBackend<String> original = backend(ALL);
        fill(original);
        List<OperatorSubtaskState> four = StateAssignment.assign(List.of(harness.checkpoint(original, 1, false)), 4,
                MAX_PARALLELISM);
        List<OperatorSubtaskState> fourCheckpoints = new ArrayList<>();
        for (int subtask = 0; subtask < 4; subtask++) {
            KeyGroupRange range = KeyGroupAssignment.rangeForOperator(MAX_PARALLELISM, 4, subtask);
            AbstractKeyedStateBackend<String> part = restoredFrom(four.get(subtask), range);
            List<String> owned = ownedKeys(range);
            assertFilled(part, owned);
            assertEquals(owned.size() * 5, part.numKeyValueStateEntries(), "only the subtask's own key groups");
            fourCheckpoints.add(harness.checkpoint(part, 2, false));
        }
        List<OperatorSubtaskState> two = StateAssignment.assign(fourCheckpoints, 2, MAX_PARALLELISM);
        int total = 0;
        for (int subtask = 0; subtask < 2; subtask++) {
            KeyGroupRange range = KeyGroupAssignment.rangeForOperator(MAX_PARALLELISM, 2, subtask);
            AbstractKeyedStateBackend<String> half = restoredFrom(two.get(subtask), range);
            assertFilled(half, ownedKeys(range));
            total += half.numKeyValueStateEntries();
        }
        assertEquals(keys().size() * 5, total);
    }

    @Test
    void anEmptyBackendCheckpointsNoState() {
        OperatorSubtaskState checkpoint = harness.checkpoint(backend(ALL), 1, false);
        assertTrue(checkpoint.keyedState().isEmpty());
        AbstractKeyedStateBackend<String> restored = restoredFrom(checkpoint, ALL);
        assertEquals(0, restored.numKeyValueStateEntries());
    }

    // ---- fixtures ----

    protected AbstractKeyedStateBackend<String> restoredFrom(OperatorSubtaskState state, KeyGroupRange range) {
        AbstractKeyedStateBackend<String> backend = backend(range);
        StateBackendHarness.restore(backend, state);
        return backend;
    }

    protected static ValueStateDescriptor<Long> value() {
        return new ValueStateDescriptor<>("value", Long.class);
    }

    protected static ListStateDescriptor<String> list() {
        return new ListStateDescriptor<>("list", String.class);
    }

    protected static MapStateDescriptor<String, Integer> map() {
        return new MapStateDescriptor<>("map", String.class, Integer.class);
    }

    protected static ReducingStateDescriptor<Long> reducing() {
        return new ReducingStateDescriptor<>("reducing", Long::sum, Long.class);
    }

    protected static AggregatingStateDescriptor<Long, Long, Long> aggregating() {
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

    protected static List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            keys.add("key-" + i);
        }
        return keys;
    }

    private static List<String> ownedKeys(KeyGroupRange range) {
        return keys().stream().filter(k -> range.contains(KeyGroupAssignment.assignToKeyGroup(k, MAX_PARALLELISM)))
                .toList();
    }

    /** Five states per key, each value derived from the key. */
    protected static void fill(AbstractKeyedStateBackend<String> backend) throws Exception {
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

    protected static void assertFilled(AbstractKeyedStateBackend<String> backend, List<String> keys) throws Exception {
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

    protected static List<String> toList(Iterable<String> values) {
        List<String> list = new ArrayList<>();
        values.forEach(list::add);
        return list;
    }

    private static List<String> sorted(List<String> values) {
        List<String> copy = new ArrayList<>(values);
        copy.sort(null);
        return copy;
    }

    protected static Map<String, Integer> toMap(MapState<String, Integer> state) throws Exception {
        Map<String, Integer> map = new HashMap<>();
        for (Map.Entry<String, Integer> e : state.entries()) {
            map.put(e.getKey(), e.getValue());
        }
        return map;
    }
}
