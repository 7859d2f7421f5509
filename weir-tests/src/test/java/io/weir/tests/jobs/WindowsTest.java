package io.weir.tests.jobs;

import static io.weir.tests.jobs.Results.assertSameElements;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.Collector;
import io.weir.api.functions.windowing.ProcessAllWindowFunction;
import io.weir.api.functions.windowing.ProcessWindowFunction;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.tuple.Tuple2;
import io.weir.api.tuple.Tuple3;
import io.weir.api.types.Types;
import io.weir.api.windowing.assigners.EventTimeSessionWindows;
import io.weir.api.windowing.assigners.SlidingEventTimeWindows;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import io.weir.api.windowing.windows.GlobalWindow;
import io.weir.api.windowing.windows.TimeWindow;
import io.weir.testutils.MiniClusterExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Windows in real jobs on bounded, out-of-order input: each source subtask's events are out of order
 * by up to 49 ms, a bounded-out-of-orderness watermark strategy trails by 50 ms, and the end of
 * input fires what is left. Results are
 * compared with the same windows computed directly from the input.
 */
class WindowsTest {
    private static final int N = 4_000;
    private static final int KEYS = 7;

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
            .setNumberTaskManagers(2).setNumberSlotsPerTaskManager(2).build();

    /** Element x: key x % 7, value x, timestamp 10x minus up to 49 (out of order within each subtask's split). */
    static long timestampOf(long x) {
        return 10 * x - Math.floorMod(x * 7919, 50);
    }

