package io.weir.testutils.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.api.functions.AggregateFunction;
import io.weir.api.state.AggregatingStateDescriptor;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.state.MapState;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.state.ReducingStateDescriptor;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.types.Types;
import io.weir.runtime.state.AbstractKeyedStateBackend;
import io.weir.runtime.state.KeyGroupAssignment;
import io.weir.runtime.state.KeyGroupRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The states and data of {@link KeyedStateBackendTestSuite}: one descriptor of each kind, fifty
 * keys, and {@link #fill} / {@link #assertFilled}, which write and check five states per key with
 * values derived from the key.
 */
public final class StateFixtures {
    private StateFixtures() {}

    public static ValueStateDescriptor<Long> value() {
        return new ValueStateDescriptor<>("value", Long.class);
    }

    public static ListStateDescriptor<String> list() {
        return new ListStateDescriptor<>("list", String.class);
    }

    public static MapStateDescriptor<String, Integer> map() {
        return new MapStateDescriptor<>("map", String.class, Integer.class);
    }

    public static ReducingStateDescriptor<Long> reducing() {
        return new ReducingStateDescriptor<>("reducing", Long::sum, Long.class);
    }

    public static AggregatingStateDescriptor<Long, Long, Long> aggregating() {
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

    public static List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            keys.add("key-" + i);
        }
        return keys;
    }

    /** The keys of {@link #keys()} in {@code range} of {@code maxParallelism} key groups. */
    public static List<String> ownedKeys(KeyGroupRange range, int maxParallelism) {
        return keys().stream().filter(k -> range.contains(KeyGroupAssignment.assignToKeyGroup(k, maxParallelism)))
                .toList();
    }

    /** Five states per key, each value derived from the key. */
    public static void fill(AbstractKeyedStateBackend<String> backend) throws Exception {
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

    public static void assertFilled(AbstractKeyedStateBackend<String> backend, List<String> keys) throws Exception {
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

    public static List<String> toList(Iterable<String> values) {
        List<String> list = new ArrayList<>();
        values.forEach(list::add);
        return list;
    }

    public static Map<String, Integer> toMap(MapState<String, Integer> state) throws Exception {
        Map<String, Integer> map = new HashMap<>();
        for (Map.Entry<String, Integer> e : state.entries()) {
            map.put(e.getKey(), e.getValue());
        }
        return map;
    }
}
