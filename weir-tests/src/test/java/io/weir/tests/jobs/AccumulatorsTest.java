package io.weir.tests.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.accumulators.AverageAccumulator;
import io.weir.api.accumulators.IntCounter;
import io.weir.api.accumulators.LongCounter;
import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.ExecutionOptions;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.JobClient;
import io.weir.api.execution.JobExecutionException;
import io.weir.api.execution.JobExecutionResult;
import io.weir.api.functions.OpenContext;
import io.weir.api.functions.RichMapFunction;
import io.weir.api.functions.sink.DiscardingSink;
import io.weir.api.functions.sink.RichSinkFunction;
import io.weir.api.functions.source.RichParallelSourceFunction;
import io.weir.api.functions.source.RichSourceFunction;
import io.weir.testutils.MiniClusterExtension;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Accumulators registered by functions, merged over the parallel subtasks of a job. */
class AccumulatorsTest {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build();

    /** Counts what it sees with every kind of built-in accumulator. */
    static class CountingMap extends RichMapFunction<Long, Long> {
        private final IntCounter elements = new IntCounter();
        private final AverageAccumulator average = new AverageAccumulator();

        @Override
        public void open(OpenContext openContext) {
            getRuntimeContext().addAccumulator("elements", elements);
            getRuntimeContext().addAccumulator("average", average);
        }

