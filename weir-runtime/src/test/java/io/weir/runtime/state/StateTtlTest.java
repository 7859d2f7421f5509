package io.weir.runtime.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** State TTL on the heap backend, on a manual clock. */
class StateTtlTest {
    private long now;
    private final HeapKeyedStateBackend<String> backend =
            new HeapKeyedStateBackend<>("op", 0, 128, new KeyGroupRange(0, 127), new SerializerConfig(), null);

    StateTtlTest() {
        backend.setTtlTimeProvider(() -> now);
    }

    private static StateTtlConfig.Builder ttl(long millis) {
        return StateTtlConfig.newBuilder(Duration.ofMillis(millis)).disableCleanupInBackground();
    }

    @Test
    void valueExpiresAfterTheTtlSinceTheLastWrite() throws Exception {
        ValueStateDescriptor<String> d = new ValueStateDescriptor<>("v", Types.STRING);
        d.enableTimeToLive(ttl(100).build());
        ValueState<String> state = backend.getPartitionedState(d);
        backend.setCurrentKey("a");
        state.update("x");
        now = 60;
        state.update("y");
        now = 159;
        assertEquals("y", state.value(), "written at 60, alive until 160");
        now = 160;
        assertNull(state.value());
        assertEquals(0, backend.numKeyValueStateEntries(), "an expired value is removed when read");
    }

    @Test
    void readsRefreshTheTtlOnlyWithOnReadAndWrite() throws Exception {
        ValueStateDescriptor<String> d = new ValueStateDescriptor<>("v", Types.STRING);
        d.enableTimeToLive(ttl(100).updateTtlOnReadAndWrite().build());
        ValueState<String> state = backend.getPartitionedState(d);
        backend.setCurrentKey("a");
        state.update("x");
        now = 90;
        assertEquals("x", state.value());
        now = 180;
        assertEquals("x", state.value(), "the read at 90 extended it to 190");
        now = 280;
        assertNull(state.value());
    }

    @Test
    void returnExpiredIfNotCleanedUpReturnsItOnceThenItIsGone() throws Exception {
        ValueStateDescriptor<String> d = new ValueStateDescriptor<>("v", Types.STRING);
        d.enableTimeToLive(ttl(10).returnExpiredIfNotCleanedUp().build());
        ValueState<String> state = backend.getPartitionedState(d);
        backend.setCurrentKey("a");
        state.update("x");
        now = 50;
        assertEquals("x", state.value());
        assertNull(state.value());
    }

    @Test
    void listElementsExpireOneByOne() throws Exception {
        ListStateDescriptor<Integer> d = new ListStateDescriptor<>("l", Types.INT);
        d.enableTimeToLive(ttl(100).build());
        ListState<Integer> state = backend.getPartitionedState(d);
        backend.setCurrentKey("a");
        state.add(1);
        now = 50;
        state.addAll(List.of(2, 3));
        now = 120;
        assertEquals(List.of(2, 3), state.get());
        now = 150;
        assertEquals(List.of(), state.get());
        assertEquals(0, backend.numKeyValueStateEntries());
    }

    @Test
    void mapEntriesExpireOneByOne() throws Exception {
        MapStateDescriptor<String, Integer> d = new MapStateDescriptor<>("m", Types.STRING, Types.INT);
        d.enableTimeToLive(ttl(100).build());
        MapState<String, Integer> state = backend.getPartitionedState(d);
        backend.setCurrentKey("a");
        state.put("old", 1);
        now = 50;
        state.putAll(Map.of("new", 2));
        now = 100;
        assertNull(state.get("old"));
        assertFalse(state.contains("old"));
        assertTrue(state.contains("new"));
        assertEquals(List.of("new"), List.copyOf((java.util.Collection<String>) state.keys()));
        now = 150;
        assertTrue(state.isEmpty());
    }

    @Test
    void reducingAndAggregatingStartOverAfterExpiry() throws Exception {
        ReducingStateDescriptor<Long> rd = new ReducingStateDescriptor<>("r", Long::sum, Types.LONG);
        rd.enableTimeToLive(ttl(100).build());
        AggregatingStateDescriptor<Long, Long, Long> ad = new AggregatingStateDescriptor<>("g", new Count(), Types.LONG);
        ad.enableTimeToLive(ttl(100).build());
        ReducingState<Long> sum = backend.getPartitionedState(rd);
        AggregatingState<Long, Long> count = backend.getPartitionedState(ad);
        backend.setCurrentKey("a");
        sum.add(5L);
        count.add(5L);
        now = 50;
        sum.add(6L);
        count.add(6L);
        assertEquals(11L, sum.get());
        assertEquals(2L, count.get());
        now = 150;
        sum.add(1L);
        count.add(1L);
        assertEquals(1L, sum.get(), "the sum written at 50 expired at 150");
        assertEquals(1L, count.get());
    }

    @Test
    void incrementalCleanupRemovesExpiredStateOfKeysThatAreNeverReadAgain() throws Exception {
        ValueStateDescriptor<String> d = new ValueStateDescriptor<>("v", Types.STRING);
        d.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofMillis(10)).cleanupIncrementally(3, true).build());
        ValueState<String> state = backend.getPartitionedState(d);
        for (int i = 0; i < 20; i++) {
            backend.setCurrentKey("k" + i);
            state.update("v");
        }
        assertEquals(20, backend.numKeyValueStateEntries());
        now = 100;
        for (int i = 0; i < 200; i++) {
            backend.setCurrentKey("other"); // records of a key without state: cleanup runs per record
        }
        assertEquals(0, backend.numKeyValueStateEntries());
    }

    @Test
    void ttlMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> StateTtlConfig.newBuilder(Duration.ZERO));
        assertFalse(StateTtlConfig.DISABLED.isEnabled());
    }

    static final class Count implements AggregateFunction<Long, Long, Long> {
        @Override
        public Long createAccumulator() {
            return 0L;
        }

        @Override
        public Long add(Long value, Long acc) {
            return acc + 1;
        }

        @Override
        public Long getResult(Long acc) {
            return acc;
        }

        @Override
        public Long merge(Long a, Long b) {
            return a + b;
        }
    }
}
