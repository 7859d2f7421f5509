package io.weir.tests.faulttolerance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.weir.api.datastream.KeyedStream;
import io.weir.api.datastream.MultipleConnectedStreams;
import io.weir.api.datastream.SingleOutputStreamOperator;
import io.weir.api.operators.AbstractInput;
import io.weir.api.operators.AbstractStreamOperatorFactory;
import io.weir.api.operators.AbstractStreamOperatorV2;
import io.weir.api.operators.Input;
import io.weir.api.operators.InternalTimer;
import io.weir.api.operators.InternalTimerService;
import io.weir.api.operators.MultipleInputStreamOperator;
import io.weir.api.operators.StreamOperator;
import io.weir.api.operators.StreamOperatorParameters;
import io.weir.api.operators.StreamRecord;
import io.weir.api.operators.Triggerable;
import io.weir.api.state.VoidNamespace;
import io.weir.api.state.VoidNamespaceSerializer;
import io.weir.api.transformations.KeyedMultipleInputTransformation;
import io.weir.api.functions.OutputTag;
import io.weir.api.operators.Watermark;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import io.weir.api.common.serialization.SimpleStringEncoder;
import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.RestartStrategyOptions;
import io.weir.api.connector.datagen.DataGeneratorSource;
import io.weir.api.connector.datagen.RateLimiterStrategy;
import io.weir.api.datastream.AsyncDataStream;
import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedBroadcastProcessFunction;
import io.weir.api.functions.KeyedCoProcessFunction;
import io.weir.api.functions.OpenContext;
import io.weir.api.functions.RichMapFunction;
import io.weir.api.functions.async.ResultFuture;
import io.weir.api.functions.async.RichAsyncFunction;
import io.weir.api.functions.ProcessJoinFunction;
import io.weir.api.state.CheckpointListener;
import io.weir.api.state.MapState;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.types.Types;
import io.weir.connector.file.sink.FileSink;
import io.weir.connector.file.sink.bucketassigners.BasePathBucketAssigner;
import io.weir.testutils.MiniClusterExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Joined, connected, broadcast, async and rolling-aggregate jobs, each run failure-free and then
 * with one failure injected after a checkpoint completed; the exactly-once file sink's committed
 * output of the recovered run must equal the failure-free run's, line for line — whatever state
 * the job's operators keep (buffers, timers, broadcast state, in-flight async requests, running
 * sums) has to come back from the checkpoint for that to hold.
 */
@Timeout(60)
class OperatorRecoveryTest {
    private static final long RECORDS = 3_000;
    private static final int KEYS = 10;

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
            .setNumberTaskManagers(2).setNumberSlotsPerTaskManager(2).build();

    static final AtomicInteger FAILURES = new AtomicInteger();
    static final AtomicBoolean CHECKPOINT_COMPLETED = new AtomicBoolean();

    @BeforeEach
    void reset() {
        resetInjection();
    }

    private static void resetInjection() {
        FAILURES.set(0);
        CHECKPOINT_COMPLETED.set(false);
    }

