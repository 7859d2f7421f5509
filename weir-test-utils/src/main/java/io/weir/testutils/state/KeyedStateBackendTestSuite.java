package io.weir.testutils.state;

import static io.weir.testutils.state.StateFixtures.assertFilled;
import static io.weir.testutils.state.StateFixtures.fill;
import static io.weir.testutils.state.StateFixtures.keys;
import static io.weir.testutils.state.StateFixtures.list;
import static io.weir.testutils.state.StateFixtures.map;
import static io.weir.testutils.state.StateFixtures.ownedKeys;
import static io.weir.testutils.state.StateFixtures.toList;
import static io.weir.testutils.state.StateFixtures.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.operators.InternalTimer;
import io.weir.api.operators.InternalTimerService;
import io.weir.api.operators.Triggerable;
import io.weir.api.state.ListState;
import io.weir.api.state.StateTtlConfig;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.state.VoidNamespace;
import io.weir.api.state.VoidNamespaceSerializer;
import io.weir.api.types.SerializerConfig;
import io.weir.api.types.Types;
import io.weir.api.windowing.windows.TimeWindow;
import io.weir.runtime.checkpoint.OperatorSubtaskState;
import io.weir.runtime.checkpoint.StateAssignment;
import io.weir.runtime.state.AbstractKeyedStateBackend;
import io.weir.runtime.state.HeapTimerServices;
import io.weir.runtime.state.InternalKvState;
import io.weir.runtime.state.KeyGroupAssignment;
import io.weir.runtime.state.KeyGroupRange;
import io.weir.runtime.state.StateBackend;
import io.weir.testutils.TestProcessingTimeService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

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
public abstract class KeyedStateBackendTestSuite extends StateSchemaEvolutionTestSuite {
    // ---- checkpoints of namespaces and TTL ----

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
            List<String> owned = ownedKeys(range, MAX_PARALLELISM);
            assertFilled(part, owned);
            assertEquals(owned.size() * 5, part.numKeyValueStateEntries(), "only the subtask's own key groups");
            fourCheckpoints.add(harness.checkpoint(part, 2, false));
        }
        List<OperatorSubtaskState> two = StateAssignment.assign(fourCheckpoints, 2, MAX_PARALLELISM);
        int total = 0;
        for (int subtask = 0; subtask < 2; subtask++) {
            KeyGroupRange range = KeyGroupAssignment.rangeForOperator(MAX_PARALLELISM, 2, subtask);
            AbstractKeyedStateBackend<String> half = restoredFrom(two.get(subtask), range);
            assertFilled(half, ownedKeys(range, MAX_PARALLELISM));
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

    private static List<String> sorted(List<String> values) {
        List<String> copy = new ArrayList<>(values);
        copy.sort(null);
        return copy;
    }

}
