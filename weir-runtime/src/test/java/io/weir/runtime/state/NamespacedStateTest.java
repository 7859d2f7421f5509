package io.weir.runtime.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.functions.AggregateFunction;
import io.weir.api.state.AggregatingState;
import io.weir.api.state.AggregatingStateDescriptor;
import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.state.ReducingState;
import io.weir.api.state.ReducingStateDescriptor;
import io.weir.api.state.StateTtlConfig;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.types.SerializerConfig;
import io.weir.api.types.Types;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** State scoped to namespaces (windows) and merged across them (session windows). */
class NamespacedStateTest {
    private final HeapKeyedStateBackend<String> backend =
            new HeapKeyedStateBackend<>("op", 0, 128, new KeyGroupRange(0, 127), new SerializerConfig(), null);

    @SuppressWarnings("unchecked")
    private static <S> InternalKvState<String> ns(S state) {
        return (InternalKvState<String>) state;
    }

    @Test
    void valuesAreScopedToKeyAndNamespaceAndTheDefaultNamespaceIsSeparate() throws Exception {
        ValueState<Long> state = backend.getPartitionedState(new ValueStateDescriptor<>("v", Types.LONG));
        backend.setCurrentKey("a");
        state.update(0L);
        ns(state).setCurrentNamespace("w1");
        assertNull(state.value());
        state.update(1L);
        ns(state).setCurrentNamespace("w2");
        state.update(2L);
        ns(state).setCurrentNamespace("w1");
        assertEquals(1L, state.value());
        assertEquals(3, backend.numKeyValueStateEntries());
        assertEquals(List.of("a"), backend.getKeys("v"), "keys are listed for the default namespace");
    }

    @Test
    void listsAreConcatenatedIntoTheTargetAndRemovedFromTheSources() throws Exception {
        ListState<Integer> list = backend.getPartitionedState(new ListStateDescriptor<>("l", Types.INT));
        backend.setCurrentKey("a");
        ns(list).setCurrentNamespace("w1");
        list.add(1);
        ns(list).setCurrentNamespace("w2");
        list.add(2);
        ns(list).setCurrentNamespace("w3");
        list.add(3);
        ((InternalMergingState<String>) list).mergeNamespaces("w1", List.of("w2", "w3", "empty", "w1"));
        ns(list).setCurrentNamespace("w1");
        assertEquals(List.of(1, 2, 3), list.get());
        ns(list).setCurrentNamespace("w2");
        assertFalse(list.get().iterator().hasNext());
        assertEquals(1, backend.numKeyValueStateEntries());
    }

    @Test
    void reducingAndAggregatingStatesMergeWithTheirFunctions() throws Exception {
        ReducingState<Long> sum = backend.getPartitionedState(
                new ReducingStateDescriptor<>("r", Long::sum, Types.LONG));
        AggregatingState<Long, Long> count = backend.getPartitionedState(
                new AggregatingStateDescriptor<>("c", new Count(), Types.LONG));
        backend.setCurrentKey("a");
        for (String window : List.of("w1", "w2", "w2")) {
            ns(sum).setCurrentNamespace(window);
            sum.add(10L);
            ns(count).setCurrentNamespace(window);
            count.add(10L);
        }
        ((InternalMergingState<String>) sum).mergeNamespaces("target", List.of("w1", "w2"));
        ((InternalMergingState<String>) count).mergeNamespaces("target", List.of("w1", "w2"));
        ns(sum).setCurrentNamespace("target");
        ns(count).setCurrentNamespace("target");
        assertEquals(30L, sum.get());
        assertEquals(3L, count.get());
        assertEquals(2, backend.numKeyValueStateEntries());
    }

    @Test
    void statesWithATimeToLiveHaveNamespacesAndMergeOnlyUnexpiredValues() throws Exception {
        long[] now = {0};
        backend.setTtlTimeProvider(() -> now[0]);
        ReducingStateDescriptor<Long> descriptor = new ReducingStateDescriptor<>("ttl-sum", Long::sum, Types.LONG);
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofMillis(100)).build());
        ReducingState<Long> sum = backend.getPartitionedState(descriptor);
        ListStateDescriptor<Integer> listDescriptor = new ListStateDescriptor<>("ttl-list", Types.INT);
        listDescriptor.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofMillis(100)).build());
        ListState<Integer> list = backend.getPartitionedState(listDescriptor);
        backend.setCurrentKey("a");
        ns(sum).setCurrentNamespace("old");
        sum.add(1L);
        now[0] = 150;
        ns(sum).setCurrentNamespace("w1");
        sum.add(10L);
        ns(sum).setCurrentNamespace("w2");
        sum.add(20L);
        ns(list).setCurrentNamespace("w1");
        list.add(1);
        ns(list).setCurrentNamespace("w2");
        list.add(2);
        ((InternalMergingState<String>) sum).mergeNamespaces("w1", List.of("w2", "old"));
        ((InternalMergingState<String>) list).mergeNamespaces("w1", List.of("w2"));
        ns(sum).setCurrentNamespace("w1");
        ns(list).setCurrentNamespace("w1");
        assertEquals(30L, sum.get(), "the expired value of 'old' is not merged");
        assertEquals(List.of(1, 2), list.get());
        now[0] = 1000;
        assertNull(sum.get());
    }

    @Test
    void valueStateIsNotMergeable() {
        ValueState<Long> state = backend.getPartitionedState(new ValueStateDescriptor<>("v", Types.LONG));
        assertTrue(state instanceof InternalKvState);
        assertFalse(state instanceof InternalMergingState);
    }

    private static final class Count implements AggregateFunction<Long, Long, Long> {
        @Override
        public Long createAccumulator() {
            return 0L;
        }

        @Override
        public Long add(Long value, Long accumulator) {
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