    /**
     * Runs {@code job} at {@code parallelism} over the paced numbers 0..RECORDS-1 (event time 10 ms per
     * number, read by one source task) into a file sink.
     */
    private static List<String> run(Path out, int parallelism, boolean injectFailure,
            Function<DataStream<Long>, DataStream<String>> job) throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(parallelism);
        env.enableCheckpointing(40);
        Configuration restarts = new Configuration();
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(10));
        env.configure(restarts);
        DataStream<String> output = job == null ? lateDataJob(env, injectFailure) : job.apply(numbers(env, injectFailure));
        output.sinkTo(FileSink.forRowFormat(out, new SimpleStringEncoder<String>())
                .withBucketAssigner(new BasePathBucketAssigner<>()).build());
        env.execute("recovery");
        return CommittedFiles.lines(out);
    }

    private static DataStream<Long> numbers(StreamExecutionEnvironment env, boolean injectFailure) {
        return env.fromSource(
                        new DataGeneratorSource<>(i -> i, RECORDS, RateLimiterStrategy.perSecond(3_000), Types.LONG),
                        WatermarkStrategy.<Long>forBoundedOutOfOrderness(Duration.ofMillis(100))
                                .withTimestampAssigner((value, ts) -> value * 10), "numbers")
                .setParallelism(1) // one reader: each key sees its numbers in one order, so running results are deterministic
                .map(new FailOnce(injectFailure ? RECORDS / 3 : Long.MAX_VALUE)).returns(Types.LONG).setParallelism(1);
    }

    /** Runs the job failure-free and with one failure; the committed outputs must be equal. */
    private static List<String> assertRecoveredOutputEqualsFailureFree(Path dir, int parallelism,
            Function<DataStream<Long>, DataStream<String>> job) throws Exception {
        List<String> failureFree = run(dir.resolve("clean"), parallelism, false, job);
        assertFalse(failureFree.isEmpty());
        resetInjection();
        List<String> recovered = run(dir.resolve("recovered"), parallelism, true, job);
        assertEquals(1, FAILURES.get(), "exactly one failure was injected");
        assertEquals(failureFree.size(), recovered.size(), "as many lines as the failure-free run");
        assertEquals(failureFree, recovered, "the same lines as the failure-free run");
        return failureFree;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void connectedStreamsWithKeyedStateAndTimers(int parallelism, @TempDir Path dir) throws Exception {
        List<String> lines = assertRecoveredOutputEqualsFailureFree(dir, parallelism, numbers -> numbers
                .filter(v -> v % 2 == 0)
                .connect(numbers.filter(v -> v % 2 == 1))
                .keyBy(v -> v % KEYS / 2, v -> v % KEYS / 2)
                .process(new SumsPerSecond()).returns(Types.STRING));
        assertEquals(RECORDS * (RECORDS - 1) / 2, lines.stream()
                .mapToLong(l -> Long.parseLong(l.split(",")[2]) + Long.parseLong(l.split(",")[3])).sum(),
                "every number is in one second's sums");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void keyedMultipleInputOperatorWithStateAndTimers(int parallelism, @TempDir Path dir) throws Exception {
        List<String> lines = assertRecoveredOutputEqualsFailureFree(dir, parallelism, numbers -> {
            KeyedMultipleInputTransformation<String> transform = new KeyedMultipleInputTransformation<>(
                    "sums of three inputs", new SumsOfThreeInputs.Factory(), Types.STRING, parallelism, Types.LONG);
            for (int input = 0; input < 3; input++) {
                int remainder = input;
                KeyedStream<Long, Long> keyed = numbers.filter(v -> v % 3 == remainder).keyBy(v -> v / 3 % KEYS);
                transform.addInput(keyed.getTransformation(), keyed.getKeySelector());
            }
            numbers.getExecutionEnvironment().addOperator(transform);
            return new MultipleConnectedStreams(numbers.getExecutionEnvironment()).transform(transform);
        });
        long[] perInput = new long[3];
        for (long v = 0; v < RECORDS; v++) {
            perInput[(int) (v % 3)] += v;
        }
        for (int input = 0; input < 3; input++) {
            int column = 2 + input;
            assertEquals(perInput[input], lines.stream().mapToLong(l -> Long.parseLong(l.split(",")[column])).sum(),
                    "every number of input " + (input + 1) + " is in one second's sums");
        }
    }

    /**
     * Per key and event-time second, the sum of each of three inputs' numbers, in keyed map state,
     * emitted by an event-time timer when the combined watermark passes the second:
     * "key,second,sum1,sum2,sum3".
     */
    static final class SumsOfThreeInputs extends AbstractStreamOperatorV2<String>
            implements MultipleInputStreamOperator<String>, Triggerable<Long, VoidNamespace> {
        private final List<MapState<Long, Long>> sums = new java.util.ArrayList<>();
        private final InternalTimerService<VoidNamespace> timers;

        SumsOfThreeInputs(StreamOperatorParameters<String> parameters) {
            super(parameters, 3);
            timers = getInternalTimerService("seconds", VoidNamespaceSerializer.INSTANCE, this);
        }

        @Override
        public void open() {
            for (int input = 1; input <= 3; input++) {
                sums.add(getRuntimeContext().getMapState(
                        new MapStateDescriptor<>("sums-" + input, Types.LONG, Types.LONG)));
            }
        }

        @Override
        @SuppressWarnings("rawtypes")
        public List<Input> getInputs() {
            List<Input> inputs = new java.util.ArrayList<>();
            for (int input = 1; input <= 3; input++) {
                inputs.add(new AbstractInput<Long, String>(this, input) {
                    @Override
                    public void processElement(StreamRecord<Long> element) throws Exception {
                        long second = element.getTimestamp() / 1_000;
                        MapState<Long, Long> own = sums.get(inputId - 1);
                        Long sum = own.get(second);
                        own.put(second, (sum == null ? 0 : sum) + element.getValue());
                        timers.registerEventTimeTimer(VoidNamespace.INSTANCE, second * 1_000 + 999);
                    }
                });
            }
            return inputs;
        }

        @Override
        public void onEventTime(InternalTimer<Long, VoidNamespace> timer) throws Exception {
            long second = timer.getTimestamp() / 1_000;
            StringBuilder line = new StringBuilder().append(timer.getKey()).append(',').append(second);
            for (MapState<Long, Long> own : sums) {
                Long sum = own.get(second);
                line.append(',').append(sum == null ? 0 : sum);
                own.remove(second);
            }
            output.collect(new StreamRecord<>(line.toString()));
        }

        @Override
        public void onProcessingTime(InternalTimer<Long, VoidNamespace> timer) {}

        static final class Factory extends AbstractStreamOperatorFactory<String> {
            @Override
            @SuppressWarnings("unchecked")
            public <T extends StreamOperator<String>> T createStreamOperator(StreamOperatorParameters<String> parameters) {
                return (T) new SumsOfThreeInputs(parameters);
            }
        }
    }

    @Test
    void intervalJoin(@TempDir Path dir) throws Exception {
        List<String> pairs = assertRecoveredOutputEqualsFailureFree(dir, 2, numbers -> numbers
                .filter(v -> v % 2 == 0).keyBy(v -> v / 2 % KEYS)
                .intervalJoin(numbers.filter(v -> v % 2 == 1).keyBy(v -> v / 2 % KEYS))
                .between(Duration.ofMillis(-30), Duration.ofMillis(30))
                .process(new PairUp()).returns(Types.STRING));
        assertEquals(RECORDS / 2, pairs.size(), "each even number joins the odd number after it");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void broadcastStateAndKeyedStateOfAKeyedBroadcastFunction(int parallelism, @TempDir Path dir) throws Exception {
        List<String> lines = assertRecoveredOutputEqualsFailureFree(dir, parallelism, numbers -> numbers
                .keyBy(v -> v % KEYS)
                .connect(numbers.filter(v -> v % 100 == 0).broadcast(SumWithBroadcastTotal.TOTALS))
                .process(new SumWithBroadcastTotal()).returns(Types.STRING));
        assertEquals(KEYS, lines.size());
        long broadcastTotal = 0;
        for (long v = 0; v < RECORDS; v += 100) {
            broadcastTotal += v;
        }
        for (String line : lines) {
            assertEquals(Long.toString(broadcastTotal), line.split(",")[2], "every broadcast element once: " + line);
        }
    }

    @Test
    void orderedAsyncIo(@TempDir Path dir) throws Exception {
        List<String> lines = assertRecoveredOutputEqualsFailureFree(dir, 2, numbers ->
                AsyncDataStream.orderedWait(numbers, new DoubleLater(), 10, TimeUnit.SECONDS, 20)
                        .returns(Types.STRING));
        assertEquals(RECORDS, lines.size());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void rollingSum(int parallelism, @TempDir Path dir) throws Exception {
        List<String> lines = assertRecoveredOutputEqualsFailureFree(dir, parallelism, numbers -> numbers
                .keyBy(v -> v % KEYS)
                .reduce(Long::sum)
                .map(sum -> Long.toString(sum)).returns(Types.STRING));
        assertEquals(RECORDS, lines.size(), "one running sum per record");
    }

    @Test
    void lateDataToASideOutputAndLateFiringsWithinTheAllowedLateness(@TempDir Path dir) throws Exception {
        List<String> lines = assertRecoveredOutputEqualsFailureFree(dir, 2, null);
        long dropped = lines.stream().filter(l -> l.startsWith("late,")).count();
        assertEquals(LateDataSource.expectedTooLate(), dropped, "every record beyond the allowed lateness is in the side output");
        long counted = lines.stream().filter(l -> !l.startsWith("late,"))
                .collect(java.util.stream.Collectors.toMap(l -> l.substring(0, l.lastIndexOf(',')),
                        l -> Long.parseLong(l.substring(l.lastIndexOf(',') + 1)), Math::max))
                .values().stream().mapToLong(Long::longValue).sum();
        assertEquals(RECORDS + LateDataSource.expectedLateButAllowed(), counted,
                "each window's last firing counts its on-time and allowed late records");
    }

    /**
     * The late-data job: numbers with a watermark after each, and records 1.5 s behind (within the
     * allowed lateness of 2 s: the window fires again) and 5 s behind (beyond it: side output).
     */
    private static DataStream<String> lateDataJob(StreamExecutionEnvironment env, boolean injectFailure) {
        OutputTag<Long> tooLate = new OutputTag<>("too-late", Types.LONG);
        SingleOutputStreamOperator<String> windows = env.addSource(new LateDataSource(), Types.LONG)
                .map(new FailOnce(injectFailure ? RECORDS / 3 : Long.MAX_VALUE)).returns(Types.LONG).setParallelism(1)
                .keyBy(v -> Math.abs(v) % KEYS)
                .window(TumblingEventTimeWindows.of(Duration.ofSeconds(1)))
                .allowedLateness(Duration.ofSeconds(2))
                .sideOutputLateData(tooLate)
                .process(new WindowedJobRecoveryTest.CountWindow()).returns(Types.STRING);
        return windows.union(windows.getSideOutput(tooLate).map(v -> "late," + v).returns(Types.STRING));
    }

    /** Per key and second of event time: "key,second,sum of evens,sum of odds", emitted by an event-time timer. */
    static final class SumsPerSecond extends KeyedCoProcessFunction<Long, Long, Long, String> {
        private transient MapState<Long, Long> evens;
        private transient MapState<Long, Long> odds;

        @Override
        public void open(OpenContext context) {
            evens = getRuntimeContext().getMapState(new MapStateDescriptor<>("evens", Types.LONG, Types.LONG));
            odds = getRuntimeContext().getMapState(new MapStateDescriptor<>("odds", Types.LONG, Types.LONG));
        }

        @Override
        public void processElement1(Long value, Context ctx, Collector<String> out) throws Exception {
            add(evens, value, ctx);
        }

        @Override
        public void processElement2(Long value, Context ctx, Collector<String> out) throws Exception {
            add(odds, value, ctx);
        }

        private static void add(MapState<Long, Long> sums, long value, Context ctx) throws Exception {
            long second = ctx.timestamp() / 1_000;
            Long sum = sums.get(second);
            sums.put(second, (sum == null ? 0 : sum) + value);
            ctx.timerService().registerEventTimeTimer(second * 1_000 + 999);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
            long second = timestamp / 1_000;
            Long even = evens.get(second);
            Long odd = odds.get(second);
            out.collect(ctx.getCurrentKey() + "," + second + "," + (even == null ? 0 : even) + ","
                    + (odd == null ? 0 : odd));
            evens.remove(second);
            odds.remove(second);
        }
    }

    static final class PairUp extends ProcessJoinFunction<Long, Long, String> {
        @Override
        public void processElement(Long left, Long right, Context ctx, Collector<String> out) {
            out.collect(left + "," + right);
        }
    }

    /**
     * Keyed side: sums per key, emitted at the end of input with the broadcast side's total, which
     * every parallel instance keeps in broadcast state: "key,sum,broadcast total".
     */
    static final class SumWithBroadcastTotal extends KeyedBroadcastProcessFunction<Long, Long, Long, String> {
        static final MapStateDescriptor<String, Long> TOTALS =
                new MapStateDescriptor<>("totals", Types.STRING, Types.LONG);
        private transient ValueState<Long> sum;

        @Override
        public void open(OpenContext context) {
            sum = getRuntimeContext().getState(new ValueStateDescriptor<>("sum", Types.LONG));
        }

        @Override
        public void processElement(Long value, ReadOnlyContext ctx, Collector<String> out) throws Exception {
            Long current = sum.value();
            if (current == null) {
                ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
            }
            sum.update((current == null ? 0 : current) + value);
        }

        @Override
        public void processBroadcastElement(Long value, Context ctx, Collector<String> out) throws Exception {
            Long total = ctx.getBroadcastState(TOTALS).get("total");
            ctx.getBroadcastState(TOTALS).put("total", (total == null ? 0 : total) + value);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
            Long total = ctx.getBroadcastState(TOTALS).get("total");
            out.collect(ctx.getCurrentKey() + "," + sum.value() + "," + total);
        }
    }

    /** Answers "v,2v" from another thread, as a client of an external service would. */
    static final class DoubleLater extends RichAsyncFunction<Long, String> {
        @Override
        public void asyncInvoke(Long input, ResultFuture<String> resultFuture) {
            CompletableFuture.runAsync(() -> resultFuture.complete(List.of(input + "," + input * 2)));
        }
    }

    /**
     * Emits 0..RECORDS-1 at event time 10 ms each, a watermark (event time - 1) after each, and after
     * every 50th number a late record (negative, so it is told apart): 1.5 s behind at n % 100 == 0,
     * 5 s behind at n % 100 == 50 (from n = 1000 on, so its window surely ended long before). The
     * three are emitted under the checkpoint lock together with the position, so a restore never
     * starts between them: the window operator has the same watermark when a late record arrives in
     * every run, although watermarks themselves are not in checkpoints.
     */
    static final class LateDataSource extends PositionSource {
        LateDataSource() {
            super(30, 10);
        }

        static long expectedLateButAllowed() {
            return (RECORDS - 1) / 100; // n = 100, 200, ...
        }

        static long expectedTooLate() {
            long count = 0;
            for (long n = 1_000; n < RECORDS; n++) {
                count += n % 100 == 50 ? 1 : 0;
            }
            return count;
        }

        @Override
        boolean hasMore(long next) {
            return next < RECORDS;
        }

        @Override
        void emit(SourceContext<Long> ctx, long n) {
            ctx.collectWithTimestamp(n, n * 10);
            ctx.emitWatermark(new Watermark(n * 10 - 1));
            if (n > 0 && n % 100 == 0) {
                ctx.collectWithTimestamp(-n, n * 10 - 1_500);
            } else if (n >= 1_000 && n % 100 == 50) {
                ctx.collectWithTimestamp(-n, n * 10 - 5_000);
            }
        }
    }

    /** Passes values on; fails once, in the first attempt, after {@code failAfter} records and a completed checkpoint. */
    static final class FailOnce extends RichMapFunction<Long, Long> implements CheckpointListener {
        private final long failAfter;
        private transient long seen;

        FailOnce(long failAfter) {
            this.failAfter = failAfter;
        }

        @Override
        public Long map(Long value) {
            if (++seen >= failAfter && getRuntimeContext().getTaskInfo().getAttemptNumber() == 0
                    && CHECKPOINT_COMPLETED.get() && FAILURES.compareAndSet(0, 1)) {
                throw new IllegalStateException("injected failure after " + seen + " records");
            }
            return value;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            CHECKPOINT_COMPLETED.set(true);
        }
    }
}
