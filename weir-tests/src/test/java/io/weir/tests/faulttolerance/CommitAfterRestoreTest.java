package io.weir.tests.faulttolerance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.RestartStrategyOptions;
import io.weir.api.connector.datagen.DataGeneratorSource;
import io.weir.api.connector.datagen.RateLimiterStrategy;
import io.weir.api.connector.sink.Committer;
import io.weir.api.connector.sink.CommitterInitContext;
import io.weir.api.connector.sink.CommittingSinkWriter;
import io.weir.api.connector.sink.Sink;
import io.weir.api.connector.sink.SupportsCommitter;
import io.weir.api.connector.sink.WriterInitContext;
import io.weir.api.connector.source.SimpleVersionedSerializer;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.types.Types;
import io.weir.testutils.MiniClusterExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The failure between a checkpoint's completion and its commit: the committer of a two-phase-commit
 * sink fails the first time it commits, after the checkpoint completed. The restarted job restores
 * that checkpoint, which still holds the committables, and commits them again — so the output has
 * every record once. Without the commit on restore those records would be lost.
 */
class CommitAfterRestoreTest {
    private static final long RECORDS = 4_000;

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build();

    static final AtomicBoolean COMMIT_FAILED = new AtomicBoolean();

    @Test
    void committablesOfACheckpointWhoseCommitFailedAreCommittedAfterTheRestore(@TempDir Path dir) throws Exception {
        COMMIT_FAILED.set(false);
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(2);
        env.enableCheckpointing(50);
        Configuration restarts = new Configuration();
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(10));
        env.configure(restarts);
        env.fromSource(new DataGeneratorSource<>(i -> i, RECORDS, RateLimiterStrategy.perSecond(3_000), Types.LONG),
                        WatermarkStrategy.noWatermarks(), "numbers")
                .sinkTo(new RenamingSink(dir.toString()));
        env.execute("commit after restore");

        assertTrue(COMMIT_FAILED.get(), "the injected commit failure happened");
        List<String> expected = new ArrayList<>();
        for (long i = 0; i < RECORDS; i++) {
            expected.add(Long.toString(i));
        }
        Collections.sort(expected);
        assertEquals(expected, CommittedFiles.lines(dir), "every record once");
    }

    /**
     * Writes each checkpoint's records into a hidden file and renames it when committed; its
     * committer fails its first non-empty commit in the first attempt.
     */
    static final class RenamingSink implements Sink<Long>, SupportsCommitter<String> {
        private final String dir;

        RenamingSink(String dir) {
            this.dir = dir;
        }

        @Override
        public CommittingSinkWriter<Long, String> createWriter(WriterInitContext context) {
            return new CommittingSinkWriter<>() {
                private final List<String> buffered = new ArrayList<>();

                @Override
                public void write(Long element, Context context) {
                    buffered.add(Long.toString(element));
                }

                @Override
                public void flush(boolean endOfInput) {}

                @Override
                public Collection<String> prepareCommit() throws IOException {
                    if (buffered.isEmpty()) {
                        return List.of();
                    }
                    Path pending = Path.of(dir, ".pending-" + UUID.randomUUID());
                    Files.write(pending, buffered, StandardCharsets.UTF_8);
                    buffered.clear();
                    return List.of(pending.toString());
                }

                @Override
                public void close() {}
            };
        }

        @Override
        public Committer<String> createCommitter(CommitterInitContext context) {
            int attempt = context.getTaskInfo().getAttemptNumber();
            return new Committer<>() {
                @Override
                public void commit(Collection<CommitRequest<String>> requests) throws IOException {
                    if (attempt == 0 && !requests.isEmpty() && COMMIT_FAILED.compareAndSet(false, true)) {
                        throw new IOException("injected: the commit after a completed checkpoint fails");
                    }
                    for (CommitRequest<String> request : requests) {
                        Path pending = Path.of(request.getCommittable());
                        Path target = pending.resolveSibling(pending.getFileName().toString().substring(1));
                        if (Files.exists(pending)) {
                            Files.move(pending, target, StandardCopyOption.ATOMIC_MOVE);
                        } else if (Files.exists(target)) {
                            request.signalAlreadyCommitted();
                        } else {
                            request.signalFailedWithKnownReason(new IOException(pending + " is gone"));
                        }
                    }
                }

                @Override
                public void close() {}
            };
        }

        @Override
        public SimpleVersionedSerializer<String> getCommittableSerializer() {
            return new SimpleVersionedSerializer<>() {
                @Override
                public int getVersion() {
                    return 1;
                }

                @Override
                public byte[] serialize(String path) {
                    return path.getBytes(StandardCharsets.UTF_8);
                }

                @Override
                public String deserialize(int version, byte[] serialized) {
                    return new String(serialized, StandardCharsets.UTF_8);
                }
            };
        }
    }
}
