package io.weir.tests.jobs;

import static io.weir.tests.jobs.Results.assertSameElements;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.ExecutionOptions;
import io.weir.api.configuration.MemorySize;
import io.weir.api.configuration.RestartStrategyOptions;
import io.weir.api.configuration.StateBackendOptions;
import io.weir.api.environment.BatchShuffleMode;
import io.weir.api.environment.RuntimeExecutionMode;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.OpenContext;
import io.weir.api.functions.RichMapFunction;
import io.weir.api.tuple.Tuple2;
import io.weir.api.types.Types;
import io.weir.testutils.MiniClusterExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * BATCH jobs with blocking exchanges run stage by stage: a job of five stages of parallelism 2,
 * each in a slot sharing group of its own, runs on two slots and gives what it gives on a cluster
 * large enough to run it pipelined; a failure in the last keyed stage restarts that stage alone.
 */
@Timeout(120)
class BatchStagesTest {
    private static final long N = 20_000;
    /** How often the subtasks of the first stage and of the second opened (the tasks run in this JVM). */
    private static final AtomicInteger SOURCE_OPENS = new AtomicInteger();
    private static final AtomicInteger SECOND_STAGE_OPENS = new AtomicInteger();
    private static final AtomicBoolean FAILED_ONCE = new AtomicBoolean();

    @RegisterExtension
    static final MiniClusterExtension SMALL = MiniClusterExtension.builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build();

    @RegisterExtension
    static final MiniClusterExtension BIG = MiniClusterExtension.builder()
            .setNumberTaskManagers(2).setNumberSlotsPerTaskManager(5).build();

    @BeforeEach
    void resetCounters() {
        SOURCE_OPENS.set(0);
        SECOND_STAGE_OPENS.set(0);
        FAILED_ONCE.set(false);
    }

