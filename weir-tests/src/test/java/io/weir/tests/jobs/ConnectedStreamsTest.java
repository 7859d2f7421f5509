package io.weir.tests.jobs;

import static io.weir.tests.jobs.Results.assertSameElements;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.common.InvalidProgramException;
import io.weir.api.datastream.DataStream;
import io.weir.api.datastream.SingleOutputStreamOperator;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.CoMapFunction;
import io.weir.api.functions.CoProcessFunction;
import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedCoProcessFunction;
import io.weir.api.functions.OpenContext;
import io.weir.api.functions.OutputTag;
import io.weir.api.functions.RichCoFlatMapFunction;
import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.tuple.Tuple2;
import io.weir.api.tuple.Tuple3;
import io.weir.api.types.TypeInformation;
import io.weir.api.types.Types;
import io.weir.testutils.MiniClusterExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** connect(...) on the MiniCluster: two inputs of different types meet in one operator, keyed or not. */
class ConnectedStreamsTest {
    private static final int KEYS = 200;

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
            .setNumberTaskManagers(2).setNumberSlotsPerTaskManager(2).build();

    static final class Tag implements CoMapFunction<Long, String, String> {
        @Override
        public String map1(Long value) {
            return "n" + value;
        }

        @Override
        public String map2(String value) {
            return "s" + value;
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void coMapSeesEveryElementOfBothInputs(int parallelism) throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(parallelism);
        List<String> result = env.fromSequence(1, 500)
                .connect(env.fromData("a", "b", "c").rebalance())
                .map(new Tag())
                .map(s -> s + "!")
                .executeAndCollect(10_000);
        List<String> expected = new ArrayList<>();
        for (long i = 1; i <= 500; i++) {
            expected.add("n" + i + "!");
        }
        expected.addAll(List.of("sa!", "sb!", "sc!"));
        assertSameElements(expected, result);
    }

    /**
     * Pairs each key's name (first input, one per key) with its amounts (second input, many per key),
     * whichever arrives first: the streams are KeyedStreams typed as DataStream, as in many Flink jobs.
     */
    static final class Enrich extends RichCoFlatMapFunction<Tuple2<Long, String>, Long, String> {
        private transient ValueState<String> name;
        private transient ListState<Long> pending;

        @Override
        public void open(OpenContext openContext) {
            name = getRuntimeContext().getState(new ValueStateDescriptor<>("name", Types.STRING));
            pending = getRuntimeContext().getListState(new ListStateDescriptor<>("pending", Types.LONG));
        }

        @Override
        public void flatMap1(Tuple2<Long, String> value, Collector<String> out) throws Exception {
            name.update(value.f1);
            for (Long amount : pending.get()) {
                out.collect(value.f1 + ":" + amount);
            }
            pending.clear();
        }

        @Override
        public void flatMap2(Long amount, Collector<String> out) throws Exception {
            if (name.value() == null) {
                pending.add(amount);
            } else {
                out.collect(name.value() + ":" + amount);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void keyedConnectOfKeyedStreamsTypedAsDataStreamHasKeyedState(int parallelism) throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(parallelism);
        DataStream<Tuple2<Long, String>> names = env.fromSequence(0, KEYS - 1)
                .map(k -> Tuple2.of(k, "key" + k)).returns(Types.TUPLE(Types.LONG, Types.STRING))
                .keyBy(t -> t.f0);
        DataStream<Long> amounts = env.fromSequence(0, 10 * KEYS - 1).keyBy(x -> x % KEYS);
        List<String> result = names.connect(amounts).flatMap(new Enrich()).executeAndCollect(100_000);

        List<String> expected = new ArrayList<>();
        for (long x = 0; x < 10 * KEYS; x++) {
            expected.add("key" + (x % KEYS) + ":" + x);
        }
        assertSameElements(expected, result);
    }

    /** Sums both inputs per key; the final line of each key carries the full count. */
    static final class SumPerKey extends KeyedCoProcessFunction<Long, Long, Long, String> {
        private transient ValueState<Long> sum;
        private transient ValueState<Integer> count;

        @Override
        public void open(OpenContext openContext) {
            sum = getRuntimeContext().getState(new ValueStateDescriptor<>("sum", Types.LONG));
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.INT));
        }

        @Override
        public void processElement1(Long value, Context ctx, Collector<String> out) throws Exception {
            add(value, ctx, out);
        }

        @Override
        public void processElement2(Long value, Context ctx, Collector<String> out) throws Exception {
            add(-value, ctx, out);
        }

