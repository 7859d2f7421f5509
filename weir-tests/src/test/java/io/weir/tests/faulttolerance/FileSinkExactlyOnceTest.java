package io.weir.tests.faulttolerance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.common.serialization.SimpleStringEncoder;
import io.weir.api.connector.datagen.DataGeneratorSource;
import io.weir.api.connector.datagen.RateLimiterStrategy;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.types.Types;
import io.weir.connector.file.sink.FileSink;
import io.weir.connector.file.sink.OutputFileConfig;
import io.weir.connector.file.sink.bucketassigners.BasePathBucketAssigner;
import io.weir.connector.file.sink.rollingpolicies.DefaultRollingPolicy;
import io.weir.testutils.InjectedFailure;
import io.weir.testutils.MiniClusterExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file sink's committed output — the part files a reader of the directory sees — holds every
 * record exactly once after an injected failure, equal to the failure-free run; in-progress and
 * pending files stay hidden.
 */
class FileSinkExactlyOnceTest {
    private static final long RECORDS = 5_000;

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
            .setNumberTaskManagers(2).setNumberSlotsPerTaskManager(2).build();

    @BeforeEach
    void reset() {
        InjectedFailure.reset();
    }

    private static void run(Path out, boolean checkpoints, boolean injectFailure) throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(2);
        if (checkpoints) {
            InjectedFailure.checkpointAndRestartQuickly(env);
        }
        FileSink<String> sink = FileSink.forRowFormat(out, new SimpleStringEncoder<String>())
                .withBucketAssigner(new BasePathBucketAssigner<>())
                .withRollingPolicy(DefaultRollingPolicy.builder().withMaxPartSize(4_096).build())
                .withOutputFileConfig(OutputFileConfig.builder().withPartPrefix("numbers").withPartSuffix(".txt").build())
                .build();
        env.fromSource(new DataGeneratorSource<>(i -> i, RECORDS, RateLimiterStrategy.perSecond(2_500), Types.LONG),
                        WatermarkStrategy.noWatermarks(), "numbers")
                .map(new InjectedFailure.FailOnce(injectFailure ? RECORDS / 8 : Long.MAX_VALUE)).returns(Types.LONG)
                .map(String::valueOf).returns(Types.STRING)
                .sinkTo(sink);
        env.execute("file sink");
    }

    /** Every line of the finished (visible) part files, sorted. */
    private static List<String> committedLines(Path out) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (!name.startsWith(".")) {
                    assertTrue(name.startsWith("numbers-") && name.endsWith(".txt"), name);
                    lines.addAll(Files.readAllLines(file));
                }
            }
        }
        Collections.sort(lines);
        return lines;
    }

    private static List<String> allNumbers() {
        List<String> lines = new ArrayList<>();
        for (long i = 0; i < RECORDS; i++) {
            lines.add(Long.toString(i));
        }
        Collections.sort(lines);
        return lines;
    }

    @Test
    void committedPartFilesAfterAFailureEqualTheFailureFreeRun(@TempDir Path dir) throws Exception {
        Path clean = dir.resolve("clean");
        run(clean, true, false);
        List<String> failureFree = committedLines(clean);
        assertEquals(allNumbers(), failureFree);

        Path recovered = dir.resolve("recovered");
        run(recovered, true, true);
        assertEquals(1, InjectedFailure.FAILURES.get(), "exactly one failure was injected");
        assertEquals(failureFree, committedLines(recovered), "every record once: none lost, none twice");
    }

    @Test
    void withoutCheckpointsPartFilesBecomeVisibleAtTheEndOfInput(@TempDir Path dir) throws Exception {
        run(dir, false, false);
        assertEquals(allNumbers(), committedLines(dir));
        try (Stream<Path> files = Files.walk(dir)) {
            assertEquals(0, files.filter(p -> p.getFileName().toString().endsWith(".inprogress")).count(),
                    "nothing is left in progress after a finished job");
        }
    }

}
