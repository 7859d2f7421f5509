package io.weir.testutils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.environment.ExecutionConfig;
import io.weir.api.functions.Collector;
import io.weir.api.functions.BroadcastProcessFunction;
import io.weir.api.functions.KeyedBroadcastProcessFunction;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.OpenContext;
import io.weir.api.functions.ProcessJoinFunction;
import io.weir.api.functions.async.AsyncFunction;
import io.weir.api.functions.async.ResultFuture;
import io.weir.api.functions.windowing.ProcessWindowFunction;
import io.weir.api.operators.KeyedProcessOperator;
import io.weir.api.operators.StreamRecord;
import io.weir.api.operators.windowing.WindowOperatorBuilder;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.tuple.Tuple2;
import io.weir.api.types.TypeInformation;
import io.weir.api.types.Types;
import io.weir.api.windowing.assigners.EventTimeSessionWindows;
import io.weir.api.windowing.assigners.SlidingEventTimeWindows;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import io.weir.api.windowing.assigners.TumblingProcessingTimeWindows;
import io.weir.api.windowing.assigners.WindowAssigner;
import io.weir.api.windowing.triggers.Trigger;
import io.weir.api.windowing.windows.TimeWindow;
import io.weir.runtime.operators.BuiltInOperators;
import io.weir.runtime.operators.StreamGroupedReduceOperator;
import io.weir.runtime.operators.async.AsyncWaitOperator;
import io.weir.runtime.operators.broadcast.CoBroadcastWithKeyedOperator;
import io.weir.runtime.operators.broadcast.CoBroadcastWithNonKeyedOperator;
import io.weir.runtime.operators.join.IntervalJoinOperator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The operators with state run in every adversarial mode of {@link HarnessScript}: one element at
 * a time, all at once, and snapshotted and restored into a fresh instance between every two inputs.
 */
class AdversarialModesTest {
    static final TypeInformation<Tuple2<String, Integer>> PAIR = Types.TUPLE(Types.STRING, Types.INT);

    static Tuple2<String, Integer> pair(String key, int value) {
        return Tuple2.of(key, value);
    }

    /** Counts per key, and fires an event-time timer 5 after each element and a processing-time timer 10 after now. */
    static final class CountWithTimers extends KeyedProcessFunction<String, Tuple2<String, Integer>, String> {
        private transient ValueState<Integer> count;