        private void add(long value, Context ctx, Collector<String> out) throws Exception {
            long s = (sum.value() == null ? 0 : sum.value()) + value;
            int n = (count.value() == null ? 0 : count.value()) + 1;
            sum.update(s);
            count.update(n);
            if (n == 20) {
                out.collect(ctx.getCurrentKey() + "=" + s);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void keyByOnConnectedStreamsScopesStateToTheKey(int parallelism) throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(parallelism);
        List<String> result = env.fromSequence(0, 10 * KEYS - 1)
                .connect(env.fromSequence(0, 10 * KEYS - 1).map(x -> 2 * x))
                .keyBy(x -> x % KEYS, x -> (x / 2) % KEYS)
                .process(new SumPerKey())
                .executeAndCollect(100_000);
        long[] expected = new long[KEYS];
        for (long x = 0; x < 10 * KEYS; x++) {
            expected[(int) (x % KEYS)] += x - 2 * x;
        }
        List<String> lines = new ArrayList<>();
        for (int k = 0; k < KEYS; k++) {
            lines.add(k + "=" + expected[k]);
        }
        assertSameElements(lines, result);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    @SuppressWarnings("deprecation")
    void keyByFieldPositionOrNameOnConnectedStreamsKeysByThatField(int parallelism) throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(parallelism);
        TypeInformation<Tuple2<Long, Long>> pair = Types.TUPLE(Types.LONG, Types.LONG);
        DataStream<Tuple2<Long, Long>> first = env.fromSequence(0, 10 * KEYS - 1).map(x -> Tuple2.of(x % KEYS, x), pair);
        DataStream<Tuple2<Long, Long>> second = env.fromSequence(0, 10 * KEYS - 1)
                .map(x -> Tuple2.of(x % KEYS, 2 * x), pair);
        List<String> byPosition = first.connect(second).keyBy(0, 0).process(new SumOfFieldOnePerKey())
                .executeAndCollect(100_000);
        List<String> byName = first.connect(second).keyBy("f0", "f0").process(new SumOfFieldOnePerKey())
                .executeAndCollect(100_000);
        long[] expected = new long[KEYS];
        for (long x = 0; x < 10 * KEYS; x++) {
            expected[(int) (x % KEYS)] += x - 2 * x;
        }
        List<String> lines = new ArrayList<>();
        for (int k = 0; k < KEYS; k++) {
            lines.add(k + "=" + expected[k]);
        }
        assertSameElements(lines, byPosition);
        assertSameElements(lines, byName);
    }

    @Test
    @SuppressWarnings("deprecation")
    void keyByAFieldThatDoesNotExistNamesTheAvailableOnes() {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
        DataStream<Tuple2<Long, Long>> pairs = env.fromSequence(0, 1).map(x -> Tuple2.of(x, x),
                Types.TUPLE(Types.LONG, Types.LONG));
        RuntimeException e = assertThrows(RuntimeException.class, () -> pairs.connect(pairs).keyBy(0, 2));
        assertTrue(e.getMessage().contains("Position 2 does not exist"), e.getMessage());
        e = assertThrows(RuntimeException.class, () -> pairs.connect(pairs).keyBy("f0", "name"));
        assertTrue(e.getMessage().contains("name"), e.getMessage());
    }

    /** Like {@link SumPerKey} for (key, value) pairs keyed by their field 0: the key is that field's value. */
    static final class SumOfFieldOnePerKey
            extends KeyedCoProcessFunction<Long, Tuple2<Long, Long>, Tuple2<Long, Long>, String> {
        private transient ValueState<Long> sum;
        private transient ValueState<Integer> count;

        @Override
        public void open(OpenContext openContext) {
            sum = getRuntimeContext().getState(new ValueStateDescriptor<>("sum", Types.LONG));
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.INT));
        }

        @Override
        public void processElement1(Tuple2<Long, Long> value, Context ctx, Collector<String> out) throws Exception {
            add(value.f1, ctx, out);
        }

        @Override
        public void processElement2(Tuple2<Long, Long> value, Context ctx, Collector<String> out) throws Exception {
            add(-value.f1, ctx, out);
        }

        private void add(long value, Context ctx, Collector<String> out) throws Exception {
            long s = (sum.value() == null ? 0 : sum.value()) + value;
            int n = (count.value() == null ? 0 : count.value()) + 1;
            sum.update(s);
            count.update(n);
            if (n == 20) {
                out.collect(ctx.getCurrentKey() + "=" + s);
            }
        }
    }

