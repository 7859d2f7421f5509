package io.weir.tests.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.accumulators.ListAccumulator;
import io.weir.api.common.InvalidProgramException;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.JobClient;
import io.weir.api.execution.JobExecutionException;
import io.weir.api.execution.JobExecutionResult;
import io.weir.api.execution.JobStatus;
import io.weir.api.functions.OpenContext;
import io.weir.api.functions.sink.DiscardingSink;
import io.weir.api.functions.sink.PrintSinkFunction;
import io.weir.api.functions.sink.RichSinkFunction;
import io.weir.api.functions.sink.SinkFunction;
import io.weir.api.functions.source.RichParallelSourceFunction;
import io.weir.api.functions.source.SourceFunction;
import io.weir.api.operators.Watermark;
import io.weir.api.tuple.Tuple2;
import io.weir.api.types.ResultTypeQueryable;
import io.weir.api.types.TypeInformation;
import io.weir.api.types.Types;
import io.weir.testutils.MiniClusterExtension;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Jobs with source and sink functions, written as a Flink user writes them (only the imports differ).
 */
class SourceAndSinkFunctionsTest {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build();

    /** Emits 0..count-1, each subtask the numbers congruent to its index. */
    static class RangeSource extends RichParallelSourceFunction<Long> {
        private final long count;
        private volatile boolean running = true;

        RangeSource(long count) {
            this.count = count;
        }

        @Override
        public void run(SourceContext<Long> ctx) {
            int index = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
            int parallelism = getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks();
            for (long i = index; running && i < count; i += parallelism) {
                synchronized (ctx.getCheckpointLock()) {
                    ctx.collect(i);
                }
            }
        }

        @Override
        public void cancel() {
            running = false;
        }
    }

    /** Collects every value into a list accumulator. */
    static class CollectingSink extends RichSinkFunction<Long> {
        private final ListAccumulator<Long> values = new ListAccumulator<>();

        @Override
        public void open(OpenContext openContext) {
            getRuntimeContext().addAccumulator("values", values);
        }

