package io.weir.runtime.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.weir.api.functions.AggregateFunction;
import io.weir.api.state.AggregatingState;
import io.weir.api.state.AggregatingStateDescriptor;
import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.state.MapState;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.state.ReducingState;
import io.weir.api.state.ReducingStateDescriptor;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.types.SerializerConfig;
import io.weir.api.types.Types;
import io.weir.runtime.checkpoint.DeferredKeyGroups;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The heap backend's snapshot captures its tables and is written later (on the checkpoint I/O
 * thread): whatever the task does meanwhile — values changed in place, lists appended to, maps
 * changed, keys cleared — the written bytes are exactly those of a snapshot written at once at the
 * same point, and the task sees its own changes.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CopyOnWriteSnapshotTest {
    private static final int KEYS = 2_000;

    /** A mutable value: a POJO, which users change in place after {@code value()}. */
    public static class Counter {
        public long count;
        public String last;
    }

    private final HeapKeyedStateBackend<String> backend = new HeapKeyedStateBackend<>("cow", 0, 128,
            new KeyGroupRange(0, 127), new SerializerConfig(), Types.STRING.createSerializer(new SerializerConfig()));
    private final ValueState<Counter> counters = backend.getPartitionedState(
            new ValueStateDescriptor<>("counters", Counter.class));
    private final ListState<String> events = backend.getPartitionedState(new ListStateDescriptor<>("events", String.class));
    private final MapState<String, Long> totals = backend.getPartitionedState(
            new MapStateDescriptor<>("totals", String.class, Long.class));

    private final ReducingState<Long> sums = backend.getPartitionedState(
            new ReducingStateDescriptor<>("sums", Long::sum, Long.class));
    /** An accumulator changed in place by {@code add}, as many aggregate functions do. */
    private final AggregatingState<Long, Long> maxima = backend.getPartitionedState(
            new AggregatingStateDescriptor<>("maxima", new InPlaceMax(), Counter.class));

    private static final class InPlaceMax implements AggregateFunction<Long, Counter, Long> {
        @Override
        public Counter createAccumulator() {
            return new Counter();
        }

        @Override
        public Counter add(Long value, Counter accumulator) {
            accumulator.count = Math.max(accumulator.count, value);
            return accumulator;
        }

        @Override
        public Long getResult(Counter accumulator) {
            return accumulator.count;
        }

        @Override
        public Counter merge(Counter a, Counter b) {
            a.count = Math.max(a.count, b.count);
            return a;
        }
    }

    /** One round of changes to every key: in place, appended, put, and every third key cleared. */
    private void change(int round) throws Exception {
        for (int k = 0; k < KEYS; k++) {
            backend.setCurrentKey("key-" + k);
            Counter counter = counters.value();
            if (counter == null) {
                counter = new Counter();
            }
            counter.count += k; // in place, then update: the common pattern
            counter.last = "round-" + round;
            counters.update(counter);
            events.add("e" + round);
            sums.add((long) round * k + 1);
            maxima.add((long) round * 1_000 + k);
            totals.put("r" + (round % 3), (long) round * k);
            if (k % 3 == round % 3) {
                totals.clear();
            }
        }
    }

    private static Map<Integer, byte[]> sorted(Map<Integer, byte[]> groups) {
        return new TreeMap<>(groups);
    }

    private static void assertSameBytes(Map<Integer, byte[]> expected, Map<Integer, byte[]> actual) {
        assertEquals(sorted(expected).keySet(), sorted(actual).keySet(), "the key groups with state");
        for (Map.Entry<Integer, byte[]> group : expected.entrySet()) {
            assertArrayEquals(group.getValue(), actual.get(group.getKey()), "key group " + group.getKey());
        }
    }

    @Test
    void changesAfterTheSnapshotDoNotReachItsBytes() throws Exception {
        change(0);
        Map<Integer, byte[]> atOnce = backend.snapshot();
        Map<Integer, byte[]> deferred = backend.snapshot(1, false).keyGroups();
        change(1);
        change(2);
        assertSameBytes(atOnce, deferred);

        Map<Integer, byte[]> now = backend.snapshot();
        backend.setCurrentKey("key-7");
        assertEquals(7 * 3, counters.value().count, "the task sees its own changes");
        assertEquals("round-2", counters.value().last);
        assertEquals(7 + 1 + 14 + 1 + 1, sums.get(), "every round's sum added up");
        assertEquals(2_007, maxima.get(), "the accumulator changed in place by the last round");
        assertSameBytes(now, backend.snapshot(2, false).keyGroups());
    }

    @Test
    void severalSnapshotsPendingAtOnceEachKeepWhatTheySaw() throws Exception {
        change(0);
        Map<Integer, byte[]> first = backend.snapshot();
        Map<Integer, byte[]> firstDeferred = backend.snapshot(1, false).keyGroups();
        change(1);
        Map<Integer, byte[]> second = backend.snapshot();
        Map<Integer, byte[]> secondDeferred = backend.snapshot(2, false).keyGroups();
        Map<Integer, byte[]> third = backend.snapshot();
        Map<Integer, byte[]> thirdDeferred = backend.snapshot(3, false).keyGroups(); // nothing changed since the second
        assertSameBytes(third, thirdDeferred); // written first, while the second still shares its maps
        change(2); // the third released every group, but the second still reads them
        assertSameBytes(second, secondDeferred);
        change(3);
        assertSameBytes(first, firstDeferred);
    }

    @Test
    void writtenOnAnotherThreadWhileTheTaskChangesTheState() throws Exception {
        change(0);
        for (int checkpoint = 1; checkpoint <= 5; checkpoint++) {
            Map<Integer, byte[]> atOnce = backend.snapshot();
            Map<Integer, byte[]> deferred = backend.snapshot(checkpoint, false).keyGroups();
            CompletableFuture<Integer> written = CompletableFuture.supplyAsync(deferred::size); // the I/O thread
            change(checkpoint); // the task goes on meanwhile
            written.get(30, TimeUnit.SECONDS);
            assertSameBytes(atOnce, deferred);
        }
    }

    @Test
    void aKeyGroupWrittenBeforeTheTaskTouchesItIsNotCopied() throws Exception {
        change(0);
        backend.setCurrentKey("key-1");
        Counter before = counters.value();
        Map<Integer, byte[]> deferred = backend.snapshot(1, false).keyGroups();
        Counter duringSnapshot = counters.value();
        assertNotSame(before, duringSnapshot, "a value read while a snapshot still needs it is a copy");
        assertEquals(before.count, duringSnapshot.count);

        backend.setCurrentKey("key-2");
        Counter other = counters.value(); // key-2's group is untouched so far (unless it is key-1's)
        deferred.size(); // written: every group released
        Map<Integer, byte[]> next = backend.snapshot(2, false).keyGroups();
        next.size();
        assertSame(other.getClass(), Counter.class);
        backend.setCurrentKey("key-1");
        Counter afterWrite = counters.value();
        assertSame(afterWrite, counters.value(), "after the snapshots were written the task owns its values again");
        assertInstanceOfDeferred(deferred);
    }

    private static void assertInstanceOfDeferred(Map<Integer, byte[]> groups) {
        assertEquals(DeferredKeyGroups.class, groups.getClass(), "the heap backend defers writing to the reader");
    }
}