        @Override
        public Long map(Long value) {
            elements.add(1);
            average.add(value);
            getRuntimeContext().getLongCounter("sum").add(value);
            getRuntimeContext().getDoubleCounter("halves").add(value / 2.0);
            getRuntimeContext().getHistogram("last digit").add((int) (value % 10));
            return value;
        }
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 3})
    void countersAreMergedOverSubtasks(int parallelism) throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(parallelism);
        env.fromSequence(1, 1_000).map(new CountingMap()).addSink(new DiscardingSink<>());

        JobExecutionResult result = env.execute("counters");

        assertEquals(1_000, (int) result.getAccumulatorResult("elements"));
        assertEquals(500_500L, (long) result.getAccumulatorResult("sum"));
        assertEquals(250_250.0, (double) result.getAccumulatorResult("halves"), 1e-9);
        assertEquals(500.5, (double) result.getAccumulatorResult("average"), 1e-9);
        TreeMap<Integer, Integer> digits = result.getAccumulatorResult("last digit");
        assertEquals(10, digits.size());
        digits.values().forEach(count -> assertEquals(100, count));
        assertNull(result.getAccumulatorResult("no such accumulator"));
        assertEquals(5, result.getAllAccumulatorResults().size());
    }

    /** Counts in the source function's own thread. */
    static class CountingSource extends RichParallelSourceFunction<Long> {
        private final LongCounter emitted = new LongCounter();

        @Override
        public void open(OpenContext openContext) {
            getRuntimeContext().addAccumulator("emitted", emitted);
        }

        @Override
        public void run(SourceContext<Long> ctx) {
            for (long i = 0; i < 10_000; i++) {
                ctx.collect(i);
                emitted.add(1L);
            }
        }

        @Override
        public void cancel() {}
    }

    @Test
    void sourceFunctionAccumulatorsAreReportedWhenItEnds() throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(2);
        env.configure(new Configuration().set(ExecutionOptions.ACCUMULATOR_REPORT_INTERVAL, Duration.ofMillis(1)));
        env.addSource(new CountingSource()).addSink(new DiscardingSink<>());
        assertEquals(20_000L, (long) env.execute("source counter").getAccumulatorResult("emitted"));
    }

    static volatile CountDownLatch release;

    /** Emits a fixed number of elements, then waits until cancelled. */
    static class PausingSource extends RichSourceFunction<Long> {
        private volatile boolean running = true;

        @Override
        public void run(SourceContext<Long> ctx) throws InterruptedException {
            for (long i = 0; i < 300; i++) {
                ctx.collect(i);
            }
            while (running && !release.await(10, TimeUnit.SECONDS)) {
                // wait for the test to cancel the job
            }
        }

        @Override
        public void cancel() {
            running = false;
            release.countDown();
        }
    }

    /** Counts the elements it writes. */
    static class CountingSink extends RichSinkFunction<Long> {
        private final LongCounter written = new LongCounter();

        @Override
        public void open(OpenContext openContext) {
            getRuntimeContext().addAccumulator("written", written);
        }

        @Override
        public void invoke(Long value, Context context) {
            written.add(1L);
        }
    }

    @Test
    void runningJobShowsLiveAccumulatorsThroughItsClient() throws Exception {
        release = new CountDownLatch(1);
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(2);
        env.configure(new Configuration().set(ExecutionOptions.ACCUMULATOR_REPORT_INTERVAL, Duration.ofMillis(10)));
        env.addSource(new PausingSource()).rebalance().addSink(new CountingSink());
        JobClient client = env.executeAsync("live accumulators");

        Map<String, Object> live = client.getAccumulators().get();
        while (!Long.valueOf(300).equals(live.get("written"))) {
            assertTrue(!client.getJobExecutionResult().isDone(), "the job ended while waiting: " + live);
            live = client.getAccumulators().get();
        }
        assertEquals(io.weir.api.execution.JobStatus.RUNNING, client.getJobStatus().get());

        client.cancel().get(60, TimeUnit.SECONDS);
        assertEquals(300L, client.getAccumulators().get().get("written"));
    }

    /** Counts on its own thread until cancelled. */
    static class EndlessCountingSource extends RichParallelSourceFunction<Long> {
        private volatile boolean running = true;

        @Override
        public void run(SourceContext<Long> ctx) {
            LongCounter emitted = getRuntimeContext().getLongCounter("emitted");
            for (long i = 0; running; i++) {
                ctx.collect(i);
                emitted.add(1L);
            }
        }

        @Override
        public void cancel() {
            running = false;
        }
    }

    @Test
    void liveAccumulatorsOfASourceFunctionComeFromItsOwnThread() throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(2);
        env.configure(new Configuration().set(ExecutionOptions.ACCUMULATOR_REPORT_INTERVAL, Duration.ofMillis(10)));
        env.addSource(new EndlessCountingSource()).addSink(new DiscardingSink<>());
        JobClient client = env.executeAsync("live source accumulators");

        long live = 0;
        while (live < 100_000) {
            Object value = client.getAccumulators().get().get("emitted");
            live = value == null ? 0 : (Long) value;
        }
        assertEquals(io.weir.api.execution.JobStatus.RUNNING, client.getJobStatus().get());

        client.cancel().get(60, TimeUnit.SECONDS);
        long last = (Long) client.getAccumulators().get().get("emitted");
        assertTrue(last >= live, "final " + last + " < live " + live);
    }

    @Test
    void registeringANameTwiceInOneSubtaskFails() {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
        env.fromSequence(1, 10).map(new RichMapFunction<Long, Long>() {
            @Override
            public void open(OpenContext openContext) {
                getRuntimeContext().addAccumulator("count", new IntCounter());
                getRuntimeContext().addAccumulator("count", new IntCounter());
            }

            @Override
            public Long map(Long value) {
                return value;
            }
        }).addSink(new DiscardingSink<>());
        JobExecutionException e = assertThrows(JobExecutionException.class, () -> env.execute("twice"));
        assertTrue(e.getCause() instanceof UnsupportedOperationException, "cause: " + e.getCause());
        assertTrue(e.getCause().getMessage().contains("The accumulator 'count' already exists"),
                e.getCause().getMessage());
    }

    /** Subtask 0 registers an int counter, the others a long counter, under one name. */
    static class MixedTypesMap extends RichMapFunction<Long, Long> {
        @Override
        public void open(OpenContext openContext) {
            if (getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() == 0) {
                getRuntimeContext().getIntCounter("count");
            } else {
                getRuntimeContext().getLongCounter("count");
            }
            getRuntimeContext().getIntCounter("fine").add(1);
        }

        @Override
        public Long map(Long value) {
            return value;
        }
    }

    @Test
    void accumulatorsOfDifferentTypesUnderOneNameFailClearly() throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(2);
        env.fromSequence(1, 10).map(new MixedTypesMap()).addSink(new DiscardingSink<>());
        JobExecutionResult result = env.execute("mixed");

        assertEquals(2, (int) result.getAccumulatorResult("fine"));
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> result.getAccumulatorResult("count"));
        assertTrue(e.getMessage().contains("Accumulator 'count' has different types"), e.getMessage());
        assertTrue(e.getMessage().contains("IntCounter") && e.getMessage().contains("LongCounter"), e.getMessage());
        assertThrows(UnsupportedOperationException.class, result::getAllAccumulatorResults);
    }

    @Test
    void clientOfAnEndedJobReportsTheTypeConflict() throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(2);
        env.fromSequence(1, 10).map(new MixedTypesMap()).addSink(new DiscardingSink<>());
        JobClient client = env.executeAsync("mixed");
        client.getJobExecutionResult().get(60, TimeUnit.SECONDS);
        ExecutionException e = assertThrows(ExecutionException.class, () -> client.getAccumulators().get());
        assertTrue(e.getCause().getMessage().contains("'count'"), e.getCause().getMessage());
    }
}
