package io.weir.filesystem.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.configuration.CheckpointingOptions;
import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.ExternalizedCheckpointRetention;
import io.weir.api.configuration.RestartStrategyOptions;
import io.weir.api.configuration.StateBackendOptions;
import io.weir.api.configuration.StateRecoveryOptions;
import io.weir.api.connector.datagen.DataGeneratorSource;
import io.weir.api.connector.datagen.RateLimiterStrategy;
import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.execution.JobClient;
import io.weir.api.execution.SavepointFormatType;
import io.weir.api.fs.FileStatus;
import io.weir.api.fs.FileSystem;
import io.weir.api.fs.Path;
import io.weir.api.functions.RichMapFunction;
import io.weir.api.state.CheckpointListener;
import io.weir.api.tuple.Tuple2;
import io.weir.api.types.Types;
import io.weir.testutils.MiniClusterExtension;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints and savepoints on {@code s3://} (an in-process s3proxy): a keyed job that fails once
 * restores its state from a checkpoint in the bucket and ends with the failure-free sums, on the
 * heap and on RocksDB with incremental checkpoints (whose data files go to the job's
 * {@code shared/} prefix in the bucket); a savepoint taken into the bucket is resumed by a new job,
 * which goes on from it.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class S3CheckpointStorageTest {
    private static final int KEYS = 10;
    private static final long RECORDS = 6_000;
    static final AtomicLong PROCESSED = new AtomicLong();
    static final AtomicInteger FAILURES = new AtomicInteger();
    static final AtomicBoolean CHECKPOINT_COMPLETED = new AtomicBoolean();

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build();

    @TempDir
    static java.nio.file.Path storage;

    private static S3ProxyServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = new S3ProxyServer(storage.resolve("s3"), "state");
        FileSystem.initialize(server.config());
    }

    @AfterAll
    static void stopServer() throws Exception {
        FileSystem.initialize(new Configuration());
        server.close();
    }

    @BeforeEach
    void reset() {
        PROCESSED.set(0);
        FAILURES.set(0);
        CHECKPOINT_COMPLETED.set(false);
    }

    /** Paced numbers, summed per key (running sums); the last sum of each key is the total. */
    private static DataStream<Tuple2<Long, Long>> sums(StreamExecutionEnvironment env, boolean fail) {
        return sums(env, fail, RateLimiterStrategy.perSecond(4_000));
    }

    private static DataStream<Tuple2<Long, Long>> sums(StreamExecutionEnvironment env, boolean fail,
            RateLimiterStrategy rate) {
        return env.fromSource(new DataGeneratorSource<>(i -> i, RECORDS, rate, Types.LONG),
                        WatermarkStrategy.noWatermarks(), "numbers").uid("numbers")
                .map(new CountAndFailOnce(fail)).returns(Types.LONG).uid("count")
                .map(x -> Tuple2.of(x % KEYS, x)).returns(Types.TUPLE(Types.LONG, Types.LONG)).uid("pairs")
                .keyBy(t -> t.f0)
                .reduce((a, b) -> Tuple2.of(a.f0, a.f1 + b.f1)).uid("sums");
    }

    private static Map<Long, Long> totals(List<Tuple2<Long, Long>> runningSums) {
        Map<Long, Long> totals = new TreeMap<>();
        for (Tuple2<Long, Long> sum : runningSums) {
            totals.merge(sum.f0, sum.f1, Math::max);
        }
        return totals;
    }

    private static Map<Long, Long> expectedTotals() {
        Map<Long, Long> totals = new TreeMap<>();
        for (long i = 0; i < RECORDS; i++) {
            totals.merge(i % KEYS, i, Long::sum);
        }
        return totals;
    }

    @Test
    void aJobRestoresFromACheckpointInTheBucket() throws Exception {
        Configuration config = restartingWithCheckpointsIn("s3://state/checkpoints");
        List<Tuple2<Long, Long>> results = runFailingOnce(config);

        assertEquals(1, FAILURES.get(), "exactly one failure was injected");
        assertEquals(expectedTotals(), totals(results), "the sums went on from the state restored from S3");
        FileSystem fs = new Path("s3://state/").getFileSystem();
        FileStatus[] jobs = fs.listStatus(new Path("s3://state/checkpoints"));
        assertEquals(1, jobs.length);
        assertTrue(anyCompleteCheckpoint(fs, jobs[0].getPath()),
                "a completed checkpoint (with its _metadata) is kept in the bucket");
    }

    @Test
    void anIncrementalRocksDBCheckpointInTheBucketIsRestored() throws Exception {
        Configuration config = restartingWithCheckpointsIn("s3://state/incremental");
        config.set(StateBackendOptions.STATE_BACKEND, "rocksdb");
        config.setString("state.backend.rocksdb.localdir", storage.resolve("rocksdb").toString());
        config.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
        List<Tuple2<Long, Long>> results = runFailingOnce(config);

        assertEquals(1, FAILURES.get(), "exactly one failure was injected");
        assertEquals(expectedTotals(), totals(results), "the sums went on from the RocksDB files restored from S3");
        FileSystem fs = new Path("s3://state/").getFileSystem();
        FileStatus[] jobs = fs.listStatus(new Path("s3://state/incremental"));
        assertEquals(1, jobs.length);
        assertTrue(anyCompleteCheckpoint(fs, jobs[0].getPath()), "a completed checkpoint is kept in the bucket");
        FileStatus[] shared = fs.listStatus(new Path(jobs[0].getPath(), "shared"));
        assertTrue(Arrays.stream(shared).anyMatch(file -> file.getPath().getName().endsWith(".sst")),
                "the RocksDB data files are in the job's shared/ prefix of the bucket");
    }

    private static Configuration restartingWithCheckpointsIn(String directory) {
        Configuration config = new Configuration();
        config.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, directory);
        config.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION, ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(10));
        return config;
    }

    /**
     * Runs the job with a failure injected after a completed checkpoint. The source emits a tenth of
     * the records per completed checkpoint, so the job cannot end before its checkpoints however slow
     * the machine is.
     */
    private static List<Tuple2<Long, Long>> runFailingOnce(Configuration config) throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(2);
        env.enableCheckpointing(100);
        env.configure(config);
        return sums(env, true, RateLimiterStrategy.perCheckpoint((int) RECORDS / 10)).executeAndCollect(100_000);
    }

    private static boolean anyCompleteCheckpoint(FileSystem fs, Path jobDirectory) throws Exception {
        for (FileStatus checkpoint : fs.listStatus(jobDirectory)) {
            if (checkpoint.getPath().getName().startsWith("chk-")
                    && fs.exists(new Path(checkpoint.getPath(), "_metadata"))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aSavepointInTheBucketIsResumedByANewJob() throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(2);
        sums(env, false).sinkTo(new io.weir.api.connector.sink.DiscardingSink<>());
        JobClient client = env.executeAsync("savepointed to s3");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (PROCESSED.get() < RECORDS / 8) {
            assertTrue(System.nanoTime() < deadline, "the job did not start processing within 60 s");
            Thread.onSpinWait();
        }
        String savepoint = client.triggerSavepoint("s3://state/savepoints", SavepointFormatType.DEFAULT)
                .get(60, TimeUnit.SECONDS);
        client.cancel().get(60, TimeUnit.SECONDS);
        assertTrue(savepoint.startsWith("s3://state/savepoints/savepoint-"), savepoint);
        assertTrue(new Path(savepoint + "/_metadata").getFileSystem().exists(new Path(savepoint + "/_metadata")));

        PROCESSED.set(0);
        StreamExecutionEnvironment resumed = CLUSTER.createEnvironment(2);
        Configuration config = new Configuration();
        config.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
        resumed.configure(config);
        List<Tuple2<Long, Long>> results = sums(resumed, false).executeAndCollect(100_000);
        assertEquals(expectedTotals(), totals(results), "the resumed job's sums include the savepoint's state");
        assertTrue(PROCESSED.get() < RECORDS, "the resumed job went on from the savepoint: it processed "
                + PROCESSED.get() + " of " + RECORDS + " records");
    }

    /** Counts records; with {@code fail}, fails once in the first attempt, after a checkpoint, a quarter in. */
    static final class CountAndFailOnce extends RichMapFunction<Long, Long> implements CheckpointListener {
        private final boolean fail;

        CountAndFailOnce(boolean fail) {
            this.fail = fail;
        }

        @Override
        public Long map(Long value) {
            long processed = PROCESSED.incrementAndGet();
            if (fail && processed >= RECORDS / 4 && getRuntimeContext().getTaskInfo().getAttemptNumber() == 0
                    && CHECKPOINT_COMPLETED.get() && FAILURES.compareAndSet(0, 1)) {
                throw new IllegalStateException("injected failure after " + processed + " records");
            }
            return value;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            CHECKPOINT_COMPLETED.set(true);
        }
    }
}
