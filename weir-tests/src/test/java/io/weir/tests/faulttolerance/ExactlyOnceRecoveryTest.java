package io.weir.tests.faulttolerance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.RestartStrategyOptions;
import io.weir.api.connector.datagen.DataGeneratorSource;
import io.weir.api.connector.datagen.RateLimiterStrategy;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.execution.CheckpointingMode;
import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.OpenContext;
import io.weir.api.state.CheckpointListener;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.tuple.Tuple2;
import io.weir.api.types.Types;
import io.weir.testutils.MiniClusterExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A keyed sum over a paced source, with one failure injected after a checkpoint completed: the job
 * restarts from that checkpoint, the source rewinds to its position in it, and every key's final
 * sum equals the failure-free result — nothing lost, nothing counted twice. The sums are emitted
 * once, at the end of input, by the attempt that completes. Also on RocksDB with incremental
 * checkpoints in a checkpoint directory.
 */
class ExactlyOnceRecoveryTest {
    private static final int KEYS = 10;
    private static final long RECORDS = 6_000;

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
            .setNumberTaskManagers(2).setNumberSlotsPerTaskManager(2).build();

    /** Failures injected and attempts seen, per test run (functions are copied into tasks, so state is static). */
    static final AtomicInteger FAILURES = new AtomicInteger();
    static final AtomicBoolean CHECKPOINT_COMPLETED = new AtomicBoolean();
    static final Map<Integer, Boolean> ATTEMPTS = new ConcurrentHashMap<>();
    /** Records processed by the second attempt: fewer than all if it resumed from a checkpoint. */
    static final AtomicLong SEEN_AFTER_RESTART = new AtomicLong();
    /** Records processed by SumPerKey in all attempts of all jobs since the last reset. */
    static final AtomicLong PROCESSED = new AtomicLong();

    @BeforeEach
    void reset() {
        FAILURES.set(0);
        CHECKPOINT_COMPLETED.set(false);
        ATTEMPTS.clear();
        SEEN_AFTER_RESTART.set(0);
        PROCESSED.set(0);
    }