    private static DataStream<Tuple2<Long, Long>> events(StreamExecutionEnvironment env) {
        return env.fromSequence(0, N - 1)
                .map(x -> Tuple2.of(x % KEYS, x), Types.<Tuple2<Long, Long>>TUPLE(Types.LONG, Types.LONG))
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple2<Long, Long>>forBoundedOutOfOrderness(
                        Duration.ofMillis(50)).withTimestampAssigner((t, previous) -> timestampOf(t.f1)));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void tumblingEventTimeWindowsSumPerKey(int parallelism) throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(parallelism);
        List<Tuple2<Long, Long>> sums = events(env).keyBy(t -> t.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(1000)))
                .sum(1)
                .executeAndCollect(1_000_000);
        Map<String, Long> expected = new TreeMap<>();
        for (long x = 0; x < N; x++) {
            long start = Math.floorDiv(timestampOf(x), 1000) * 1000;
            expected.merge(x % KEYS + "@" + start, x, Long::sum);
        }
        assertSameElements(new ArrayList<>(expected.values()), sums.stream().map(t -> t.f1).toList());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void slidingEventTimeWindowsCountPerKeyAndWindow(int parallelism) throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(parallelism);
        List<String> counts = events(env).keyBy(t -> t.f0)
                .window(SlidingEventTimeWindows.of(Duration.ofMillis(3000), Duration.ofMillis(1000)))
                .process(new CountPerWindow())
                .executeAndCollect(1_000_000);
        Map<String, Integer> expected = new TreeMap<>();
        for (long x = 0; x < N; x++) {
            long ts = timestampOf(x);
            for (long start = Math.floorDiv(ts, 1000) * 1000; start > ts - 3000; start -= 1000) {
                expected.merge((x % KEYS) + "[" + start + "," + (start + 3000) + ")", 1, Integer::sum);
            }
        }
        List<String> expectedLines = new ArrayList<>();
        expected.forEach((window, count) -> expectedLines.add(window + "=" + count));
        assertSameElements(expectedLines, counts);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void eventTimeSessionsSplitAtGapsInTheData(int parallelism) throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(parallelism);
        // Every 500th element is missing, which leaves a gap of at least 20 ms minus the jitter in each key.
        List<String> sessions = env.fromSequence(0, N - 1)
                .filter(x -> (x / KEYS) % 100 != 99)
                .map(x -> Tuple2.of(x % KEYS, x), Types.<Tuple2<Long, Long>>TUPLE(Types.LONG, Types.LONG))
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple2<Long, Long>>forMonotonousTimestamps()
                        .withTimestampAssigner((t, previous) -> (t.f1 / KEYS) * 10))
                .keyBy(t -> t.f0)
                .window(EventTimeSessionWindows.withGap(Duration.ofMillis(15)))
                .process(new CountPerWindow())
                .executeAndCollect(1_000_000);
        // Per key, element x has time (x / 7) * 10; rounds 99, 199, ... are missing, so sessions are
        // rounds [0, 98], [100, 198], ...: the session of rounds a..b is [10a, 10b + 15).
        List<String> expected = new ArrayList<>();
        long rounds = (N + KEYS - 1) / KEYS;
        for (long key = 0; key < KEYS; key++) {
            for (long first = 0; first < rounds; first += 100) {
                long last = Math.min(first + 98, rounds - 1);
                while (last * KEYS + key >= N) {
                    last--;
                }
                if (last < first) {
                    continue;
                }
                expected.add(key + "[" + first * 10 + "," + (last * 10 + 15) + ")=" + (last - first + 1));
            }
        }
        assertSameElements(expected, sessions);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void countWindowsFireEveryNElementsOfAKey(int parallelism) throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(parallelism);
        List<Tuple3<Long, Long, Integer>> windows = env.fromSequence(0, N - 1)
                .map(x -> Tuple2.of(x % KEYS, x), Types.<Tuple2<Long, Long>>TUPLE(Types.LONG, Types.LONG))
                .keyBy(t -> t.f0)
                .countWindow(10)
                .process(new ProcessWindowFunction<Tuple2<Long, Long>, Tuple3<Long, Long, Integer>, Long, GlobalWindow>() {
                    @Override
                    public void process(Long key, Context context, Iterable<Tuple2<Long, Long>> elements,
                            Collector<Tuple3<Long, Long, Integer>> out) {
                        long sum = 0;
                        int count = 0;
                        for (Tuple2<Long, Long> e : elements) {
                            sum += e.f1;
                            count++;
                        }
                        out.collect(Tuple3.of(key, sum, count));
                    }
                })
                .executeAndCollect(1_000_000);
        for (long key = 0; key < KEYS; key++) {
            long perKey = (N - key + KEYS - 1) / KEYS;
            long k = key;
            List<Tuple3<Long, Long, Integer>> ofKey = windows.stream().filter(w -> w.f0 == k).toList();
            assertEquals(perKey / 10, ofKey.size(), "windows of key " + key);
            ofKey.forEach(w -> assertEquals(10, w.f2));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void windowAllSumsTheWholeStreamPerWindow(int parallelism) throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(parallelism);
        List<Tuple2<Long, Long>> sums = events(env)
                .windowAll(TumblingEventTimeWindows.of(Duration.ofMillis(5000)))
                .reduce((a, b) -> Tuple2.of(0L, a.f1 + b.f1))
                .executeAndCollect(1_000_000);
        Map<Long, Long> expected = new TreeMap<>();
        for (long x = 0; x < N; x++) {
            expected.merge(Math.floorDiv(timestampOf(x), 5000), x, Long::sum);
        }
        assertSameElements(new ArrayList<>(expected.values()), sums.stream().map(t -> t.f1).toList());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void countWindowAllAndAllWindowFunctions(int parallelism) throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(parallelism);
        List<Integer> counts = env.fromSequence(0, N - 1)
                .countWindowAll(100)
                .apply((GlobalWindow window, Iterable<Long> values, Collector<Integer> out) -> {
                    int count = 0;
                    for (Long ignored : values) {
                        count++;
                    }
                    out.collect(count);
                }, Types.INT)
                .executeAndCollect(1_000_000);
        assertEquals(N / 100, counts.size());
        counts.forEach(c -> assertEquals(100, c));

        List<String> firings = events(env)
                .windowAll(TumblingEventTimeWindows.of(Duration.ofMillis(10_000)))
                .process(new ProcessAllWindowFunction<Tuple2<Long, Long>, String, TimeWindow>() {
                    @Override
                    public void process(Context context, Iterable<Tuple2<Long, Long>> elements, Collector<String> out)
                            throws Exception {
                        ValueState<Long> windows = context.globalState().getState(
                                new ValueStateDescriptor<>("windows", Types.LONG));
                        windows.update(windows.value() == null ? 1L : windows.value() + 1);
                        long count = 0;
                        for (Tuple2<Long, Long> ignored : elements) {
                            count++;
                        }
                        out.collect(context.window().getStart() + "=" + count);
                    }
                })
                .executeAndCollect(1_000_000);
        Map<Long, Long> expected = new TreeMap<>();
        for (long x = 0; x < N; x++) {
            expected.merge(Math.floorDiv(timestampOf(x), 10_000) * 10_000, 1L, Long::sum);
        }
        List<String> expectedLines = new ArrayList<>();
        expected.forEach((start, count) -> expectedLines.add(start + "=" + count));
        assertSameElements(expectedLines, firings);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void windowJoinPairsElementsWithEqualKeysInTheSameWindow(int parallelism) throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(parallelism);
        DataStream<Tuple2<Long, Long>> left = events(env);
        DataStream<Tuple2<Long, Long>> right = env.fromSequence(0, 999)
                .map(x -> Tuple2.of(x % KEYS, x * 40), Types.<Tuple2<Long, Long>>TUPLE(Types.LONG, Types.LONG))
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple2<Long, Long>>forMonotonousTimestamps()
                        .withTimestampAssigner((t, previous) -> t.f1));
        List<String> joined = left.join(right)
                .where(l -> l.f0)
                .equalTo(r -> r.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(2000)))
                .apply((l, r) -> l.f0 + ":" + l.f1 + "-" + r.f1, Types.STRING)
                .executeAndCollect(1_000_000);
        List<String> expected = new ArrayList<>();
        for (long x = 0; x < N; x++) {
            for (long y = 0; y < 1000; y++) {
                if (x % KEYS == y % KEYS && Math.floorDiv(timestampOf(x), 2000) == Math.floorDiv(y * 40, 2000)) {
                    expected.add(x % KEYS + ":" + x + "-" + y * 40);
                }
            }
        }
        assertEquals(true, expected.size() > 1000, "the test joins something");
        assertSameElements(expected, joined);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void coGroupSeesBothSidesOfAKeyAndWindowEvenIfOneIsEmpty(int parallelism) throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(parallelism);
        DataStream<Tuple2<Long, Long>> left = events(env);
        DataStream<Long> right = env.fromSequence(0, 20).assignTimestampsAndWatermarks(
                WatermarkStrategy.<Long>forMonotonousTimestamps().withTimestampAssigner((x, previous) -> x * 1000));
        List<String> groups = left.coGroup(right)
                .where(l -> l.f0)
                .equalTo(r -> r % KEYS)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(10_000)))
                .apply((Iterable<Tuple2<Long, Long>> ls, Iterable<Long> rs, Collector<String> out) -> {
                    long count = 0;
                    Long key = null;
                    for (Tuple2<Long, Long> l : ls) {
                        count++;
                        key = l.f0;
                    }
                    long rights = 0;
                    for (Long r : rs) {
                        rights++;
                        key = r % KEYS;
                    }
                    out.collect(key + ":" + count + "/" + rights);
                }, Types.STRING)
                .executeAndCollect(1_000_000);
        Map<String, long[]> expected = new TreeMap<>();
        for (long x = 0; x < N; x++) {
            expected.computeIfAbsent(x % KEYS + "@" + Math.floorDiv(timestampOf(x), 10_000), k -> new long[2])[0]++;
        }
        for (long y = 0; y <= 20; y++) {
            expected.computeIfAbsent(y % KEYS + "@" + Math.floorDiv(y * 1000, 10_000), k -> new long[2])[1]++;
        }
        List<String> expectedLines = new ArrayList<>();
        expected.forEach((k, c) -> expectedLines.add(k.split("@")[0] + ":" + c[0] + "/" + c[1]));
        assertSameElements(expectedLines, groups);
    }

    /** "key[start,end)=count" for each firing. */
    static final class CountPerWindow extends ProcessWindowFunction<Tuple2<Long, Long>, String, Long, TimeWindow> {
        @Override
        public void process(Long key, Context context, Iterable<Tuple2<Long, Long>> elements, Collector<String> out) {
            int count = 0;
            for (Tuple2<Long, Long> ignored : elements) {
                count++;
            }
            out.collect(key + "[" + context.window().getStart() + "," + context.window().getEnd() + ")=" + count);
        }
    }
}
