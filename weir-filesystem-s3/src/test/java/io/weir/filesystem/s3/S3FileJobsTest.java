package io.weir.filesystem.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.api.common.serialization.SimpleStringEncoder;
import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.RestartStrategyOptions;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.fs.FSDataInputStream;
import io.weir.api.fs.FSDataOutputStream;
import io.weir.api.fs.FileStatus;
import io.weir.api.fs.FileSystem;
import io.weir.api.fs.Path;
import io.weir.api.functions.RichMapFunction;
import io.weir.api.state.CheckpointListener;
import io.weir.api.types.Types;
import io.weir.connector.file.sink.FileSink;
import io.weir.connector.file.sink.bucketassigners.BasePathBucketAssigner;
import io.weir.connector.file.src.FileSource;
import io.weir.connector.file.src.reader.TextLineInputFormat;
import io.weir.testutils.MiniClusterExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jobs on {@code s3://} (an in-process s3proxy): a FileSource reads text files from a bucket and a
 * FileSink writes them to another prefix through multipart uploads; after an injected failure the
 * committed objects hold every line exactly once, equal to the failure-free run.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class S3FileJobsTest {
    private static final int FILES = 8;
    private static final int LINES = 1_000;
    static final AtomicInteger FAILURES = new AtomicInteger();
    static final AtomicBoolean CHECKPOINT_COMPLETED = new AtomicBoolean();

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build();

    @TempDir
    static java.nio.file.Path storage;

    private static S3ProxyServer server;

    @BeforeAll
    static void startServerAndWriteInput() throws Exception {
        server = new S3ProxyServer(storage.resolve("s3"), "jobs");
        FileSystem.initialize(server.config());
        FileSystem fs = new Path("s3://jobs/").getFileSystem();
        for (int f = 0; f < FILES; f++) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < LINES; i++) {
                text.append(f * LINES + i).append('\n');
            }
            try (FSDataOutputStream out = fs.create(new Path("s3://jobs/in/day=" + (f % 2) + "/numbers-" + f + ".txt"),
                    FileSystem.WriteMode.OVERWRITE)) {
                out.write(text.toString().getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    @AfterAll
    static void stopServer() throws Exception {
        FileSystem.initialize(new Configuration());
        server.close();
    }

    @BeforeEach
    void reset() {
        FAILURES.set(0);
        CHECKPOINT_COMPLETED.set(false);
    }

    private static void run(String out, boolean fail) throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(2);
        env.enableCheckpointing(50);
        Configuration restarts = new Configuration();
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(10));
        env.configure(restarts);
        env.fromSource(FileSource.forRecordStreamFormat(new TextLineInputFormat(), new Path("s3://jobs/in"))
                                .setSplitSize(1_500).build(), WatermarkStrategy.noWatermarks(), "s3 files")
                .map(new FailOnceAfterACheckpoint(fail ? FILES * LINES / 4 : Long.MAX_VALUE)).returns(Types.STRING)
                .sinkTo(FileSink.forRowFormat(new Path(out), new SimpleStringEncoder<String>())
                        .withBucketAssigner(new BasePathBucketAssigner<>()).build());
        env.execute("s3 to s3");
    }

    @Test
    void fileSourceAndFileSinkOnS3AreExactlyOnceAcrossAFailure() throws Exception {
        run("s3://jobs/clean", false);
        List<String> failureFree = committedLines("s3://jobs/clean");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < FILES * LINES; i++) {
            expected.add(Integer.toString(i));
        }
        Collections.sort(expected);
        assertEquals(expected, failureFree);

        run("s3://jobs/recovered", true);
        assertEquals(1, FAILURES.get(), "exactly one failure was injected");
        assertEquals(failureFree, committedLines("s3://jobs/recovered"), "every line once: none lost, none twice");
    }

    /** The lines of every object under {@code prefix} (multipart uploads are invisible until committed). */
    private static List<String> committedLines(String prefix) throws IOException {
        Path dir = new Path(prefix);
        FileSystem fs = dir.getFileSystem();
        List<String> lines = new ArrayList<>();
        for (FileStatus status : fs.listStatus(dir)) {
            try (FSDataInputStream in = fs.open(status.getPath())) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (!text.isEmpty()) {
                    lines.addAll(List.of(text.split("\n")));
                }
            }
        }
        Collections.sort(lines);
        return lines;
    }

    /**
     * Passes lines on, slowly enough that checkpoints complete while the job runs; fails once, in the
     * first attempt, after a checkpoint completed and {@code failAfter / 2} lines of its subtask.
     */
    static final class FailOnceAfterACheckpoint extends RichMapFunction<String, String> implements CheckpointListener {
        private final long failAfter;
        private transient long seen;

        FailOnceAfterACheckpoint(long failAfter) {
            this.failAfter = failAfter;
        }

        @Override
        public String map(String value) throws InterruptedException {
            if (++seen % 20 == 0) {
                TimeUnit.MILLISECONDS.sleep(1); // paces the job so that it outlives a few checkpoints
            }
            if (seen >= failAfter / 2 && getRuntimeContext().getTaskInfo().getAttemptNumber() == 0
                    && CHECKPOINT_COMPLETED.get() && FAILURES.compareAndSet(0, 1)) {
                throw new IllegalStateException("injected failure after " + seen + " lines");
            }
            return value;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            CHECKPOINT_COMPLETED.set(true);
        }
    }
}
