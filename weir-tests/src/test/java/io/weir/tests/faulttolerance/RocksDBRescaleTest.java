package io.weir.tests.faulttolerance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.configuration.CheckpointingOptions;
import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.ExternalizedCheckpointRetention;
import io.weir.api.configuration.StateBackendOptions;
import io.weir.api.configuration.StateRecoveryOptions;
import io.weir.api.connector.datagen.DataGeneratorSource;
import io.weir.api.connector.datagen.RateLimiterStrategy;
import io.weir.api.connector.sink.DiscardingSink;
import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.execution.JobClient;
import io.weir.api.execution.SavepointFormatType;
import io.weir.api.tuple.Tuple2;
import io.weir.api.types.Types;
import io.weir.testutils.MiniClusterExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keyed state on RocksDB moved to other parallelisms and backends by whole jobs: an incremental
 * checkpoint (database files in the job's shared directory) resumed at 4 subtasks, whose own
 * incremental checkpoint is resumed at 2; and a savepoint of a RocksDB job resumed on the heap
 * backend at 3 subtasks. Each chain of runs ends with the results of one uninterrupted run.
 */
class RocksDBRescaleTest {
    private static final int KEYS = 10;
    private static final long RECORDS = 8_000;

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
            .setNumberTaskManagers(2).setNumberSlotsPerTaskManager(4).build();

    @BeforeEach
    void reset() {
        ExactlyOnceRecoveryTest.PROCESSED.set(0);
    }

    /**
     * The keyed sum; the source runs as one subtask in every run, since a source subtask without a
     * split ends at once and checkpoints are taken only while every task runs.
     */
    private static DataStream<Tuple2<Long, Long>> program(StreamExecutionEnvironment env) {
        return env.fromSource(new DataGeneratorSource<>(i -> i, RECORDS, RateLimiterStrategy.perSecond(4_000), Types.LONG),
                        WatermarkStrategy.noWatermarks(), "paced numbers").uid("numbers").setParallelism(1)
                .keyBy(x -> x % KEYS)
                .process(new ExactlyOnceRecoveryTest.SumPerKey(Long.MAX_VALUE)).uid("sums");
    }

    /** An environment on RocksDB, its local files under {@code dir}, resuming from {@code restoreFrom} if given. */
    private static StreamExecutionEnvironment onRocksDB(int parallelism, Path dir, Path restoreFrom) {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(parallelism);
        Configuration config = new Configuration();
        config.set(StateBackendOptions.STATE_BACKEND, "rocksdb");
        config.setString("state.backend.rocksdb.localdir", dir.resolve("rocksdb").toString());
        if (restoreFrom != null) {
            config.set(StateRecoveryOptions.SAVEPOINT_PATH, restoreFrom.toString());
        }
        env.configure(config);
        return env;
    }

    /** Retained incremental checkpoints every 50 ms into {@code checkpoints}. */
    private static void retainIncrementalCheckpoints(StreamExecutionEnvironment env, Path checkpoints) {
        env.enableCheckpointing(50);
        Configuration config = new Configuration();
        config.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
        config.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints.toString());
        config.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        env.configure(config);
    }

    /** Runs the job until it processed {@code records} (in total) and a checkpoint completed; cancels it. */
    private static Path runUntilACheckpointAndCancel(StreamExecutionEnvironment env, Path checkpoints, long records)
            throws Exception {
        program(env).sinkTo(new DiscardingSink<>());
        JobClient client = env.executeAsync("until a checkpoint");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Path before = latestCheckpoint(checkpoints);
        while (true) {
            Path latest = latestCheckpoint(checkpoints); // once per look: an older one is deleted as a new one completes
            if (latest != null && !latest.equals(before) && ExactlyOnceRecoveryTest.PROCESSED.get() >= records) {
                break;
            }
            assertTrue(System.nanoTime() < deadline, "no checkpoint completed within 60 s");
            Thread.onSpinWait();
        }
        client.cancel().get(60, TimeUnit.SECONDS);
        return latestCheckpoint(checkpoints);
    }

    /** The completed checkpoint (a chk-N directory with _metadata) with the highest N, or null. */
    private static Path latestCheckpoint(Path checkpoints) {
        if (!Files.exists(checkpoints)) {
            return null;
        }
        try (Stream<Path> dirs = Files.walk(checkpoints, 2)) {
            return dirs.filter(p -> p.getFileName().toString().startsWith("chk-"))
                    .filter(p -> Files.exists(p.resolve("_metadata")))
                    .max(Comparator.comparingLong(p -> Long.parseLong(p.getFileName().toString().substring(4))))
                    .orElse(null);
        } catch (IOException | UncheckedIOException e) {
            return null; // a checkpoint was deleted while we looked
        }
    }

    private static void assertOneRunsResults(List<Tuple2<Long, Long>> results) {
        Map<Long, Long> sums = new TreeMap<>();
        for (Tuple2<Long, Long> r : results) {
            assertEquals(null, sums.put(r.f0, r.f1), "key " + r.f0 + " emitted twice");
        }
        Map<Long, Long> expected = new TreeMap<>();
        for (long i = 0; i < RECORDS; i++) {
            expected.merge(i % KEYS, i, Long::sum);
        }
        assertEquals(expected, sums);
    }

    @Test
    void anIncrementalCheckpointResumesAtFourSubtasksAndItsOwnAtTwo(@TempDir Path dir) throws Exception {
        StreamExecutionEnvironment first = onRocksDB(1, dir, null);
        retainIncrementalCheckpoints(first, dir.resolve("first"));
        Path fromOne = runUntilACheckpointAndCancel(first, dir.resolve("first"), RECORDS / 8);
        try (Stream<Path> shared = Files.list(fromOne.resolveSibling("shared"))) {
            assertTrue(shared.findAny().isPresent(), "the checkpoint's database files are in the shared directory");
        }

        StreamExecutionEnvironment second = onRocksDB(4, dir, fromOne);
        retainIncrementalCheckpoints(second, dir.resolve("second"));
        Path fromFour = runUntilACheckpointAndCancel(second, dir.resolve("second"), RECORDS / 4);

        ExactlyOnceRecoveryTest.PROCESSED.set(0);
        assertOneRunsResults(program(onRocksDB(2, dir, fromFour)).executeAndCollect(1_000));
        long processed = ExactlyOnceRecoveryTest.PROCESSED.get();
        assertTrue(processed > 0 && processed < RECORDS, "the last run resumed where the checkpoint was: it processed "
                + processed + " of " + RECORDS + " records");
    }

    @Test
    void aSavepointOfARocksDBJobResumesOnTheHeapAtThreeSubtasks(@TempDir Path dir) throws Exception {
        StreamExecutionEnvironment env = onRocksDB(2, dir, null);
        program(env).sinkTo(new DiscardingSink<>());
        JobClient client = env.executeAsync("on rocksdb");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (ExactlyOnceRecoveryTest.PROCESSED.get() < RECORDS / 8) {
            assertTrue(System.nanoTime() < deadline, "the job did not process " + RECORDS / 8 + " records within 60 s");
            Thread.onSpinWait();
        }
        String savepoint = client.stopWithSavepoint(false, dir.resolve("savepoints").toString(),
                SavepointFormatType.NATIVE).get(60, TimeUnit.SECONDS);

        ExactlyOnceRecoveryTest.PROCESSED.set(0);
        StreamExecutionEnvironment onHeap = CLUSTER.createEnvironment(3);
        Configuration config = new Configuration();
        config.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
        onHeap.configure(config);
        assertOneRunsResults(program(onHeap).executeAndCollect(1_000));
        assertTrue(ExactlyOnceRecoveryTest.PROCESSED.get() < RECORDS, "resumed from the savepoint");
    }
}
