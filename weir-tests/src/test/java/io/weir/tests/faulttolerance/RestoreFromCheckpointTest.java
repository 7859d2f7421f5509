package io.weir.tests.faulttolerance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.configuration.CheckpointingOptions;
import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.ExternalizedCheckpointRetention;
import io.weir.api.configuration.StateRecoveryOptions;
import io.weir.api.connector.datagen.DataGeneratorSource;
import io.weir.api.connector.datagen.RateLimiterStrategy;
import io.weir.api.connector.sink.DiscardingSink;
import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.execution.JobClient;
import io.weir.api.tuple.Tuple2;
import io.weir.api.types.Types;
import io.weir.testutils.MiniClusterExtension;
import java.io.IOException;
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
 * A job cancelled after a checkpoint, with its checkpoints retained, is resumed by a new run of the
 * program from that checkpoint ({@code execution.state-recovery.path}) — from a moved directory and
 * at another parallelism — and ends with the results of one uninterrupted run. State of an operator
 * the new job lacks fails the restore unless ignored.
 */
class RestoreFromCheckpointTest {
    private static final int KEYS = 10;
    private static final long RECORDS = 8_000;

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
            .setNumberTaskManagers(2).setNumberSlotsPerTaskManager(3).build();

    @BeforeEach
    void reset() {
        ExactlyOnceRecoveryTest.PROCESSED.set(0);
    }

    private static DataStream<Tuple2<Long, Long>> program(StreamExecutionEnvironment env, String sumUid) {
        return env.fromSource(new DataGeneratorSource<>(i -> i, RECORDS, RateLimiterStrategy.perSecond(4_000), Types.LONG),
                        WatermarkStrategy.noWatermarks(), "paced numbers").uid("numbers")
                .keyBy(x -> x % KEYS)
                .process(new ExactlyOnceRecoveryTest.SumPerKey(Long.MAX_VALUE)).uid(sumUid);
    }

    /** Runs the program with retained checkpoints until one completed, cancels it, returns the latest checkpoint. */
    private static Path runUntilACheckpointAndCancel(Path checkpoints) throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(2);
        env.enableCheckpointing(50);
        Configuration config = new Configuration();
        config.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints.toUri().toString());
        config.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        env.configure(config);
        program(env, "sums").sinkTo(new DiscardingSink<>());
        JobClient client = env.executeAsync("first run");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (ExactlyOnceRecoveryTest.PROCESSED.get() < RECORDS / 8) {
            assertTrue(System.nanoTime() < deadline, "the job did not process " + RECORDS / 8 + " records within 60 s");
            Thread.onSpinWait();
        }
        // a checkpoint completed before that point could hold no progress at all: wait for a later one
        long seenBefore = checkpointId(latestCheckpoint(checkpoints));
        while (checkpointId(latestCheckpoint(checkpoints)) <= seenBefore + 1) {
            assertTrue(System.nanoTime() < deadline, "no checkpoint completed within 60 s");
            Thread.onSpinWait();
        }
        client.cancel().get(60, TimeUnit.SECONDS);
        Path latest = latestCheckpoint(checkpoints);
        assertTrue(latest != null);
        return latest;
    }

    private static long checkpointId(Path checkpoint) {
        return checkpoint == null ? 0 : Long.parseLong(checkpoint.getFileName().toString().substring(4));
    }

    /** The completed checkpoint (a chk-N directory with _metadata) with the highest N, or null. */
    private static Path latestCheckpoint(Path checkpoints) throws IOException {
        if (!Files.exists(checkpoints)) {
            return null;
        }
        try (Stream<Path> dirs = Files.walk(checkpoints, 2)) {
            return dirs.filter(p -> p.getFileName().toString().startsWith("chk-"))
                    .filter(p -> Files.exists(p.resolve("_metadata")))
                    .max(Comparator.comparingLong(p -> Long.parseLong(p.getFileName().toString().substring(4))))
                    .orElse(null);
        } catch (java.io.UncheckedIOException e) {
            return null; // a checkpoint was deleted while we looked
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }

    private static StreamExecutionEnvironment restoring(int parallelism, Path checkpoint, boolean ignoreUnclaimed) {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(parallelism);
        Configuration config = new Configuration();
        config.set(StateRecoveryOptions.SAVEPOINT_PATH, checkpoint.toString());
        config.set(StateRecoveryOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE, ignoreUnclaimed);
        env.configure(config);
        return env;
    }

    private static Map<Long, Long> expected() {
        Map<Long, Long> sums = new TreeMap<>();
        for (long i = 0; i < RECORDS; i++) {
            sums.merge(i % KEYS, i, Long::sum);
        }
        return sums;
    }

    @Test
    void aMovedCheckpointResumesAtAnotherParallelismWithTheResultsOfOneRun(@TempDir Path dir) throws Exception {
        Path checkpoint = runUntilACheckpointAndCancel(dir.resolve("checkpoints"));
        Path moved = dir.resolve("moved").resolve(checkpoint.getFileName());
        copy(checkpoint, moved);
        ExactlyOnceRecoveryTest.PROCESSED.set(0);

        List<Tuple2<Long, Long>> results = program(restoring(3, moved, false), "sums").executeAndCollect(1_000);

        Map<Long, Long> sums = new TreeMap<>();
        for (Tuple2<Long, Long> r : results) {
            assertEquals(null, sums.put(r.f0, r.f1), "key " + r.f0 + " emitted twice");
        }
        assertEquals(expected(), sums);
        long processed = ExactlyOnceRecoveryTest.PROCESSED.get();
        assertTrue(processed > 0 && processed < RECORDS, "the second run resumed where the checkpoint was: it "
                + "processed " + processed + " of " + RECORDS + " records");
    }

    @Test
    void stateOfAnOperatorTheJobLacksFailsTheRestoreUnlessIgnored(@TempDir Path dir) throws Exception {
        Path checkpoint = runUntilACheckpointAndCancel(dir.resolve("checkpoints"));
        Exception e = assertThrows(Exception.class,
                () -> program(restoring(2, checkpoint, false), "renamed sums").executeAndCollect(1_000));
        String message = String.valueOf(e.getMessage()) + " " + e.getCause();
        assertTrue(message.contains("uid 'sums'") && message.contains("ignore-unclaimed-state"), message);

        List<Tuple2<Long, Long>> results = program(restoring(2, checkpoint, true), "renamed sums").executeAndCollect(1_000);
        assertEquals(KEYS, results.size(), "the job ran without the unclaimed state");
    }

    @Test
    void aMissingCheckpointFailsWithTheKeyToFix(@TempDir Path dir) {
        Exception e = assertThrows(Exception.class,
                () -> program(restoring(2, dir.resolve("nothing-here"), false), "sums").executeAndCollect(1_000));
        String message = String.valueOf(e.getMessage()) + " " + e.getCause();
        assertTrue(message.contains("execution.state-recovery.path") && message.contains("_metadata"), message);
    }
}
