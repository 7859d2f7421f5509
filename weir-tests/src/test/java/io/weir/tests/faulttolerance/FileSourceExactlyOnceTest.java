package io.weir.tests.faulttolerance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.api.common.serialization.SimpleStringEncoder;
import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.execution.JobClient;
import io.weir.api.fs.Path;
import io.weir.api.functions.MapFunction;
import io.weir.api.types.Types;
import io.weir.connector.file.sink.FileSink;
import io.weir.connector.file.sink.bucketassigners.BasePathBucketAssigner;
import io.weir.connector.file.src.FileSource;
import io.weir.connector.file.src.reader.CsvReaderFormat;
import io.weir.connector.file.src.reader.DeserializingLineFormat;
import io.weir.connector.file.src.reader.TextLineInputFormat;
import io.weir.formats.json.JsonDeserializationSchema;
import io.weir.testutils.InjectedFailure;
import io.weir.testutils.MiniClusterExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The FileSource reads every line of its files exactly once across an injected failure — bounded
 * (files cut into many small splits, so the failure hits readers in the middle of a split) and
 * continuous (files appear while the job runs) — and the FileSink's committed output equals the
 * failure-free run. Also CSV and JSON lines end to end.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FileSourceExactlyOnceTest {
    private static final int FILES = 20;
    private static final int LINES_PER_FILE = 500;

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
            .setNumberTaskManagers(2).setNumberSlotsPerTaskManager(2).build();

    @TempDir
    java.nio.file.Path dir;

    @BeforeEach
    void reset() {
        InjectedFailure.reset();
    }

    /** Writes file {@code f} of numbers, atomically (hidden first, then renamed), into {@code in}. */
    private static void writeNumbers(java.nio.file.Path in, int f) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < LINES_PER_FILE; i++) {
            text.append(f * LINES_PER_FILE + i).append('\n');
        }
        java.nio.file.Path hidden = in.resolve(".numbers-" + f + ".txt");
        Files.writeString(hidden, text);
        Files.move(hidden, in.resolve("numbers-" + f + ".txt"), StandardCopyOption.ATOMIC_MOVE);
    }

    private static List<String> allNumbers() {
        List<String> lines = new ArrayList<>();
        for (long i = 0; i < (long) FILES * LINES_PER_FILE; i++) {
            lines.add(Long.toString(i));
        }
        Collections.sort(lines);
        return lines;
    }

    /** Lines → numbers → (one failure) → lines into a FileSink under {@code out}. */
    private static StreamExecutionEnvironment job(FileSource<String> source, java.nio.file.Path out, boolean fail) {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(2);
        InjectedFailure.checkpointAndRestartQuickly(env);
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "numbers")
                .map(Long::valueOf).returns(Types.LONG)
                .map(new Paced<>(4_000)).returns(Types.LONG)
                .map(new InjectedFailure.FailOnce(fail ? (long) FILES * LINES_PER_FILE / 8 : Long.MAX_VALUE))
                .returns(Types.LONG)
                .map(String::valueOf).returns(Types.STRING)
                .sinkTo(FileSink.forRowFormat(out, new SimpleStringEncoder<String>())
                        .withBucketAssigner(new BasePathBucketAssigner<>()).build());
        return env;
    }

    @Test
    void boundedSourceAfterAFailureEqualsTheFailureFreeRun() throws Exception {
        java.nio.file.Path in = Files.createDirectories(dir.resolve("in"));
        for (int f = 0; f < FILES; f++) {
            writeNumbers(in, f);
        }
        Files.writeString(in.resolve("_SUCCESS"), "a marker file: hidden, not read\n");
        FileSource<String> source = FileSource.forRecordStreamFormat(new TextLineInputFormat(), new Path(in.toString()))
                .setSplitSize(700)
                .build();

        job(source, dir.resolve("clean"), false).execute("file source");
        List<String> failureFree = committedLines(dir.resolve("clean"));
        assertEquals(allNumbers(), failureFree);

        job(source, dir.resolve("recovered"), true).execute("file source with a failure");
        assertEquals(1, InjectedFailure.FAILURES.get(), "exactly one failure was injected");
        assertEquals(failureFree, committedLines(dir.resolve("recovered")), "every line once: none lost, none twice");
    }

    @Test
    void continuousSourceReadsFilesAsTheyAppearOnceEachAcrossAFailure() throws Exception {
        java.nio.file.Path in = Files.createDirectories(dir.resolve("in"));
        java.nio.file.Path out = dir.resolve("out");
        FileSource<String> source = FileSource.forRecordStreamFormat(new TextLineInputFormat(), new Path(in.toString()))
                .monitorContinuously(Duration.ofMillis(20))
                .build();
        JobClient client = job(source, out, true).executeAsync("monitoring file source");
        try {
            for (int f = 0; f < FILES; f++) {
                writeNumbers(in, f);
                if (f == FILES / 2) {
                    awaitCommittedLines(out, LINES_PER_FILE);
                }
            }
            awaitCommittedLines(out, FILES * LINES_PER_FILE);
            assertEquals(1, InjectedFailure.FAILURES.get(), "exactly one failure was injected");
            assertEquals(allNumbers(), committedLines(out), "every line once: none lost, none twice");
        } finally {
            client.cancel().get(30, TimeUnit.SECONDS);
        }
    }

    /** Waits (up to the test's timeout) until the committed output has at least {@code count} lines. */
    private static void awaitCommittedLines(java.nio.file.Path out, int count) throws Exception {
        while (!Files.exists(out) || committedLines(out).size() < count) {
            Thread.sleep(20); // polls the file system, which has no change notification we can wait on here
        }
    }

    public record Trade(String symbol, long quantity) {}

    @Test
    void csvAndJsonLinesFilesBecomeRecords() throws Exception {
        java.nio.file.Path csv = Files.createDirectories(dir.resolve("csv"));
        Files.writeString(csv.resolve("a.csv"), "symbol,quantity\nACME,10\n\"Big, Co\",2\n");
        java.nio.file.Path json = Files.createDirectories(dir.resolve("json"));
        Files.writeString(json.resolve("a.jsonl"), "{\"symbol\":\"ACME\",\"quantity\":10}\n\n{\"symbol\":\"Z\",\"quantity\":3}\n");

        StreamExecutionEnvironment env = CLUSTER.createEnvironment(2);
        DataStream<Trade> fromCsv = env.fromSource(FileSource.forRecordStreamFormat(
                CsvReaderFormat.forPojo(Trade.class).withHeaderSkipped(), new Path(csv.toString())).build(),
                WatermarkStrategy.noWatermarks(), "csv");
        DataStream<Trade> fromJson = env.fromSource(FileSource.forRecordStreamFormat(
                new DeserializingLineFormat<>(new JsonDeserializationSchema<>(Trade.class)), new Path(json.toString()))
                .build(), WatermarkStrategy.noWatermarks(), "json lines");
        List<String> got = new ArrayList<>();
        fromCsv.union(fromJson).map(Trade::toString).returns(Types.STRING).executeAndCollect().forEachRemaining(got::add);
        Collections.sort(got);
        assertEquals(List.of(new Trade("ACME", 10).toString(), new Trade("ACME", 10).toString(),
                new Trade("Big, Co", 2).toString(), new Trade("Z", 3).toString()), got);
    }

    /**
     * Every line of the finished (visible) part files, sorted. Lists names only (the sink renames its
     * hidden files while we look) and reads the visible ones, which never change once committed.
     */
    private static List<String> committedLines(java.nio.file.Path out) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.list(out)) {
            for (java.nio.file.Path file : files.filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
                lines.addAll(Files.readAllLines(file));
            }
        }
        Collections.sort(lines);
        return lines;
    }

    /**
     * Passes values on at most {@code perSecond} per subtask, so that checkpoints complete while the
     * job reads (files are read far faster than the failure injection needs).
     */
    static final class Paced<T> implements MapFunction<T, T> {
        private final double perSecond;
        private transient long startNanos;
        private transient long seen;

        Paced(double perSecond) {
            this.perSecond = perSecond;
        }

        @Override
        public T map(T value) throws InterruptedException {
            if (startNanos == 0) {
                startNanos = System.nanoTime();
            }
            long dueNanos = (long) (++seen / perSecond * 1e9);
            long aheadNanos = dueNanos - (System.nanoTime() - startNanos);
            if (aheadNanos > 1_000_000) {
                TimeUnit.NANOSECONDS.sleep(aheadNanos);
            }
            return value;
        }
    }
}
