package io.weir.tests.jobs;

import static io.weir.tests.jobs.Results.assertSameElements;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.common.InvalidProgramException;
import io.weir.api.datastream.BroadcastStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.BroadcastProcessFunction;
import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedBroadcastProcessFunction;
import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.tuple.Tuple2;
import io.weir.api.types.Types;
import io.weir.testutils.MiniClusterExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The broadcast state pattern on the MiniCluster: rules broadcast to every instance of a keyed operator. */
class BroadcastStateTest {
    private static final int KEYS = 50;
    private static final long ELEMENTS = 3_000;
    private static final long[] MULTIPLIERS = {10, 100, 1000};

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
            .setNumberTaskManagers(2).setNumberSlotsPerTaskManager(2).build();

    static final MapStateDescriptor<Long, Long> RULES = new MapStateDescriptor<>("rules", Types.LONG, Types.LONG);

    /**
     * Multiplies each element by the rule of its key's category (key % 3). Elements that arrive before
     * their rule wait in keyed state; the rule's arrival releases them through applyToKeyedState, so
     * the result does not depend on how the two inputs interleave.
     */
    static final class ApplyRules extends KeyedBroadcastProcessFunction<Long, Long, Tuple2<Long, Long>, Long> {
        static final ListStateDescriptor<Long> WAITING = new ListStateDescriptor<>("waiting", Types.LONG);

        @Override
        public void processElement(Long value, ReadOnlyContext ctx, Collector<Long> out) throws Exception {
            Long multiplier = ctx.getBroadcastState(RULES).get(ctx.getCurrentKey() % 3);
            if (multiplier == null) {
                getRuntimeContext().getListState(WAITING).add(value);
            } else {
                out.collect(value * multiplier);
            }
        }

        @Override
        public void processBroadcastElement(Tuple2<Long, Long> rule, Context ctx, Collector<Long> out)
                throws Exception {
            ctx.getBroadcastState(RULES).put(rule.f0, rule.f1);
            ctx.applyToKeyedState(WAITING, (Long key, ListState<Long> waiting) -> {
                if (key % 3 == rule.f0) {
                    for (Long value : waiting.get()) {
                        out.collect(value * rule.f1);
                    }
                    waiting.clear();
                }
            });
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void broadcastRulesApplyToEveryKeyOfAKeyedStream(int parallelism) throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(parallelism);
        BroadcastStream<Tuple2<Long, Long>> rules = env.fromData(Tuple2.of(0L, MULTIPLIERS[0]),
                Tuple2.of(1L, MULTIPLIERS[1]), Tuple2.of(2L, MULTIPLIERS[2])).broadcast(RULES);
        List<Long> result = env.fromSequence(0, ELEMENTS - 1)
                .keyBy(x -> x % KEYS)
                .connect(rules)
                .process(new ApplyRules())
                .executeAndCollect(100_000);
        List<Long> expected = new ArrayList<>();
        for (long x = 0; x < ELEMENTS; x++) {
            expected.add(x * MULTIPLIERS[(int) ((x % KEYS) % 3)]);
        }
        assertSameElements(expected, result);
    }

    /** Every instance gets every broadcast element: each emits the rule count it holds at the end. */
    static final class CountRules extends BroadcastProcessFunction<Long, Tuple2<Long, Long>, String> {
        @Override
        public void processElement(Long value, ReadOnlyContext ctx, Collector<String> out) {}

        @Override
        public void processBroadcastElement(Tuple2<Long, Long> rule, Context ctx, Collector<String> out)
                throws Exception {
            ctx.getBroadcastState(RULES).put(rule.f0, rule.f1);
            int n = 0;
            for (var ignored : ctx.getBroadcastState(RULES).immutableEntries()) {
                n++;
            }
            if (n == 3) {
                out.collect(getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() + " has all rules");
            }
        }
    }

    @Test
    void everyParallelInstanceReceivesEveryBroadcastElement() throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(3);
        List<String> result = env.fromSequence(0, 99)
                .connect(env.fromData(Tuple2.of(0L, 1L), Tuple2.of(1L, 1L), Tuple2.of(2L, 1L)).broadcast(RULES))
                .process(new CountRules())
                .executeAndCollect(100);
        assertSameElements(List.of("0 has all rules", "1 has all rules", "2 has all rules"), result);
    }

    @Test
    void aBroadcastProcessFunctionOnAKeyedStreamIsAClearError() {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
        var connected = env.fromSequence(0, 1).keyBy(x -> x)
                .connect(env.fromData(Tuple2.of(0L, 1L)).broadcast(RULES));
        InvalidProgramException e = assertThrows(InvalidProgramException.class,
                () -> connected.process(new CountRules()));
        assertTrue(e.getMessage().contains("KeyedBroadcastProcessFunction"), e.getMessage());
    }
}