    /**
     * Counts, per key, the elements of both inputs at or before {@link #CUTOFF}, when an event-time
     * timer at the cutoff fires: correct only if the operator's watermark is the minimum of both
     * inputs', since the first input runs far ahead of the second in event time.
     */
    static final class CountUntilCutoff
            extends KeyedCoProcessFunction<Integer, Tuple3<Integer, Integer, Long>, Tuple3<Integer, Integer, Long>, String> {
        private transient ValueState<Integer> count;

        @Override
        public void open(OpenContext openContext) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.INT));
        }

        @Override
        public void processElement1(Tuple3<Integer, Integer, Long> value, Context ctx, Collector<String> out)
                throws Exception {
            add(ctx);
        }

        @Override
        public void processElement2(Tuple3<Integer, Integer, Long> value, Context ctx, Collector<String> out)
                throws Exception {
            add(ctx);
        }

        private void add(Context ctx) throws Exception {
            if (ctx.timestamp() <= ctx.timerService().currentWatermark()) {
                throw new IllegalStateException("element at " + ctx.timestamp() + " behind the watermark "
                        + ctx.timerService().currentWatermark());
            }
            if (ctx.timestamp() <= CUTOFF) {
                // a timer registered after it fired would fire again: only elements before the cutoff register
                ctx.timerService().registerEventTimeTimer(CUTOFF);
                count.update(count.value() == null ? 1 : count.value() + 1);
            }
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
            out.collect(ctx.getCurrentKey() + "=" + (count.value() == null ? 0 : count.value()) + "@" + ctx.timestamp());
        }
    }

    private static final long CUTOFF = 5_000;

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void eventTimeTimersOfAKeyedCoProcessFunctionWaitForTheSlowerInput(int parallelism) throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(parallelism);
        TypeInformation<Tuple3<Integer, Integer, Long>> type = Types.TUPLE(Types.INT, Types.INT, Types.LONG);
        List<Tuple3<Integer, Integer, Long>> ahead = new ArrayList<>();
        for (Tuple3<Integer, Integer, Long> e : OutOfOrderEvents.events(0)) {
            ahead.add(Tuple3.of(e.f0, e.f1, e.f2 + 3 * CUTOFF));
        }
        List<Tuple3<Integer, Integer, Long>> behind = OutOfOrderEvents.events(7);
        List<String> result = env.fromData(ahead)
                .transform("Timestamps", type, new OutOfOrderEvents.BoundedDisorderTimestamps())
                .keyBy(t -> t.f0)
                .connect(env.fromData(behind)
                        .transform("Timestamps", type, new OutOfOrderEvents.BoundedDisorderTimestamps())
                        .keyBy(t -> t.f0))
                .process(new CountUntilCutoff())
                .executeAndCollect(10_000);
        int[] counts = new int[OutOfOrderEvents.KEYS];
        for (Tuple3<Integer, Integer, Long> e : behind) {
            if (e.f2 <= CUTOFF) {
                counts[e.f0]++;
            }
        }
        List<String> expected = new ArrayList<>();
        for (int k = 0; k < OutOfOrderEvents.KEYS; k++) {
            expected.add(k + "=" + counts[k] + "@" + CUTOFF);
        }
        assertSameElements(expected, result);
    }

    static final OutputTag<String> ODD = new OutputTag<>("odd") {};

    /** Even numbers and words to the main output, odd numbers to a side output. */
    static final class SplitOdd extends CoProcessFunction<Long, String, String> {
        @Override
        public void processElement1(Long value, Context ctx, Collector<String> out) {
            if (value % 2 == 0) {
                out.collect("even " + value);
            } else {
                ctx.output(ODD, "odd " + value);
            }
        }

        @Override
        public void processElement2(String value, Context ctx, Collector<String> out) {
            out.collect("word " + value);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void coProcessFunctionEmitsToASideOutput(int parallelism) throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(parallelism);
        SingleOutputStreamOperator<String> main = env.fromSequence(1, 100)
                .connect(env.fromData("x", "y"))
                .process(new SplitOdd());
        List<String> result = main.union(main.getSideOutput(ODD).map(s -> "side " + s)).executeAndCollect(1_000);
        List<String> expected = new ArrayList<>();
        for (long i = 1; i <= 100; i++) {
            expected.add(i % 2 == 0 ? "even " + i : "side odd " + i);
        }
        expected.addAll(List.of("word x", "word y"));
        assertSameElements(expected, result);
    }

    @Test
    void connectingAKeyedWithAnUnkeyedStreamIsAClearError() {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
        DataStream<Long> keyed = env.fromSequence(0, 1).keyBy(x -> x);
        InvalidProgramException e = assertThrows(InvalidProgramException.class,
                () -> keyed.connect(env.fromSequence(0, 1)));
        assertTrue(e.getMessage().contains("only the first stream is keyed"), e.getMessage());
    }

    @Test
    void keyedCoProcessOnUnkeyedConnectedStreamsIsAClearError() {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
        InvalidProgramException e = assertThrows(InvalidProgramException.class,
                () -> env.fromSequence(0, 1).connect(env.fromSequence(0, 1)).process(new SumPerKey()));
        assertTrue(e.getMessage().contains("keyBy(key1, key2)"), e.getMessage());
    }

    @Test
    void keysOfDifferentTypesAreAClearError() {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
        InvalidProgramException e = assertThrows(InvalidProgramException.class,
                () -> env.fromSequence(0, 1).keyBy(x -> x).connect(env.fromData("a").keyBy(s -> s)));
        assertTrue(e.getMessage().contains("different key types"), e.getMessage());
    }
}