        @Override
        public void invoke(Long value, Context context) {
            values.add(value);
        }
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2})
    void richParallelSourceIntoRichSinkCollectsIntoListAccumulator(int parallelism) throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(parallelism);
        env.addSource(new RangeSource(5_000)).map(x -> x * 2).addSink(new CollectingSink());

        JobExecutionResult result = env.execute("source to sink");

        List<Long> values = result.getAccumulatorResult("values");
        List<Long> expected = LongStream.range(0, 5_000).map(x -> x * 2).boxed().collect(Collectors.toList());
        Results.assertSameElements(expected, values);
        assertEquals(values, result.getAllAccumulatorResults().get("values"));
    }

    @Test
    void nonParallelSourceRunsAsOneSubtaskAndRefusesMore() {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(4);
        SourceFunction<String> single = new SourceFunction<>() {
            @Override
            public void run(SourceContext<String> ctx) {
                ctx.collect("only");
            }

            @Override
            public void cancel() {}
        };
        assertEquals(1, env.addSource(single).getParallelism());
        InvalidProgramException e = assertThrows(InvalidProgramException.class,
                () -> env.addSource(single, "single").setParallelism(2));
        assertTrue(e.getMessage().contains("'single' is not parallel"), e.getMessage());
        assertTrue(e.getMessage().contains("ParallelSourceFunction"), e.getMessage());
    }

    static final List<String> SEEN = Collections.synchronizedList(new ArrayList<>());

    /** Emits timestamped elements and a watermark, then ends. */
    static class TimestampedSource implements SourceFunction<String> {
        @Override
        public void run(SourceContext<String> ctx) {
            ctx.collectWithTimestamp("a", 10);
            ctx.emitWatermark(new Watermark(10));
            ctx.collectWithTimestamp("b", 20);
            ctx.collect("c");
        }

        @Override
        public void cancel() {}
    }

    /** Writes what it sees: elements with their timestamps and the watermark, and watermarks. */
    static class RecordingSink implements SinkFunction<String> {
        @Override
        public void invoke(String value, Context context) {
            SEEN.add(value + "@" + context.timestamp() + " wm " + context.currentWatermark());
        }

        @Override
        public void writeWatermark(Watermark watermark) {
            SEEN.add("watermark " + watermark.getTimestamp());
        }

        @Override
        public void finish() {
            SEEN.add("finish");
        }
    }

    @Test
    void sourceFunctionElementsTimestampsAndWatermarksReachTheSinkFunctionInOrder() throws Exception {
        SEEN.clear();
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
        env.addSource(new TimestampedSource()).addSink(new RecordingSink());
        env.execute("timestamps");
        assertEquals(List.of("a@10 wm " + Long.MIN_VALUE, "watermark 10", "b@20 wm 10", "c@null wm 10",
                "watermark " + Long.MAX_VALUE, "finish"), SEEN);
    }

    /** Fails after a few elements. */
    static class FailingSource implements SourceFunction<Integer> {
        @Override
        public void run(SourceContext<Integer> ctx) throws Exception {
            for (int i = 0; i < 100; i++) {
                ctx.collect(i);
            }
            throw new java.io.IOException("the external system went away");
        }

        @Override
        public void cancel() {}
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2})
    void exceptionInSourceFunctionIsTheCauseOfTheJobFailure(int parallelism) {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(parallelism);
        env.addSource(new FailingSource()).rebalance().map(x -> x + 1).addSink(new DiscardingSink<>());
        JobExecutionException e = assertThrows(JobExecutionException.class, () -> env.execute("failing source"));
        assertTrue(e.getCause() instanceof java.io.IOException, "cause: " + e.getCause());
        assertEquals("the external system went away", e.getCause().getMessage());
    }

    /** Fails on one element. */
    static class FailingSink extends RichSinkFunction<Long> {
        @Override
        public void invoke(Long value, Context context) {
            if (value == 42) {
                throw new IllegalArgumentException("cannot write " + value);
            }
        }
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2})
    void exceptionInSinkFunctionIsTheCauseOfTheJobFailure(int parallelism) {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(parallelism);
        env.addSource(new RangeSource(100)).addSink(new FailingSink());
        JobExecutionException e = assertThrows(JobExecutionException.class, () -> env.execute("failing sink"));
        assertTrue(e.getCause() instanceof IllegalArgumentException, "cause: " + e.getCause());
        assertEquals("cannot write 42", e.getCause().getMessage());
        assertTrue(e.getMessage().contains("Sink: FailingSink"), e.getMessage());
    }

    static volatile CountDownLatch cancelCalled;
    static volatile CountDownLatch running;

    /** Emits until cancelled. */
    static class EndlessSource extends RichParallelSourceFunction<Long> {
        private volatile boolean isRunning = true;

        @Override
        public void run(SourceContext<Long> ctx) {
            long i = 0;
            while (isRunning) {
                ctx.collect(i++);
                if (i == 1_000) {
                    running.countDown();
                }
            }
        }

        @Override
        public void cancel() {
            isRunning = false;
            cancelCalled.countDown();
        }
    }

    @Test
    void cancellingTheJobCallsCancelOnTheSourceFunction() throws Exception {
        cancelCalled = new CountDownLatch(2);
        running = new CountDownLatch(2);
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(2);
        env.addSource(new EndlessSource()).map(x -> x).addSink(new DiscardingSink<>());
        JobClient client = env.executeAsync("endless source");
        assertTrue(running.await(60, TimeUnit.SECONDS));

        client.cancel().get(60, TimeUnit.SECONDS);

        assertEquals(JobStatus.CANCELED, client.getJobStatus().get());
        assertEquals(0, cancelCalled.getCount());
    }

    static volatile boolean interrupted;

    /** Ignores cancel() and waits for something that never happens. */
    static class StubbornSource implements SourceFunction<Long> {
        @Override
        public void run(SourceContext<Long> ctx) {
            ctx.collect(1L);
            running.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }

        @Override
        public void cancel() {}
    }

    @Test
    void sourceFunctionThatIgnoresCancelIsInterrupted() throws Exception {
        interrupted = false;
        running = new CountDownLatch(1);
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
        env.addSource(new StubbornSource()).addSink(new DiscardingSink<>());
        JobClient client = env.executeAsync("stubborn source");
        assertTrue(running.await(60, TimeUnit.SECONDS));

        client.cancel().get(60, TimeUnit.SECONDS);

        assertEquals(JobStatus.CANCELED, client.getJobStatus().get());
        assertTrue(interrupted);
    }

    /** A generic source that says what it produces. */
    static class PairSource<T> implements SourceFunction<Tuple2<String, T>>, ResultTypeQueryable<Tuple2<String, T>> {
        private final T value;
        private final TypeInformation<T> type;

        PairSource(T value, TypeInformation<T> type) {
            this.value = value;
            this.type = type;
        }

        @Override
        public void run(SourceContext<Tuple2<String, T>> ctx) {
            ctx.collect(Tuple2.of("key", value));
        }

        @Override
        public void cancel() {}

        @Override
        public TypeInformation<Tuple2<String, T>> getProducedType() {
            return Types.TUPLE(Types.STRING, type);
        }
    }

    @Test
    void typeDeclaredByTheSourceIsUsed() throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
        var stream = env.addSource(new PairSource<>(7, Types.INT));
        assertEquals(Types.TUPLE(Types.STRING, Types.INT), stream.getType());
        assertEquals(List.of(Tuple2.of("key", 7)), stream.executeAndCollect(1));
    }

    static volatile long emitted;
    static volatile Thread sourceThread;
    static volatile CountDownLatch releaseSink;

    /** Emits as fast as it can. */
    static class FastSource implements SourceFunction<Long> {
        private volatile boolean isRunning = true;

        @Override
        public void run(SourceContext<Long> ctx) {
            sourceThread = Thread.currentThread();
            for (long i = 0; isRunning && i < 1_000_000; i++) {
                ctx.collect(i);
                emitted = i + 1;
            }
        }

        @Override
        public void cancel() {
            isRunning = false;
        }
    }

    /** Blocks on its first element until the test releases it. */
    static class BlockedSink implements SinkFunction<Long> {
        @Override
        public void invoke(Long value) throws Exception {
            if (value == 0) {
                releaseSink.await();
            }
        }
    }

    @Test
    void slowSinkHoldsBackAFastSourceFunction() throws Exception {
        emitted = 0;
        sourceThread = null;
        releaseSink = new CountDownLatch(1);
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
        env.addSource(new FastSource()).addSink(new BlockedSink());
        JobClient client = env.executeAsync("backpressure");

        // The sink holds the task's thread; the source thread must end up parked, not run to the end.
        while (sourceThread == null || sourceThread.getState() != Thread.State.WAITING) {
            assertTrue(sourceThread == null || sourceThread.isAlive(), "the source ran to its end");
            Thread.onSpinWait();
        }
        long held = emitted;
        releaseSink.countDown();
        client.getJobExecutionResult().get(60, TimeUnit.SECONDS);

        assertTrue(held < 10_000, "the source emitted " + held + " elements while the sink was blocked");
        assertEquals(1_000_000, emitted);
    }

    @Test
    void sinkFunctionWithOnlyTheSingleArgumentInvoke() throws Exception {
        SEEN.clear();
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
        env.fromData("x", "y").addSink(new SinkFunction<>() {
            @Override
            public void invoke(String value) {
                SEEN.add(value);
            }
        });
        env.execute("single-argument invoke");
        assertEquals(List.of("x", "y"), SEEN);
    }

    @Test
    void checkpointLockIsOneObjectPerSubtask() throws Exception {
        List<Object> locks = Collections.synchronizedList(new ArrayList<>());
        SOURCE_LOCKS = locks;
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
        env.addSource(new SourceFunction<Integer>() {
            @Override
            public void run(SourceContext<Integer> ctx) {
                SOURCE_LOCKS.add(ctx.getCheckpointLock());
                SOURCE_LOCKS.add(ctx.getCheckpointLock());
                ctx.collect(1);
            }

            @Override
            public void cancel() {}
        }).addSink(new DiscardingSink<>());
        env.execute("lock");
        assertEquals(2, locks.size());
        assertSame(locks.get(0), locks.get(1));
    }

    static volatile List<Object> SOURCE_LOCKS;

    @Test
    void printSinkFunctionPrefixesLinesWithIdentifierAndSubtask() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.PrintStream original = System.out;
        System.setOut(new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            StreamExecutionEnvironment env = CLUSTER.createEnvironment(2);
            env.addSource(new RangeSource(4)).addSink(new PrintSinkFunction<>("ids", false));
            env.execute("print");
        } finally {
            System.setOut(original);
        }
        List<String> lines = bytes.toString(java.nio.charset.StandardCharsets.UTF_8).lines()
                .filter(line -> line.startsWith("ids:")).collect(Collectors.toList());
        // RangeSource subtask 0 emits the even numbers, and the sink is chained to it
        Results.assertSameElements(List.of("ids:1> 0", "ids:1> 2", "ids:2> 1", "ids:2> 3"), lines);
    }
}
