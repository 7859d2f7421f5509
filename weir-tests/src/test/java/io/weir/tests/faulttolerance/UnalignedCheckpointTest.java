package io.weir.tests.faulttolerance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.configuration.CheckpointingOptions;
import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.ExternalizedCheckpointRetention;
import io.weir.api.configuration.RestartStrategyOptions;
import io.weir.api.connector.datagen.DataGeneratorSource;
import io.weir.api.connector.datagen.RateLimiterStrategy;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.execution.JobClient;
import io.weir.api.functions.MapFunction;
import io.weir.api.functions.sink.SinkFunction;
import io.weir.api.state.CheckpointListener;
import io.weir.api.tuple.Tuple2;
import io.weir.api.types.Types;
import io.weir.runtime.checkpoint.CheckpointDirectory;
import io.weir.runtime.checkpoint.CheckpointMetadata;
import io.weir.runtime.checkpoint.CompletedCheckpoint;
import io.weir.runtime.checkpoint.TaskStateHandle;
import io.weir.testutils.MiniClusterExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Unaligned checkpoints ({@code execution.checkpointing.unaligned.enabled}): under backpressure they
 * complete where aligned ones time out, and a job that fails over restores their in-flight records so
 * that its result equals a failure-free run's.
 */
class UnalignedCheckpointTest {
    private static final int KEYS = 10;
    private static final long RECORDS = 6_000;

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
            .setNumberTaskManagers(2).setNumberSlotsPerTaskManager(2).build();

    static final AtomicInteger COMPLETED = new AtomicInteger();
    static final AtomicInteger ABORTED = new AtomicInteger();

    @BeforeEach
    void reset() {
        ExactlyOnceRecoveryTest.FAILURES.set(0);
        ExactlyOnceRecoveryTest.CHECKPOINT_COMPLETED.set(false);
        ExactlyOnceRecoveryTest.ATTEMPTS.clear();
        COMPLETED.set(0);
        ABORTED.set(0);
    }

    /** Passes numbers on, slowly, so that the source's output queue is full whenever a checkpoint starts. */
    static final class Slow implements MapFunction<Long, Long> {
        @Override
        public Long map(Long value) {
            long until = System.nanoTime() + 100_000;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            return value;
        }
    }