    private static StreamExecutionEnvironment environment(int parallelism, CheckpointingMode mode) {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(parallelism);
        env.enableCheckpointing(50, mode);
        Configuration restarts = new Configuration();
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(10));
        env.configure(restarts);
        return env;
    }

    private static List<Tuple2<Long, Long>> run(StreamExecutionEnvironment env, boolean injectFailure)
            throws Exception {
        DataGeneratorSource<Long> source = new DataGeneratorSource<>(i -> i, RECORDS,
                RateLimiterStrategy.perCheckpoint((int) RECORDS / 10), Types.LONG);
        return env.fromSource(source, WatermarkStrategy.noWatermarks(), "paced numbers")
                .keyBy(x -> x % KEYS)
                .process(new SumPerKey(injectFailure ? RECORDS / 3 : Long.MAX_VALUE))
                .executeAndCollect(1_000);
    }

    private static Map<Long, Long> expected() {
        Map<Long, Long> sums = new TreeMap<>();
        for (long i = 0; i < RECORDS; i++) {
            sums.merge(i % KEYS, i, Long::sum);
        }
        return sums;
    }

    private static Map<Long, Long> asMap(List<Tuple2<Long, Long>> results) {
        Map<Long, Long> sums = new TreeMap<>();
        for (Tuple2<Long, Long> r : results) {
            assertEquals(null, sums.put(r.f0, r.f1), "key " + r.f0 + " emitted twice");
        }
        return sums;
    }

    @ParameterizedTest
    @CsvSource({"1, HASHMAP", "2, HASHMAP", "2, ROCKSDB_INCREMENTAL"})
    void keyedStateAfterAFailureEqualsTheFailureFreeRun(int parallelism, TestedBackend backend, @TempDir Path dir)
            throws Exception {
        StreamExecutionEnvironment failureFreeEnv = environment(parallelism, CheckpointingMode.EXACTLY_ONCE);
        backend.configure(failureFreeEnv, dir.resolve("clean"));
        Map<Long, Long> failureFree = asMap(run(failureFreeEnv, false));
        assertEquals(expected(), failureFree);
        reset();

        StreamExecutionEnvironment env = environment(parallelism, CheckpointingMode.EXACTLY_ONCE);
        backend.configure(env, dir.resolve("recovered"));
        Map<Long, Long> recovered = asMap(run(env, true));
        backend.assertRan(dir.resolve("recovered"));

        assertEquals(1, FAILURES.get(), "exactly one failure was injected");
        assertTrue(ATTEMPTS.containsKey(1), "the job ran a second attempt: " + ATTEMPTS.keySet());
        assertTrue(SEEN_AFTER_RESTART.get() > 0 && SEEN_AFTER_RESTART.get() < RECORDS,
                "the second attempt resumed from a checkpoint, not from the start: it processed "
                        + SEEN_AFTER_RESTART.get() + " of " + RECORDS + " records");
        assertEquals(failureFree, recovered);
    }

    @Test
    void aCheckpointedSourceFunctionResumesFromItsCheckpointedPosition() throws Exception {
        StreamExecutionEnvironment env = environment(2, CheckpointingMode.EXACTLY_ONCE);
        Map<Long, Long> recovered = asMap(env.addSource(new CountingSource(), Types.LONG)
                .keyBy(x -> x % KEYS)
                .process(new SumPerKey(RECORDS / 3))
                .executeAndCollect(1_000));
        assertEquals(1, FAILURES.get());
        assertTrue(SEEN_AFTER_RESTART.get() > 0 && SEEN_AFTER_RESTART.get() < RECORDS,
                "resumed from the checkpointed position: " + SEEN_AFTER_RESTART.get());
        assertEquals(expected(), recovered);
    }

    @Test
    void atLeastOnceRecoveryLosesNothing() throws Exception {
        Map<Long, Long> recovered = asMap(run(environment(2, CheckpointingMode.AT_LEAST_ONCE), true));
        assertEquals(1, FAILURES.get());
        Map<Long, Long> expected = expected();
        for (Map.Entry<Long, Long> e : expected.entrySet()) {
            assertTrue(recovered.get(e.getKey()) >= e.getValue(),
                    "key " + e.getKey() + ": " + recovered.get(e.getKey()) + " < " + e.getValue());
        }
    }

    /**
     * Emits 0 .. RECORDS-1 at a steady pace, its position in operator state: it changes the position
     * and emits under the checkpoint lock, so a checkpoint sees both or neither.
     */
    static final class CountingSource extends PositionSource {
        CountingSource() {
            super(30, 10);
        }

        @Override
        boolean hasMore(long next) {
            return next < RECORDS;
        }

        @Override
        void emit(SourceContext<Long> ctx, long n) {
            ctx.collect(n);
        }
    }

    /**
     * Sums the values per key and emits each key's sum at the end of input (an event-time timer at
     * the end of time). Fails once, in the first attempt, after {@code failAfter} records and after
     * a checkpoint completed.
     */
    static final class SumPerKey extends KeyedProcessFunction<Long, Long, Tuple2<Long, Long>>
            implements CheckpointListener {
        private final long failAfter;
        private transient ValueState<Long> sum;
        private transient long seen;
        private transient int attempt;

        SumPerKey(long failAfter) {
            this.failAfter = failAfter;
        }

        @Override
        public void open(OpenContext context) {
            sum = getRuntimeContext().getState(new ValueStateDescriptor<>("sum", Types.LONG));
            attempt = getRuntimeContext().getTaskInfo().getAttemptNumber();
            ATTEMPTS.put(attempt, true);
        }

        @Override
        public void processElement(Long value, Context ctx, Collector<Tuple2<Long, Long>> out) throws Exception {
            Long current = sum.value();
            if (current == null) {
                ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
            }
            sum.update((current == null ? 0 : current) + value);
            seen++;
            PROCESSED.incrementAndGet();
            if (attempt == 1) {
                SEEN_AFTER_RESTART.incrementAndGet();
            }
            int parallelism = getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks();
            if (attempt == 0 && seen >= failAfter / parallelism && CHECKPOINT_COMPLETED.get()
                    && FAILURES.compareAndSet(0, 1)) {
                throw new IllegalStateException("injected failure after " + seen + " records");
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
    }
}