    /** Per residue of 10: the sum of 1..N with that residue, as "k=sum". */
    private static List<String> expected() {
        long[] sums = new long[10];
        for (long v = 1; v <= N; v++) {
            sums[(int) (v % 10)] += v;
        }
        List<String> expected = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            expected.add(k + "=" + sums[k]);
        }
        return expected;
    }

    private static StreamExecutionEnvironment env(MiniClusterExtension cluster, Configuration configuration) {
        StreamExecutionEnvironment env = cluster.createEnvironment(2);
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        env.configure(configuration);
        return env;
    }

    /**
     * source+map → keyBy(v % 1000).sum → keyBy(k % 10).sum → keyBy(parity).process → collect: five
     * vertices, each in its own slot sharing group, so that run pipelined they need nine slots.
     */
    private static List<String> run(StreamExecutionEnvironment env, KeyedProcessFunction<Long, Tuple2<Long, Long>,
            String> last) throws Exception {
        return env.fromSequence(1, N).slotSharingGroup("read")
                .map(new CountOpens()).slotSharingGroup("read")
                .keyBy(e -> e.f0 % 1000).sum(1).slotSharingGroup("thousand")
                .map(new CountOpens2()).slotSharingGroup("thousand")
                .keyBy(e -> e.f0).sum(1).slotSharingGroup("ten")
                .keyBy(e -> e.f0 % 2).process(last).slotSharingGroup("parity")
                .executeAndCollect(100);
    }

    @Test
    void aJobOfMoreTasksThanSlotsRunsStageByStageWithTheResultsOfABigCluster() throws Exception {
        List<String> staged = run(env(SMALL, new Configuration()), new Format(false));
        assertSameElements(expected(), staged);
        assertEquals(2, SOURCE_OPENS.get(), "each source subtask ran once");

        Configuration pipelined = new Configuration()
                .set(ExecutionOptions.BATCH_SHUFFLE_MODE, BatchShuffleMode.ALL_EXCHANGES_PIPELINED);
        assertSameElements(staged, run(env(BIG, pipelined), new Format(false)));
        Exception tooSmall = assertThrows(Exception.class, () -> run(env(SMALL, pipelined), new Format(false)));
        assertTrue(String.valueOf(rootMessage(tooSmall)).contains("slots"), String.valueOf(rootMessage(tooSmall)));
    }

    @Test
    void aStageTooWideForTheClusterIsRefusedNamingIt() {
        StreamExecutionEnvironment env = env(SMALL, new Configuration());
        Exception refused = assertThrows(Exception.class, () -> env.fromSequence(1, 10)
                .keyBy(v -> v % 3).sum(0).setParallelism(3).name("too wide")
                .executeAndCollect(10));
        String message = rootMessage(refused);
        assertTrue(message.contains("needs 3 slots") && message.contains("too wide")
                && message.contains("stage by stage"), message);
    }

    @Test
    void aFailureInTheLastStageRestartsThatStageAloneFromTheKeptResults() throws Exception {
        Configuration restarts = new Configuration()
                .set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay")
                .set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 2)
                .set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(10));
        List<String> result = run(env(SMALL, restarts), new Format(true));
        assertSameElements(expected(), result);
        assertEquals(2, SOURCE_OPENS.get(), "the sources did not run again");
        assertEquals(2, SECOND_STAGE_OPENS.get(), "the second stage did not run again");
    }

    @Test
    void aFailureInTheSourceStageRestartsItWithTheSplitsTheFailedReaderHad() throws Exception {
        Configuration restarts = new Configuration()
                .set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay")
                .set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 2)
                .set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(10));
        List<String> result = env(SMALL, restarts).fromSequence(1, N).slotSharingGroup("read")
                .map(new FailFirstAttemptMidway()).slotSharingGroup("read")
                .keyBy(e -> e.f0).sum(1).slotSharingGroup("ten")
                .keyBy(e -> e.f0 % 2).process(new Format(false)).slotSharingGroup("parity")
                .executeAndCollect(100);
        assertSameElements(expected(), result);
        assertEquals(3, SOURCE_OPENS.get(), "the failed source subtask ran again, alone");
    }

    @Test
    void resultsLargerThanTheShuffleMemorySpillToFilesAndReadBackTheSame() throws Exception {
        Configuration noMemory = new Configuration().set(ExecutionOptions.BATCH_SHUFFLE_MEMORY, MemorySize.parse("0"));
        assertSameElements(expected(), run(env(SMALL, noMemory), new Format(false)));
    }

    @Test
    void withTheRocksDbBackendConfiguredKeyedStateStaysOnTheHeapOneKeyAtATime() throws Exception {
        Configuration rocksdb = new Configuration().set(StateBackendOptions.STATE_BACKEND, "rocksdb");
        assertSameElements(expected(), run(env(SMALL, rocksdb), new Format(false)));
    }

    private static String rootMessage(Throwable t) {
        StringBuilder messages = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            messages.append(c.getMessage()).append(" / ");
        }
        return messages.toString();
    }

    /** v ↦ (v % 1000, v), counting how often a subtask opened. */
    static final class CountOpens extends RichMapFunction<Long, Tuple2<Long, Long>> {
        @Override
        public void open(OpenContext context) {
            SOURCE_OPENS.incrementAndGet();
        }

        @Override
        public Tuple2<Long, Long> map(Long v) {
            return Tuple2.of(v % 1000, v);
        }
    }

    /**
     * v ↦ (v % 10, v); the first subtask to reach its 1000th record in its first attempt fails
     * there, after it emitted some (once per test: the subtasks run in this JVM).
     */
    static final class FailFirstAttemptMidway extends RichMapFunction<Long, Tuple2<Long, Long>> {
        private long seen;

        @Override
        public void open(OpenContext context) {
            SOURCE_OPENS.incrementAndGet();
        }

        @Override
        public Tuple2<Long, Long> map(Long v) {
            if (++seen == 1000 && getRuntimeContext().getTaskInfo().getAttemptNumber() == 0
                    && FAILED_ONCE.compareAndSet(false, true)) {
                throw new IllegalStateException("the source stage's first attempt fails on purpose");
            }
            return Tuple2.of(v % 10, v);
        }
    }

    /** (k, sum) ↦ (k % 10, sum), counting how often a subtask opened. */
    static final class CountOpens2 extends RichMapFunction<Tuple2<Long, Long>, Tuple2<Long, Long>> {
        @Override
        public void open(OpenContext context) {
            SECOND_STAGE_OPENS.incrementAndGet();
        }

        @Override
        public Tuple2<Long, Long> map(Tuple2<Long, Long> e) {
            return Tuple2.of(e.f0 % 10, e.f1);
        }
    }

    /** (k, sum) ↦ "k=sum"; with {@code failFirstAttempt}, its first attempt fails instead. */
    static final class Format extends KeyedProcessFunction<Long, Tuple2<Long, Long>, String> {
        private final boolean failFirstAttempt;

        Format(boolean failFirstAttempt) {
            this.failFirstAttempt = failFirstAttempt;
        }

        @Override
        public void processElement(Tuple2<Long, Long> e, Context ctx, Collector<String> out) {
            if (failFirstAttempt && getRuntimeContext().getTaskInfo().getAttemptNumber() == 0) {
                throw new IllegalStateException("the last stage's first attempt fails on purpose");
            }
            out.collect(e.f0 + "=" + e.f1);
        }
    }
}
