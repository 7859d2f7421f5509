package io.weir.tests.faulttolerance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.configuration.CheckpointingOptions;
import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.RestartStrategyOptions;
import io.weir.api.connector.datagen.DataGeneratorSource;
import io.weir.api.connector.sink.DiscardingSink;
import io.weir.api.connector.datagen.RateLimiterStrategy;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.execution.JobExecutionException;
import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.OpenContext;
import io.weir.api.state.CheckpointListener;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.tuple.Tuple2;
import io.weir.api.types.Types;
import io.weir.testutils.MiniClusterExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kinds of failure other than a function throwing while it processes: checkpoints whose storage
 * write fails, a failure while the job restores its state, and restart strategies that give up or
 * apply by default. Each job is a keyed sum over a paced source whose per-key sums are emitted once
 * at the end of input, so a job that recovers must end with exactly the failure-free sums.
 */
@Timeout(60)
class FailureKindsTest {
    private static final int KEYS = 10;
    private static final long RECORDS = 3_000;

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
            .setNumberTaskManagers(2).setNumberSlotsPerTaskManager(2).build();

    /** What the failing function does; functions are copied into tasks, so this is static. */
    static volatile Set<Integer> throwInAttempts = Set.of();
    static volatile Set<Integer> throwInOpenOfAttempts = Set.of();
    /** Attempts whose task thread another thread interrupts (instead of the function throwing). */
    static volatile Set<Integer> interruptInAttempts = Set.of();
    /** While this file exists where the checkpoint directory's parent should be, no checkpoint can be written. */
    static volatile Path storageBlocker;
    static volatile int unblockAfterAbortedCheckpoints;
    static volatile boolean unblockOnRestart;

    static final Map<Integer, Boolean> THROWN = new ConcurrentHashMap<>();
    static final Map<Integer, Boolean> ATTEMPTS = new ConcurrentHashMap<>();
    static final Set<Long> ABORTED = ConcurrentHashMap.newKeySet();
    static final AtomicBoolean CHECKPOINT_COMPLETED = new AtomicBoolean();
    static final AtomicInteger OPEN_FAILURES = new AtomicInteger();
    static final AtomicBoolean STORAGE_UNBLOCKED = new AtomicBoolean();

    @BeforeEach
    void reset() {
        throwInAttempts = Set.of();
        throwInOpenOfAttempts = Set.of();
        interruptInAttempts = Set.of();
        storageBlocker = null;
        unblockAfterAbortedCheckpoints = Integer.MAX_VALUE;
        unblockOnRestart = false;
        THROWN.clear();
        ATTEMPTS.clear();
        ABORTED.clear();
        CHECKPOINT_COMPLETED.set(false);
        OPEN_FAILURES.set(0);
        STORAGE_UNBLOCKED.set(false);
    }

