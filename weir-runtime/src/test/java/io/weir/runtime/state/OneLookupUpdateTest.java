package io.weir.runtime.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.weir.api.functions.AggregateFunction;
import io.weir.api.state.AggregatingState;
import io.weir.api.state.AggregatingStateDescriptor;
import io.weir.api.state.ReducingState;
import io.weir.api.state.ReducingStateDescriptor;
import io.weir.api.types.SerializerConfig;
import io.weir.api.types.TypeSerializer;
import io.weir.api.types.Types;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reducing state on the heap updates a key's value with one lookup of the key
 * ({@link HeapState#mergeInternal}): what it holds afterwards is what a read followed by a write
 * would leave, also when the reducer fails, returns {@code null}, or a snapshot still reads the
 * value being replaced. Aggregating state (a read and a write) keeps the same promises.
 */
class OneLookupUpdateTest {
    private static final SerializerConfig CONFIG = new SerializerConfig();
    private static final TypeSerializer<String> STRINGS = Types.STRING.createSerializer(CONFIG);

    private final HeapKeyedStateBackend<String> backend = new HeapKeyedStateBackend<>("op", 0, 128,
            new KeyGroupRange(0, 127), CONFIG, STRINGS);
    /** The operand that makes {@link #sums}' reducer fail, and the one that makes it return null. */
    private static final long FAIL = -1;
    private static final long VANISH = -2;
    private final ReducingState<Long> sums = backend.getPartitionedState("w", STRINGS,
            new ReducingStateDescriptor<>("sums", OneLookupUpdateTest::sumOrFail, Long.class));

    private static Long sumOrFail(Long a, Long b) throws Exception {
        if (b == FAIL) {
            throw new Exception("reducer failed");
        }
        return b == VANISH ? null : a + b;
    }

    @Test
    void aReducerThatFailsLeavesTheValueAsItWasAndTheStateUsable() throws Exception {
        backend.setCurrentKey("a");
        sums.add(5L);
        Exception failure = assertThrows(Exception.class, () -> sums.add(FAIL));
        assertEquals("reducer failed", failure.getMessage());
        assertEquals(5L, sums.get());
        sums.add(2L);
        assertEquals(7L, sums.get());
    }

    @Test
    void aReducerReturningNullLeavesNoValueAndDropsTheEmptyWindow() throws Exception {
        backend.setCurrentKey("a");
        sums.add(5L);
        sums.add(VANISH);
        assertNull(sums.get());
        assertEquals(0, backend.numKeyValueStateEntries());
        assertEquals(Map.of(), backend.snapshot(), "no key group holds an empty window");
        sums.add(3L);
        assertEquals(3L, sums.get());
    }

    @Test
    void theFirstValueOfAWindowIsStoredAsGivenWithoutCallingTheReducer() throws Exception {
        backend.setCurrentKey("a");
        Long first = 1_000_000L;
        sums.add(first);
        assertSame(first, sums.get());
        backend.setCurrentKey("b");
        sums.add(FAIL); // the first value: nothing to reduce it with
        assertEquals(FAIL, sums.get());
    }

    @Test
    void anUpdateAfterASnapshotDoesNotReachTheSnapshotsBytes() throws Exception {
        for (int k = 0; k < 500; k++) {
            backend.setCurrentKey("k" + k);
            sums.add((long) k);
        }
        Map<Integer, byte[]> before = backend.snapshot();
        Map<Integer, byte[]> deferred = backend.snapshot(1, true).keyGroups();
        for (int k = 0; k < 500; k++) {
            backend.setCurrentKey("k" + k);
            sums.add(1L);
            assertEquals(k + 1L, sums.get());
        }
        assertEquals(before.keySet(), deferred.keySet());
        for (Map.Entry<Integer, byte[]> group : before.entrySet()) {
            assertArrayEquals(group.getValue(), deferred.get(group.getKey()), "key group " + group.getKey());
        }
    }

    @Test
    void anAggregateFunctionThatFailsLeavesTheAccumulatorAsItWas() throws Exception {
        AggregatingState<Long, Long> counts = backend.getPartitionedState(new AggregatingStateDescriptor<>("counts",
                new CountUpToThree(), Long.class));
        backend.setCurrentKey("a");
        assertThrows(IllegalArgumentException.class, () -> counts.add(-1L));
        assertNull(counts.get(), "a failed first add stores no accumulator");
        counts.add(1L);
        counts.add(1L);
        assertEquals(2L, counts.get());
        assertThrows(IllegalArgumentException.class, () -> counts.add(-1L));
        assertEquals(2L, counts.get());
        counts.add(1L);
        assertEquals(3L, counts.get());
    }

    /** Counts its inputs; a negative input is refused. */
    private static final class CountUpToThree implements AggregateFunction<Long, Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long createAccumulator() {
            return 0L;
        }

        @Override
        public Long add(Long value, Long accumulator) {
            if (value < 0) {
                throw new IllegalArgumentException("negative input " + value);
            }
            return accumulator + 1;
        }

        @Override
        public Long getResult(Long accumulator) {
            return accumulator;
        }

        @Override
        public Long merge(Long a, Long b) {
            return a + b;
        }
    }
}