        @Override
        public void open(OpenContext context) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.INT));
        }

        @Override
        public void processElement(Tuple2<String, Integer> value, Context ctx, Collector<String> out) throws Exception {
            int n = count.value() == null ? 1 : count.value() + 1;
            count.update(n);
            out.collect(value.f0 + "#" + n);
            ctx.timerService().registerEventTimeTimer(ctx.timestamp() + 5);
            ctx.timerService().registerProcessingTimeTimer(ctx.timerService().currentProcessingTime() + 10);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
            out.collect(ctx.getCurrentKey() + " " + ctx.timeDomain() + " timer at " + timestamp + " count "
                    + count.value());
        }
    }

    private static <OUT> OneInputScript<Tuple2<String, Integer>, OUT> keyedInput() {
        return new OneInputScript<Tuple2<String, Integer>, OUT>()
                .element(pair("a", 1), 1).element(pair("b", 1), 2).element(pair("a", 2), 3)
                .watermark(6)
                .element(pair("b", 2), 7).processingTime(5).element(pair("c", 1), 8)
                .processingTime(12).watermark(20).element(pair("a", 3), 21).processingTime(40).watermark(100);
    }

    private static <OUT> KeyedOneInputStreamOperatorTestHarness<String, Tuple2<String, Integer>, OUT> keyed(
            io.weir.api.operators.OneInputStreamOperator<Tuple2<String, Integer>, OUT> operator) {
        return new KeyedOneInputStreamOperatorTestHarness<>(operator, (Tuple2<String, Integer> p) -> p.f0, Types.STRING);
    }

    @Test
    void keyedProcessFunctionWithStateAndBothKindsOfTimers() throws Exception {
        List<Object> output = AdversarialModesTest.<String>keyedInput()
                .verify(() -> keyed(new KeyedProcessOperator<>(new CountWithTimers())));
        assertTrue(output.contains(new StreamRecord<>("a EVENT_TIME timer at 6 count 2", 6L)), output.toString());
        assertTrue(output.contains(new StreamRecord<>("c PROCESSING_TIME timer at 15 count 1")), output.toString());
    }

    @Test
    void rollingReduce() throws Exception {
        List<Object> output = AdversarialModesTest.<Tuple2<String, Integer>>keyedInput().verify(() -> keyed(new StreamGroupedReduceOperator<>(
                (Tuple2<String, Integer> x, Tuple2<String, Integer> y) -> Tuple2.of(x.f0, x.f1 + y.f1), PAIR)));
        assertTrue(output.contains(new StreamRecord<>(pair("a", 6), 21L)), output.toString());
    }

    /** Emits "key[start,end)=v1,v2,..." for each fired window. */
    static final class Describe extends ProcessWindowFunction<Tuple2<String, Integer>, String, String, TimeWindow> {
        @Override
        public void process(String key, Context context, Iterable<Tuple2<String, Integer>> elements,
                Collector<String> out) {
            List<String> values = new ArrayList<>();
            elements.forEach(e -> values.add(String.valueOf(e.f1)));
            out.collect(key + "[" + context.window().getStart() + "," + context.window().getEnd() + ")="
                    + String.join(",", values));
        }
    }

    @SuppressWarnings("unchecked")
    private static WindowOperatorBuilder<Tuple2<String, Integer>, String, TimeWindow> windows(
            WindowAssigner<? super Tuple2<String, Integer>, TimeWindow> assigner) {
        return new WindowOperatorBuilder<>(assigner,
                (Trigger<? super Tuple2<String, Integer>, ? super TimeWindow>) assigner.getDefaultTrigger(),
                new ExecutionConfig(), PAIR);
    }

    @Test
    void tumblingWindowsWithReduce() throws Exception {
        List<Object> output = AdversarialModesTest.<Tuple2<String, Integer>>keyedInput().verify(() -> keyed(
                BuiltInOperators.window(windows(TumblingEventTimeWindows.of(Duration.ofMillis(5)))
                        .reduce((Tuple2<String, Integer> x, Tuple2<String, Integer> y) -> Tuple2.of(x.f0, x.f1 + y.f1)))));
        assertTrue(output.contains(new StreamRecord<>(pair("a", 3), 4L)), output.toString());
    }

    @Test
    void slidingWindowsWithAProcessWindowFunction() throws Exception {
        List<Object> output = AdversarialModesTest.<String>keyedInput().verify(() -> keyed(
                BuiltInOperators.window(windows(SlidingEventTimeWindows.of(Duration.ofMillis(10), Duration.ofMillis(5)))
                        .process(new Describe()))));
        assertTrue(output.contains(new StreamRecord<>("a[0,10)=1,2", 9L)), output.toString());
    }

    @Test
    void mergingSessionWindows() throws Exception {
        OneInputScript<Tuple2<String, Integer>, String> sessions = new OneInputScript<Tuple2<String, Integer>, String>()
                .element(pair("a", 1), 1).element(pair("a", 2), 10).element(pair("b", 1), 2)
                .element(pair("a", 3), 5) // bridges the sessions of 1 and 10
                .watermark(12).element(pair("b", 2), 4) // late: b's session [2,8) fired at watermark 12
                .watermark(30);
        List<Object> output = sessions.verify(() -> keyed(
                BuiltInOperators.window(windows(EventTimeSessionWindows.withGap(Duration.ofMillis(6))).process(new Describe()))));
        assertTrue(output.contains(new StreamRecord<>("a[1,16)=1,2,3", 15L)), output.toString());
        assertTrue(output.contains(new StreamRecord<>("b[2,8)=1", 7L)), output.toString());
    }

    @Test
    void lateDataWithinAndBeyondTheAllowedLateness() throws Exception {
        OneInputScript<Tuple2<String, Integer>, String> late = new OneInputScript<Tuple2<String, Integer>, String>()
                .element(pair("a", 1), 1).element(pair("a", 2), 3).watermark(5)
                .element(pair("a", 3), 2)  // late, within the lateness: fires the window again
                .watermark(8)
                .element(pair("a", 4), 4)  // beyond the lateness: dropped
                .watermark(20);
        List<Object> output = late.verify(() -> {
            var builder = windows(TumblingEventTimeWindows.of(Duration.ofMillis(5)));
            builder.allowedLateness(Duration.ofMillis(3));
            return keyed(BuiltInOperators.window(builder.process(new Describe())));
        });
        assertEquals(List.of(new StreamRecord<>("a[0,5)=1,2", 4L), new StreamRecord<>("a[0,5)=1,2,3", 4L)),
                output.stream().filter(o -> o instanceof StreamRecord).toList());
    }

    static final class Pair extends ProcessJoinFunction<String, String, String> {
        @Override
        public void processElement(String left, String right, Context ctx, Collector<String> out) {
            out.collect(left + "|" + right);
        }
    }

    @Test
    void intervalJoinBuffersAndCleanup() throws Exception {
        TwoInputScript<String, String, String> join = new TwoInputScript<String, String, String>()
                .element2("a-r7", 7).element1("a-l10", 10).element2("a-r13", 13).element1("b-l10", 10)
                .watermark(11).element2("a-r12", 12).element2("b-r9", 9).watermark(30).element1("a-l31", 31)
                .element2("a-r32", 32).watermark(50);
        List<Object> output = join.verify(() -> new KeyedTwoInputStreamOperatorTestHarness<>(
                new IntervalJoinOperator<String, String, String, String>(-3, 3, true, true, null, null, Types.STRING,
                        Types.STRING, new Pair()),
                s -> s.substring(0, 1), s -> s.substring(0, 1), Types.STRING));
        assertTrue(output.contains(new StreamRecord<>("a-l10|a-r12", 12L)), output.toString());
        assertTrue(output.contains(new StreamRecord<>("a-l31|a-r32", 32L)), output.toString());
    }

    static final MapStateDescriptor<String, Integer> LIMITS = new MapStateDescriptor<>("limits", Types.STRING, Types.INT);

    /** Broadcast "key=limit" rules; keyed "key:value" elements pass when below their key's limit, counted per key. */
    static final class Limit extends KeyedBroadcastProcessFunction<String, String, String, String> {
        private transient ValueState<Integer> passed;

        @Override
        public void open(OpenContext context) {
            passed = getRuntimeContext().getState(new ValueStateDescriptor<>("passed", Types.INT));
        }

        @Override
        public void processElement(String value, ReadOnlyContext ctx, Collector<String> out) throws Exception {
            String[] kv = value.split(":");
            Integer limit = ctx.getBroadcastState(LIMITS).get(kv[0]);
            if (limit != null && Integer.parseInt(kv[1]) < limit) {
                int n = passed.value() == null ? 1 : passed.value() + 1;
                passed.update(n);
                out.collect(value + " #" + n);
            }
        }

        @Override
        public void processBroadcastElement(String value, Context ctx, Collector<String> out) throws Exception {
            String[] kv = value.split("=");
            ctx.getBroadcastState(LIMITS).put(kv[0], Integer.parseInt(kv[1]));
        }
    }

    @Test
    void keyedBroadcastStateAndKeyedState() throws Exception {
        TwoInputScript<String, String, String> rules = new TwoInputScript<String, String, String>()
                .element1("a:1", 1).element2("a=5", 2).element1("a:3", 3).element1("a:7", 4).element2("b=2", 5)
                .element1("b:1", 6).element1("a:4", 7).element2("a=10", 8).element1("a:7", 9);
        List<Object> output = rules.verify(() -> new KeyedBroadcastOperatorTestHarness<>(
                new CoBroadcastWithKeyedOperator<>(new Limit(), List.of(LIMITS)), (String s) -> s.substring(0, 1),
                Types.STRING));
        assertEquals(List.of("a:3 #1", "b:1 #1", "a:4 #2", "a:7 #3"),
                output.stream().map(o -> ((StreamRecord<?>) o).getValue()).toList());
    }

    /** Broadcast "key=limit" rules; elements "key:value" pass when below their key's limit (no keyed state). */
    static final class UnkeyedLimit extends BroadcastProcessFunction<String, String, String> {
        @Override
        public void processElement(String value, ReadOnlyContext ctx, Collector<String> out) throws Exception {
            String[] kv = value.split(":");
            Integer limit = ctx.getBroadcastState(LIMITS).get(kv[0]);
            if (limit != null && Integer.parseInt(kv[1]) < limit) {
                out.collect(value);
            }
        }

        @Override
        public void processBroadcastElement(String value, Context ctx, Collector<String> out) throws Exception {
            String[] kv = value.split("=");
            ctx.getBroadcastState(LIMITS).put(kv[0], Integer.parseInt(kv[1]));
        }
    }

    @Test
    void unkeyedBroadcastState() throws Exception {
        TwoInputScript<String, String, String> rules = new TwoInputScript<String, String, String>()
                .element1("a:1", 1).element2("a=5", 2).element1("a:3", 3).element2("b=2", 4).element1("b:1", 5)
                .element1("b:3", 6).element2("a=1", 7).element1("a:3", 8);
        List<Object> output = rules.verify(() -> new BroadcastOperatorTestHarness<>(
                new CoBroadcastWithNonKeyedOperator<>(new UnkeyedLimit(), List.of(LIMITS))));
        assertEquals(List.of("a:3", "b:1"), output.stream().map(o -> ((StreamRecord<?>) o).getValue()).toList());
    }

    @Test
    void processingTimeWindows() throws Exception {
        OneInputScript<Tuple2<String, Integer>, String> input = new OneInputScript<Tuple2<String, Integer>, String>()
                .element(pair("a", 1)).element(pair("b", 1)).processingTime(4).element(pair("a", 2))
                .processingTime(12).element(pair("a", 3)).processingTime(25);
        List<Object> output = input.verify(() -> keyed(BuiltInOperators.window(
                windows(TumblingProcessingTimeWindows.of(Duration.ofMillis(10))).process(new Describe()))));
        assertEquals(List.of("a[0,10)=1,2", "b[0,10)=1", "a[10,20)=3"),
                output.stream().filter(o -> o instanceof StreamRecord).map(o -> ((StreamRecord<?>) o).getValue()).toList());
    }

    /** Keeps every call pending until the test completes them all, in call order. */
    static final class PendingUppercase implements AsyncFunction<String, String> {
        static final List<ResultFuture<String>> PENDING = Collections.synchronizedList(new ArrayList<>());
        static final List<String> INPUTS = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void asyncInvoke(String input, ResultFuture<String> resultFuture) {
            PENDING.add(resultFuture);
            INPUTS.add(input);
        }

        static void completeAll() {
            List<ResultFuture<String>> futures;
            List<String> inputs;
            synchronized (PENDING) {
                futures = new ArrayList<>(PENDING);
                inputs = new ArrayList<>(INPUTS);
                PENDING.clear();
                INPUTS.clear();
            }
            for (int i = 0; i < futures.size(); i++) {
                futures.get(i).complete(List.of(inputs.get(i).toUpperCase()));
            }
        }
    }

    @Test
    void asyncIoKeepsElementsInFlightAcrossARestore() throws Exception {
        for (boolean ordered : new boolean[] {true, false}) {
            OneInputScript<String, String> calls = new OneInputScript<String, String>()
                    .element("a", 1).element("b", 2).watermark(2).element("c", 3)
                    .then(h -> PendingUppercase.completeAll())
                    .element("d", 4).then(h -> PendingUppercase.completeAll()).watermark(10);
            List<Object> output = calls.verify(() -> new OneInputStreamOperatorTestHarness<>(new AsyncWaitOperator<>(
                    new PendingUppercase(), 0, 10, ordered, null, Types.STRING)));
            assertEquals(List.of("A", "B", "C", "D"), output.stream().filter(o -> o instanceof StreamRecord)
                    .map(o -> ((StreamRecord<?>) o).getValue()).toList());
        }
    }

    @Test
    void aScriptReportsTheFirstDifferenceOfAModeThatLosesState() {
        // forgets its count on restore: the restore mode must notice
        class Forgetful extends KeyedProcessFunction<String, Tuple2<String, Integer>, String> {
            private int count;

            @Override
            public void processElement(Tuple2<String, Integer> value, Context ctx, Collector<String> out) {
                out.collect(value.f0 + "#" + ++count);
            }
        }
        AssertionError e = assertThrows(AssertionError.class,
                () -> AdversarialModesTest.<String>keyedInput()
                        .verify(() -> keyed(new KeyedProcessOperator<>(new Forgetful()))));
        assertTrue(e.getMessage().contains("RESTORE_BETWEEN_INPUTS") && e.getMessage().contains("position 1"),
                e.getMessage());
    }
}
