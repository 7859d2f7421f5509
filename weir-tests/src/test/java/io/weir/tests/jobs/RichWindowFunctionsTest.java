package io.weir.tests.jobs;

import static io.weir.tests.jobs.Results.assertSameElements;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.datastream.DataStream;
import io.weir.api.datastream.SingleOutputStreamOperator;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.Collector;
import io.weir.api.functions.OpenContext;
import io.weir.api.functions.RichCoGroupFunction;
import io.weir.api.functions.RichFlatJoinFunction;
import io.weir.api.functions.RichJoinFunction;
import io.weir.api.functions.windowing.RichAllWindowFunction;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.tuple.Tuple2;
import io.weir.api.types.Types;
import io.weir.api.windowing.assigners.GlobalWindows;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import io.weir.api.windowing.windows.GlobalWindow;
import io.weir.api.windowing.windows.TimeWindow;
import io.weir.testutils.MiniClusterExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rich functions given to window joins, coGroups and windowAll get their life cycle and runtime
 * context from the window operator; global windows with the end-of-stream trigger fire once per key;
 * windowAll results refuse a parallelism above 1.
 */
class RichWindowFunctionsTest {
    private static final int KEYS = 5;
    private static final long WINDOW = 100;

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
            .setNumberTaskManagers(2).setNumberSlotsPerTaskManager(2).build();