    /**
     * @param alignedTimeout 0: unaligned from the start; above: checkpoints start aligned and go unaligned
     *     in the tasks still aligning when it passes
     */
    @ParameterizedTest
    @ValueSource(longs = {0, 20})
    void aFailoverRestoresTheInFlightRecordsAndTheResultEqualsAFailureFreeRun(long alignedTimeout, @TempDir Path dir)
            throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(2);
        env.enableCheckpointing(50);
        Configuration config = new Configuration();
        config.set(CheckpointingOptions.ENABLE_UNALIGNED, true);
        config.set(CheckpointingOptions.ALIGNED_CHECKPOINT_TIMEOUT, Duration.ofMillis(alignedTimeout));
        config.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir.toUri().toString());
        config.set(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS, 1_000);
        config.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        // small buffers: the source is back-pressured through most of its input, its queues always full
        config.setString("taskmanager.memory.segment-size", "1kb");
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(10));
        env.configure(config);

        List<Tuple2<Long, Long>> results = env.fromSource(new DataGeneratorSource<>(i -> i, RECORDS, Types.LONG),
                        WatermarkStrategy.noWatermarks(), "numbers")
                .rebalance().map(new Slow()).returns(Types.LONG)
                .keyBy(x -> x % KEYS)
                .process(new ExactlyOnceRecoveryTest.SumPerKey(RECORDS / 2))
                .executeAndCollect(1_000);

        assertEquals(1, ExactlyOnceRecoveryTest.FAILURES.get(), "one failure was injected");
        Map<Long, Long> sums = new TreeMap<>();
        for (Tuple2<Long, Long> r : results) {
            assertEquals(null, sums.put(r.f0, r.f1), "key " + r.f0 + " emitted twice");
        }
        Map<Long, Long> expected = new TreeMap<>();
        for (long i = 0; i < RECORDS; i++) {
            expected.merge(i % KEYS, i, Long::sum);
        }
        assertEquals(expected, sums, "every record once, in-flight ones included");
        assertTrue(checkpointsWithInFlightRecords(dir) > 0, "the checkpoints held records in flight");
    }

    /**
     * How many of the retained checkpoints under {@code dir} (one directory per job) hold in-flight
     * records. Aborted checkpoints' directories may still be being deleted: only completed ones, with
     * their {@code _metadata}, are read.
     */
    private static long checkpointsWithInFlightRecords(Path dir) throws Exception {
        long count = 0;
        for (Path job : list(dir)) {
            for (Path checkpointDir : list(job)) {
                Path file = checkpointDir.resolve("_metadata");
                if (checkpointDir.getFileName().toString().startsWith("chk-") && Files.exists(file)
                        && holdsInFlightRecords(CheckpointMetadata.load(file))) {
                    count++;
                }
            }
        }
        return count;
    }

    private static List<Path> list(Path dir) throws Exception {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory).toList();
        }
    }

    private static boolean holdsInFlightRecords(CompletedCheckpoint checkpoint) throws Exception {
        for (TaskStateHandle handle : checkpoint.taskStates().values()) {
            if (!CheckpointDirectory.readTaskState(checkpoint, handle).inFlight().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** Writes slowly (a millisecond a record) and counts completed and aborted checkpoints. */
    static final class SlowSink extends CountingSink {
        @Override
        public void invoke(Long value) throws InterruptedException {
            Thread.sleep(1);
        }
    }

    /** Drops what it gets and counts completed and aborted checkpoints. */
    static class CountingSink implements SinkFunction<Long>, CheckpointListener {
        @Override
        public void invoke(Long value) throws InterruptedException {}

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            COMPLETED.incrementAndGet();
        }

        @Override
        public void notifyCheckpointAborted(long checkpointId) {
            ABORTED.incrementAndGet();
        }
    }

    private static JobClient backpressured(boolean unaligned, Duration alignedTimeout) throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
        env.enableCheckpointing(100);
        env.getCheckpointConfig().enableUnalignedCheckpoints(unaligned);
        env.getCheckpointConfig().setAlignedCheckpointTimeout(alignedTimeout);
        Configuration config = new Configuration();
        config.set(CheckpointingOptions.CHECKPOINTING_TIMEOUT, Duration.ofSeconds(1));
        config.set(CheckpointingOptions.TOLERABLE_FAILURE_NUMBER, Integer.MAX_VALUE);
        env.configure(config);
        env.fromSource(new DataGeneratorSource<>(i -> i, Long.MAX_VALUE, RateLimiterStrategy.perSecond(1_000_000),
                        Types.LONG), WatermarkStrategy.noWatermarks(), "fast numbers")
                .rebalance().addSink(new SlowSink());
        return env.executeAsync(unaligned ? "unaligned" : "aligned");
    }

    private static void await(AtomicInteger counter, int atLeast, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (counter.get() < atLeast) {
            assertTrue(System.nanoTime() < deadline, "fewer than " + atLeast + " " + what + " within 60 s");
            Thread.onSpinWait();
        }
    }

    @Test
    void withAnAlignedCheckpointTimeoutCheckpointsThatFindNoBackpressureStayAligned(@TempDir Path dir) throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(2);
        env.enableCheckpointing(50);
        env.getCheckpointConfig().enableUnalignedCheckpoints();
        env.getCheckpointConfig().setAlignedCheckpointTimeout(Duration.ofMinutes(1));
        Configuration config = new Configuration();
        config.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir.toUri().toString());
        config.set(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS, 1_000);
        config.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        env.configure(config);
        env.fromSource(new DataGeneratorSource<>(i -> i, 3_000, RateLimiterStrategy.perSecond(10_000), Types.LONG),
                        WatermarkStrategy.noWatermarks(), "paced numbers")
                .rebalance().keyBy(x -> x % KEYS).process(new ExactlyOnceRecoveryTest.SumPerKey(Long.MAX_VALUE))
                .map(sum -> sum.f1).returns(Types.LONG)
                .addSink(new CountingSink());
        env.execute("aligned first");
        assertTrue(COMPLETED.get() >= 2, "checkpoints completed: " + COMPLETED.get());
        assertEquals(0, checkpointsWithInFlightRecords(dir), "every checkpoint aligned in time: none holds records");
    }

    @Test
    void underBackpressureAlignedCheckpointsTimeOutAndUnalignedOnesComplete() throws Exception {
        // a full queue before the sink holds thousands of records, a second's work or more: an aligned barrier waits behind it
        JobClient aligned = backpressured(false, Duration.ZERO);
        await(ABORTED, 2, "timed-out aligned checkpoints"); // the first may complete before the queue is full
        int completedBefore = COMPLETED.get();
        await(ABORTED, 4, "timed-out aligned checkpoints");
        assertEquals(completedBefore, COMPLETED.get(), "no aligned checkpoint completes under backpressure");
        aligned.cancel().get(60, TimeUnit.SECONDS);

        reset();
        JobClient unaligned = backpressured(true, Duration.ZERO);
        await(COMPLETED, 3, "completed unaligned checkpoints");
        unaligned.cancel().get(60, TimeUnit.SECONDS);
    }

    @Test
    void underBackpressureCheckpointsWithAnAlignedCheckpointTimeoutGoUnalignedAndComplete() throws Exception {
        JobClient job = backpressured(true, Duration.ofMillis(50));
        await(COMPLETED, 3, "completed checkpoints that went unaligned after 50 ms");
        job.cancel().get(60, TimeUnit.SECONDS);
    }
}