    private static Configuration fixedDelay(int attempts) {
        Configuration config = new Configuration();
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, attempts);
        config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(10));
        return config;
    }

    private static Map<Long, Long> run(StreamExecutionEnvironment env) throws Exception {
        DataGeneratorSource<Long> source = new DataGeneratorSource<>(i -> i, RECORDS,
                RateLimiterStrategy.perSecond(3_000), Types.LONG);
        List<Tuple2<Long, Long>> results = env.fromSource(source, WatermarkStrategy.noWatermarks(), "paced numbers")
                .keyBy(x -> x % KEYS)
                .process(new FailingSum())
                .executeAndCollect(1_000);
        Map<Long, Long> sums = new TreeMap<>();
        for (Tuple2<Long, Long> r : results) {
            assertEquals(null, sums.put(r.f0, r.f1), "key " + r.f0 + " emitted twice");
        }
        return sums;
    }

    /** Runs the job with a discarding sink; the job is expected to fail, with the JobMaster's exception. */
    private static JobExecutionException runToFailure(StreamExecutionEnvironment env) {
        env.fromSource(new DataGeneratorSource<>(i -> i, RECORDS, RateLimiterStrategy.perSecond(3_000), Types.LONG),
                        WatermarkStrategy.noWatermarks(), "paced numbers")
                .keyBy(x -> x % KEYS)
                .process(new FailingSum())
                .sinkTo(new DiscardingSink<>());
        return assertThrows(JobExecutionException.class, () -> env.execute("failing"));
    }

    private static Map<Long, Long> expected() {
        Map<Long, Long> sums = new TreeMap<>();
        for (long i = 0; i < RECORDS; i++) {
            sums.merge(i % KEYS, i, Long::sum);
        }
        return sums;
    }

    /** A checkpoint directory that cannot be created until the test's function removes the blocker. */
    private static String blockedCheckpointDirectory(Path dir, int failedCheckpoints) throws Exception {
        storageBlocker = Files.createFile(dir.resolve("blocked"));
        unblockAfterAbortedCheckpoints = failedCheckpoints;
        return storageBlocker.resolve("checkpoints").toString();
    }

    @Test
    void failedCheckpointWritesWithinTheToleranceLeaveTheResultExact(@TempDir Path dir) throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(2);
        Configuration config = fixedDelay(3);
        config.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, blockedCheckpointDirectory(dir, 3));
        config.set(CheckpointingOptions.TOLERABLE_FAILURE_NUMBER, 100);
        env.configure(config);
        env.enableCheckpointing(30);
        throwInAttempts = Set.of(0);

        assertEquals(expected(), run(env));
        assertTrue(ABORTED.size() >= 3, "the first checkpoints failed to be written: " + ABORTED);
        assertEquals(Set.of(0, 1), ATTEMPTS.keySet(), "one restart, from a checkpoint written after the blocker went");
    }

    @Test
    void aFailedCheckpointWriteBeyondTheToleranceFailsTheJobNamingTheOption(@TempDir Path dir) throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(2);
        Configuration config = new Configuration();
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        config.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, blockedCheckpointDirectory(dir, Integer.MAX_VALUE));
        config.set(CheckpointingOptions.TOLERABLE_FAILURE_NUMBER, 0);
        env.configure(config);
        env.enableCheckpointing(30);

        JobExecutionException e = runToFailure(env);
        String message = e.getMessage() + " / " + e.getCause();
        assertTrue(message.contains("execution.checkpointing.tolerable-failed-checkpoints"), message);
        assertTrue(message.contains("writing its state failed"), message);
    }

    @Test
    void aFailedCheckpointWriteBeyondTheToleranceFailsOverAndTheRestartedJobIsExact(@TempDir Path dir)
            throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(2);
        Configuration config = fixedDelay(3);
        config.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, blockedCheckpointDirectory(dir, Integer.MAX_VALUE));
        config.set(CheckpointingOptions.TOLERABLE_FAILURE_NUMBER, 0);
        unblockOnRestart = true; // checkpoints of the first attempt cannot be written, later ones can
        env.configure(config);
        env.enableCheckpointing(30);
        throwInAttempts = Set.of(1); // and once more after a checkpoint of the restarted job completed

        assertEquals(expected(), run(env));
        assertTrue(ATTEMPTS.keySet().containsAll(Set.of(0, 1, 2)), "failed over twice: " + ATTEMPTS.keySet());
    }

    @Test
    void aTaskThreadInterruptedFromOutsideFailsTheTaskAndTheJobRecoversExactly() throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(2);
        env.configure(fixedDelay(3));
        env.enableCheckpointing(30);
        interruptInAttempts = Set.of(0);

        assertEquals(expected(), run(env)); // an interrupted task that ended quietly would lose records or hang
        assertTrue(ATTEMPTS.containsKey(1), "the job failed over: " + ATTEMPTS.keySet());
    }

    @Test
    void aFailureWhileRestoringRestartsAgainAndTheResultIsExact() throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(2);
        env.configure(fixedDelay(3));
        env.enableCheckpointing(30);
        throwInAttempts = Set.of(0);
        throwInOpenOfAttempts = Set.of(1);

        assertEquals(expected(), run(env));
        assertEquals(1, OPEN_FAILURES.get(), "the restored attempt failed in open()");
        assertTrue(ATTEMPTS.containsKey(2), "a third attempt restored again: " + ATTEMPTS.keySet());
    }

    @Test
    void aRestartStrategyThatGivesUpFailsTheJobWithTheCauseAndTheOptionToRaise() {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(2);
        env.configure(fixedDelay(1));
        env.enableCheckpointing(30);
        throwInAttempts = Set.of(0, 1);

        JobExecutionException e = runToFailure(env);
        assertInstanceOf(IllegalStateException.class, e.getCause());
        assertTrue(e.getCause().getMessage().startsWith("injected failure in attempt 1"), e.getCause().getMessage());
        assertTrue(e.getMessage().contains("restart-strategy.fixed-delay.attempts"), e.getMessage());
    }

    @Test
    void withCheckpointingOnAndNoStrategySetTheJobRestartsWithExponentialDelay() throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(2);
        env.enableCheckpointing(30);
        throwInAttempts = Set.of(0);

        assertEquals(expected(), run(env));
        assertEquals(Set.of(0, 1), ATTEMPTS.keySet());
    }

    @Test
    void withCheckpointingOffAndNoStrategySetTheFirstFailureFailsTheJob() {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(2);
        throwInAttempts = Set.of(0);
        CHECKPOINT_COMPLETED.set(true); // no checkpoint will complete: throw anyway

        JobExecutionException e = runToFailure(env);
        assertTrue(e.getMessage().contains("restart-strategy.type is 'none'"), e.getMessage());
        assertEquals(Set.of(0), ATTEMPTS.keySet());
    }

    /**
     * Sums per key, emitting each sum at the end of input. Throws once in each attempt listed in
     * {@link #throwInAttempts} (after a third of its share and after a checkpoint completed), and in
     * {@code open} of the attempts in {@link #throwInOpenOfAttempts}; removes the storage blocker after
     * enough checkpoints were aborted.
     */
    static final class FailingSum extends KeyedProcessFunction<Long, Long, Tuple2<Long, Long>>
            implements CheckpointListener {
        private transient ValueState<Long> sum;
        private transient long seen;
        private transient int attempt;

        @Override
        public void open(OpenContext context) throws Exception {
            attempt = getRuntimeContext().getTaskInfo().getAttemptNumber();
            ATTEMPTS.put(attempt, true);
            sum = getRuntimeContext().getState(new ValueStateDescriptor<>("sum", Types.LONG));
            if (attempt > 0 && unblockOnRestart) {
                unblockStorage();
            }
            if (throwInOpenOfAttempts.contains(attempt) && OPEN_FAILURES.compareAndSet(0, 1)) {
                throw new IllegalStateException("injected failure while opening attempt " + attempt);
            }
        }

        @Override
        public void processElement(Long value, Context ctx, Collector<Tuple2<Long, Long>> out) throws Exception {
            Long current = sum.value();
            if (current == null) {
                ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
            }
            sum.update((current == null ? 0 : current) + value);
            int parallelism = getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks();
            if (++seen >= RECORDS / 3 / parallelism && interruptInAttempts.contains(attempt) && CHECKPOINT_COMPLETED.get()
                    && THROWN.putIfAbsent(attempt, true) == null) {
                Thread task = Thread.currentThread();
                Thread outsider = new Thread(task::interrupt, "outsider");
                outsider.start();
                outsider.join();
                return; // the task's thread goes on, interrupted: its next wait fails
            }
            if (seen >= RECORDS / 3 / parallelism && throwInAttempts.contains(attempt) && CHECKPOINT_COMPLETED.get()
                    && THROWN.putIfAbsent(attempt, true) == null) {
                CHECKPOINT_COMPLETED.set(false); // the next attempt fails only after a checkpoint of its own
                throw new IllegalStateException("injected failure in attempt " + attempt + " after " + seen + " records");
            }
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<Tuple2<Long, Long>> out) throws Exception {
            out.collect(Tuple2.of(ctx.getCurrentKey(), sum.value()));
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            CHECKPOINT_COMPLETED.set(true);
        }

        /** Once: later the path is the checkpoint directory, which must stay. */
        private static void unblockStorage() throws java.io.IOException {
            Path blocker = storageBlocker;
            if (blocker != null && STORAGE_UNBLOCKED.compareAndSet(false, true)) {
                Files.delete(blocker);
            }
        }

        @Override
        public void notifyCheckpointAborted(long checkpointId) throws Exception {
            ABORTED.add(checkpointId);
            if (ABORTED.size() >= unblockAfterAbortedCheckpoints) {
                unblockStorage();
            }
        }
    }
}