    /** (x % 5, x) at time x * step, for x in [0, count). */
    private static DataStream<Tuple2<Long, Long>> keyed(StreamExecutionEnvironment env, long count, long step) {
        return env.fromSequence(0, count - 1)
                .map(x -> Tuple2.of(x % KEYS, x), Types.<Tuple2<Long, Long>>TUPLE(Types.LONG, Types.LONG))
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple2<Long, Long>>forMonotonousTimestamps()
                        .withTimestampAssigner((t, previous) -> t.f1 * step));
    }

    private static List<String> expectedPairs(int parallelism) {
        List<String> expected = new ArrayList<>();
        for (long x = 0; x < 200; x++) {
            for (long y = 0; y < 100; y++) {
                if (x % KEYS == y % KEYS && (x * 10) / WINDOW == (y * 20) / WINDOW) {
                    expected.add(parallelism + "|" + x + "-" + y);
                }
            }
        }
        return expected;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void richJoinFunctionsAreOpenedWithTheRuntimeContextOfTheWindowOperator(int parallelism) throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(parallelism);
        List<String> joined = keyed(env, 200, 10).join(keyed(env, 100, 20))
                .where(l -> l.f0).equalTo(r -> r.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(WINDOW)))
                .apply(new RichJoinFunction<Tuple2<Long, Long>, Tuple2<Long, Long>, String>() {
                    private int subtasks;

                    @Override
                    public void open(OpenContext openContext) {
                        subtasks = getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks();
                    }

                    @Override
                    public String join(Tuple2<Long, Long> l, Tuple2<Long, Long> r) {
                        return subtasks + "|" + l.f1 + "-" + r.f1;
                    }
                }, Types.STRING)
                .executeAndCollect(100_000);
        assertSameElements(expectedPairs(parallelism), joined);

        List<String> flatJoined = keyed(env, 200, 10).join(keyed(env, 100, 20))
                .where(l -> l.f0).equalTo(r -> r.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(WINDOW)))
                .apply(new RichFlatJoinFunction<Tuple2<Long, Long>, Tuple2<Long, Long>, String>() {
                    private int subtasks;

                    @Override
                    public void open(OpenContext openContext) {
                        subtasks = getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks();
                    }

                    @Override
                    public void join(Tuple2<Long, Long> l, Tuple2<Long, Long> r, Collector<String> out) {
                        out.collect(subtasks + "|" + l.f1 + "-" + r.f1);
                    }
                }, Types.STRING)
                .executeAndCollect(100_000);
        assertSameElements(expectedPairs(parallelism), flatJoined);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void richCoGroupFunctionKeepsKeyedStateAcrossTheWindowsOfAKey(int parallelism) throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(parallelism);
        List<String> groups = keyed(env, 200, 10).coGroup(keyed(env, 100, 20))
                .where(l -> l.f0).equalTo(r -> r.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(WINDOW)))
                .apply(new NumberedGroups(), Types.STRING)
                .executeAndCollect(100_000);
        // Windows of a key fire in time order, so the n-th group of a key is its n-th window with elements.
        Map<String, long[]> sizes = new TreeMap<>();
        for (long x = 0; x < 200; x++) {
            sizes.computeIfAbsent(key(x % KEYS, x * 10 / WINDOW), k -> new long[2])[0]++;
        }
        for (long y = 0; y < 100; y++) {
            sizes.computeIfAbsent(key(y % KEYS, y * 20 / WINDOW), k -> new long[2])[1]++;
        }
        List<String> expected = new ArrayList<>();
        int[] seen = new int[KEYS];
        sizes.forEach((k, c) -> {
            int key = Integer.parseInt(k.substring(0, 1));
            expected.add(key + "#" + (++seen[key]) + "=" + c[0] + "/" + c[1]);
        });
        assertSameElements(expected, groups);
    }

    private static String key(long key, long window) {
        return key + String.format("%05d", window);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void richAllWindowFunctionRunsOnOneSubtask(int parallelism) throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(parallelism);
        List<String> counts = keyed(env, 200, 10)
                .windowAll(TumblingEventTimeWindows.of(Duration.ofMillis(WINDOW * 5)))
                .apply(new RichAllWindowFunction<Tuple2<Long, Long>, String, TimeWindow>() {
                    private int subtasks;

                    @Override
                    public void open(OpenContext openContext) {
                        subtasks = getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks();
                    }

                    @Override
                    public void apply(TimeWindow window, Iterable<Tuple2<Long, Long>> values, Collector<String> out) {
                        int count = 0;
                        for (Tuple2<Long, Long> ignored : values) {
                            count++;
                        }
                        out.collect(window.getStart() + ":" + count + " on " + subtasks);
                    }
                }, Types.STRING)
                .executeAndCollect(100_000);
        assertSameElements(List.of("0:50 on 1", "500:50 on 1", "1000:50 on 1", "1500:50 on 1"), counts);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void endOfStreamGlobalWindowsFireOncePerKeyWithEverything(int parallelism) throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(parallelism);
        // No watermark strategy: only the end of the bounded input moves event time, to its end.
        List<Tuple2<Long, Long>> sums = env.fromSequence(0, 999)
                .map(x -> Tuple2.of(x % KEYS, x), Types.<Tuple2<Long, Long>>TUPLE(Types.LONG, Types.LONG))
                .keyBy(t -> t.f0)
                .window(GlobalWindows.createWithEndOfStreamTrigger())
                .sum(1)
                .executeAndCollect(100_000);
        List<Tuple2<Long, Long>> expected = new ArrayList<>();
        for (long k = 0; k < KEYS; k++) {
            long sum = 0;
            for (long x = k; x < 1000; x += KEYS) {
                sum += x;
            }
            expected.add(Tuple2.of(k, sum));
        }
        assertSameElements(expected, sums);

        List<Long> all = env.fromSequence(1, 100)
                .windowAll(GlobalWindows.createWithEndOfStreamTrigger())
                .reduce(Long::sum)
                .executeAndCollect(100);
        assertEquals(List.of(5050L), all);
    }

    @Test
    void windowAllAndCountWindowAllResultsRefuseAParallelismAboveOne() {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(3);
        SingleOutputStreamOperator<Long> windowAll = env.fromSequence(0, 9)
                .windowAll(GlobalWindows.createWithEndOfStreamTrigger())
                .reduce(Long::sum);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> windowAll.setParallelism(2));
        assertTrue(e.getMessage().contains("is not parallel") && e.getMessage().contains("must be 1, not 2"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> windowAll.setMaxParallelism(8));
        windowAll.setParallelism(1);
        assertEquals(1, windowAll.getParallelism());

        SingleOutputStreamOperator<Long> countAll = env.fromSequence(0, 9).countWindowAll(5).reduce(Long::sum);
        assertThrows(IllegalArgumentException.class, () -> countAll.setParallelism(4));
        // What follows a windowAll may run in parallel again.
        assertEquals(4, countAll.map(x -> x).setParallelism(4).getParallelism());
    }

    /** "key#n=left/right" where n counts the key's groups in keyed state. */
    static final class NumberedGroups
            extends RichCoGroupFunction<Tuple2<Long, Long>, Tuple2<Long, Long>, String> {
        private transient ValueState<Integer> groups;

        @Override
        public void open(OpenContext openContext) {
            groups = getRuntimeContext().getState(new ValueStateDescriptor<>("groups", Types.INT));
        }

        @Override
        public void coGroup(Iterable<Tuple2<Long, Long>> first, Iterable<Tuple2<Long, Long>> second,
                Collector<String> out) throws Exception {
            long key = -1;
            int left = 0;
            int right = 0;
            for (Tuple2<Long, Long> l : first) {
                key = l.f0;
                left++;
            }
            for (Tuple2<Long, Long> r : second) {
                key = r.f0;
                right++;
            }
            int n = groups.value() == null ? 1 : groups.value() + 1;
            groups.update(n);
            out.collect(key + "#" + n + "=" + left + "/" + right);
        }
    }
}
