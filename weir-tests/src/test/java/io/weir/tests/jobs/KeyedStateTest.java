package io.weir.tests.jobs;

import static io.weir.tests.jobs.Results.assertSameElements;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.AggregateFunction;
import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.OpenContext;
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
import io.weir.api.types.Types;
import io.weir.testutils.MiniClusterExtension;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every kind of keyed state, over many keys spread across all key groups, at several
 * parallelisms: each key's final state must equal what a plain loop computes.
 */
class KeyedStateTest {
    private static final int KEYS = 500;
    private static final long ELEMENTS = 20_000;

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
            .setNumberTaskManagers(2).setNumberSlotsPerTaskManager(2).build();

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 4})
    void everyStateKindIsScopedToItsKey(int parallelism) throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(parallelism);
        env.setMaxParallelism(32);
        List<String> result = env.fromSequence(0, ELEMENTS - 1)
                .keyBy(x -> x % KEYS)
                .process(new AllStates())
                .executeAndCollect(1_000_000);

        Map<Long, String> expected = new HashMap<>();
        Map<Long, List<Long>> seen = new HashMap<>();
        for (long x = 0; x < ELEMENTS; x++) {
            seen.computeIfAbsent(x % KEYS, k -> new ArrayList<>()).add(x);
        }
        for (Map.Entry<Long, List<Long>> e : seen.entrySet()) {
            List<Long> values = e.getValue();
            long count = values.size();
            long sum = values.stream().mapToLong(Long::longValue).sum();
            long max = values.stream().mapToLong(Long::longValue).max().orElseThrow();
            long distinctMod = values.stream().map(v -> v % 7).distinct().count();
            expected.put(e.getKey(), describe(e.getKey(), count, sum, max, distinctMod));
        }
        // with several sources a key's elements arrive interleaved; its final line is the one with the full count
        Map<Long, String> finalPerKey = new HashMap<>();
        for (String line : result) {
            if (line.contains(":count=" + ELEMENTS / KEYS + ",")) {
                finalPerKey.put(Long.parseLong(line.substring(0, line.indexOf(':'))), line);
            }
        }
        assertEquals(KEYS, finalPerKey.size());
        assertEquals(ELEMENTS, result.size());
        assertSameElements(expected.values(), new ArrayList<>(finalPerKey.values()));
    }

    static String describe(long key, long count, long sum, long max, long distinctMod) {
        return key + ":count=" + count + ",sum=" + sum + ",max=" + max + ",mods=" + distinctMod;
    }

    /** Keeps a count (value), all elements (list), mod-7 classes (map), a max (reducing) and a sum (aggregating). */
    static final class AllStates extends KeyedProcessFunction<Long, Long, String> {
        private transient ValueState<Long> count;
        private transient ListState<Long> elements;
        private transient MapState<Long, Boolean> mods;
        private transient ReducingState<Long> max;
        private transient AggregatingState<Long, Long> sum;

        @Override
        public void open(OpenContext openContext) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
            elements = getRuntimeContext().getListState(new ListStateDescriptor<>("elements", Types.LONG));
            mods = getRuntimeContext().getMapState(new MapStateDescriptor<>("mods", Types.LONG, Types.BOOLEAN));
            max = getRuntimeContext().getReducingState(new ReducingStateDescriptor<>("max", Math::max, Types.LONG));
            sum = getRuntimeContext().getAggregatingState(
                    new AggregatingStateDescriptor<>("sum", new Summer(), Types.LONG));
        }

        @Override
        public void processElement(Long value, Context ctx, Collector<String> out) throws Exception {
            if (!ctx.getCurrentKey().equals(value % KEYS)) {
                throw new IllegalStateException("key " + ctx.getCurrentKey() + " for element " + value);
            }
            Long c = count.value();
            count.update(c == null ? 1 : c + 1);
            elements.add(value);
            mods.put(value % 7, true);
            max.add(value);
            sum.add(value);
            long listSize = 0;
            for (Long ignored : elements.get()) {
                listSize++;
            }
            if (listSize != count.value()) {
                throw new IllegalStateException("list state has " + listSize + " elements, count is " + count.value());
            }
            long distinct = 0;
            for (Long ignored : mods.keys()) {
                distinct++;
            }
            out.collect(describe(ctx.getCurrentKey(), count.value(), sum.get(), max.get(), distinct));
        }
    }

    /** Sums longs. */
    static final class Summer implements AggregateFunction<Long, Long, Long> {
        @Override
        public Long createAccumulator() {
            return 0L;
        }

        @Override
        public Long add(Long value, Long accumulator) {
            return value + accumulator;
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
