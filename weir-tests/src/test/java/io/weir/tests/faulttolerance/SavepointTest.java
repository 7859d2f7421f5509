package io.weir.tests.faulttolerance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.StateRecoveryOptions;
import io.weir.api.common.serialization.SimpleStringEncoder;
import io.weir.api.connector.datagen.DataGeneratorSource;
import io.weir.api.connector.datagen.RateLimiterStrategy;
import io.weir.api.connector.sink.DiscardingSink;
import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.execution.JobClient;
import io.weir.api.execution.JobStatus;
import io.weir.api.execution.SavepointFormatType;
import io.weir.api.functions.sink.SinkFunction;
import io.weir.api.functions.source.SourceFunction.SourceContext;
import io.weir.api.tuple.Tuple2;
import io.weir.api.types.Types;
import io.weir.connector.file.sink.FileSink;
import io.weir.connector.file.sink.OutputFileConfig;
import io.weir.connector.file.sink.bucketassigners.BasePathBucketAssigner;
import io.weir.testutils.MiniClusterExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Savepoints taken through the {@link JobClient}: of a running job (which goes on), resumed from a
 * moved directory at another parallelism; and stop-with-savepoint, after which the job has finished,
 * its exactly-once output ends exactly at the savepoint, and a job resumed from it completes the
 * output with every record once — for a split-reader source and for a source function.
 */
class SavepointTest {
    private static final int KEYS = 10;
    private static final long RECORDS = 6_000;
    static final Queue<Tuple2<Long, Long>> EMITTED = new ConcurrentLinkedQueue<>();

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
            .setNumberTaskManagers(2).setNumberSlotsPerTaskManager(3).build();

    @BeforeEach
    void reset() {
        ExactlyOnceRecoveryTest.PROCESSED.set(0);
        EMITTED.clear();
    }

    private static DataStream<Tuple2<Long, Long>> sums(StreamExecutionEnvironment env) {
        return env.fromSource(new DataGeneratorSource<>(i -> i, RECORDS, RateLimiterStrategy.perSecond(3_000), Types.LONG),
                        WatermarkStrategy.noWatermarks(), "paced numbers").uid("numbers")
                .keyBy(x -> x % KEYS)
                .process(new ExactlyOnceRecoveryTest.SumPerKey(Long.MAX_VALUE)).uid("sums");
    }

    private static StreamExecutionEnvironment resumingFrom(String savepoint, int parallelism) {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(parallelism);
        Configuration config = new Configuration();
        config.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
        env.configure(config);
        return env;
    }

    private static void awaitProcessed(long records) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (ExactlyOnceRecoveryTest.PROCESSED.get() < records) {
            assertTrue(System.nanoTime() < deadline, "the job did not process " + records + " records within 60 s");
            Thread.onSpinWait();
        }
    }

    private static Map<Long, Long> expectedSums() {
        Map<Long, Long> sums = new TreeMap<>();
        for (long i = 0; i < RECORDS; i++) {
            sums.merge(i % KEYS, i, Long::sum);
        }
        return sums;
    }

    @Test
    void aSavepointOfARunningJobResumesFromAMovedDirectoryAtAnotherParallelism(@TempDir Path dir) throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(2); // no checkpointing: savepoints need none
        sums(env).sinkTo(new DiscardingSink<>());
        JobClient client = env.executeAsync("savepointed");
        awaitProcessed(RECORDS / 8);

        String savepoint = client.triggerSavepoint(dir.resolve("savepoints").toString(), SavepointFormatType.DEFAULT)
                .get(60, TimeUnit.SECONDS);
        assertEquals(JobStatus.RUNNING, client.getJobStatus().get(10, TimeUnit.SECONDS), "the job goes on");
        client.cancel().get(60, TimeUnit.SECONDS);
        Path taken = Path.of(savepoint);
        assertEquals(dir.resolve("savepoints"), taken.getParent());
        assertTrue(taken.getFileName().toString().matches("savepoint-" + client.getJobID().toHexString().substring(0, 6)
                + "-[0-9a-f]{12}"), taken.toString());

        Path moved = dir.resolve("elsewhere").resolve(taken.getFileName());
        Files.createDirectories(moved);
        try (Stream<Path> files = Files.list(taken)) {
            for (Path f : files.toList()) {
                Files.copy(f, moved.resolve(f.getFileName()));
            }
        }
        ExactlyOnceRecoveryTest.PROCESSED.set(0);
        List<Tuple2<Long, Long>> results = sums(resumingFrom(moved.toString(), 3)).executeAndCollect(1_000);

        Map<Long, Long> sums = new TreeMap<>();
        for (Tuple2<Long, Long> r : results) {
            assertEquals(null, sums.put(r.f0, r.f1), "key " + r.f0 + " emitted twice");
        }
        assertEquals(expectedSums(), sums);
        long processed = ExactlyOnceRecoveryTest.PROCESSED.get();
        assertTrue(processed > 0 && processed < RECORDS, "the resumed job went on from the savepoint: it processed "
                + processed + " of " + RECORDS + " records");
    }

    /** A source function emitting 0, 1, 2, ... below {@link #RECORDS}, paced, its position in operator state. */
    static final class Numbers extends PositionSource {
        Numbers() {
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

    private static JobClient startFileJob(Path out, String savepoint, boolean sourceFunction) throws Exception {
        StreamExecutionEnvironment env = savepoint == null ? CLUSTER.createEnvironment(2) : resumingFrom(savepoint, 2);
        env.enableCheckpointing(100);
        DataStream<Long> numbers = sourceFunction
                ? env.addSource(new Numbers(), "numbers").uid("numbers").returns(Types.LONG)
                : env.fromSource(new DataGeneratorSource<>(i -> i, RECORDS, RateLimiterStrategy.perSecond(3_000),
                        Types.LONG), WatermarkStrategy.noWatermarks(), "numbers").uid("numbers");
        numbers.map(String::valueOf).returns(Types.STRING).uid("format")
                .sinkTo(FileSink.forRowFormat(out, new SimpleStringEncoder<String>())
                        .withBucketAssigner(new BasePathBucketAssigner<>())
                        .withOutputFileConfig(OutputFileConfig.builder().withPartPrefix("numbers").build())
                        .build()).uid("files");
        return env.executeAsync("numbers to files");
    }

    private static List<String> allNumbers() {
        List<String> lines = new ArrayList<>();
        for (long i = 0; i < RECORDS; i++) {
            lines.add(Long.toString(i));
        }
        Collections.sort(lines);
        return lines;
    }

    private static void stopThenResumeWritesEveryRecordOnce(Path dir, boolean sourceFunction) throws Exception {
        Path out = dir.resolve("out");
        JobClient first = startFileJob(out, null, sourceFunction);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (CommittedFiles.lines(out).size() < RECORDS / 10) {
            assertTrue(System.nanoTime() < deadline, "no output was committed within 60 s");
            Thread.sleep(5); // polling a directory another job writes; not synchronisation between our threads
        }
        String savepoint = first.stopWithSavepoint(false, dir.resolve("savepoints").toString(), SavepointFormatType.DEFAULT)
                .get(60, TimeUnit.SECONDS);
        first.getJobExecutionResult().get(10, TimeUnit.SECONDS); // finished, not cancelled
        assertEquals(JobStatus.FINISHED, first.getJobStatus().get(10, TimeUnit.SECONDS));
        List<String> atStop = CommittedFiles.lines(out);
        assertEquals(atStop.size(), new HashSet<>(atStop).size(), "no record committed twice");
        assertTrue(atStop.size() < RECORDS, "the job stopped before its input ended: " + atStop.size() + " records");

        startFileJob(out, savepoint, sourceFunction).getJobExecutionResult().get(60, TimeUnit.SECONDS);
        assertEquals(allNumbers(), CommittedFiles.lines(out), "every record once over the stop and the resume");
    }

    @Test
    void stopWithSavepointEndsTheOutputAtTheSavepointAndTheResumedJobCompletesIt(@TempDir Path dir) throws Exception {
        stopThenResumeWritesEveryRecordOnce(dir, false);
    }

    @Test
    void stopWithSavepointSuspendsASourceFunction(@TempDir Path dir) throws Exception {
        stopThenResumeWritesEveryRecordOnce(dir, true);
    }

    @Test
    void stopWithDrainFiresEventTimeTimersBeforeTheSavepointAndWithoutDrainNothingFires(@TempDir Path dir)
            throws Exception {
        for (boolean drain : new boolean[] {false, true}) {
            EMITTED.clear();
            ExactlyOnceRecoveryTest.PROCESSED.set(0);
            StreamExecutionEnvironment env = CLUSTER.createEnvironment(2);
            sums(env).addSink(new SinkFunction<>() {
                @Override
                public void invoke(Tuple2<Long, Long> value) {
                    EMITTED.add(value);
                }
            });
            JobClient client = env.executeAsync("drained=" + drain);
            awaitProcessed(RECORDS / 8);
            client.stopWithSavepoint(drain, dir.resolve("savepoints").toString(), SavepointFormatType.DEFAULT)
                    .get(60, TimeUnit.SECONDS);
            if (drain) {
                // the sums' timers at the end of event time fired: one sum per key, of the records before the savepoint
                Map<Long, Long> sums = new TreeMap<>();
                EMITTED.forEach(r -> assertEquals(null, sums.put(r.f0, r.f1), "key " + r.f0 + " emitted twice"));
                assertEquals(KEYS, sums.size(), EMITTED.toString());
                long processed = ExactlyOnceRecoveryTest.PROCESSED.get();
                assertTrue(processed < RECORDS, "stopped early: " + processed);
            } else {
                assertEquals(List.of(), List.copyOf(EMITTED), "without drain no timer at the end of event time fires");
            }
        }
    }

    @Test
    void aSavepointWithoutADirectoryOrOfAnEndedJobFailsSayingWhatToDo(@TempDir Path dir) throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
        sums(env).sinkTo(new DiscardingSink<>());
        JobClient client = env.executeAsync("no directory");
        awaitProcessed(1);
        ExecutionException noDirectory = assertThrows(ExecutionException.class,
                () -> client.triggerSavepoint(null, SavepointFormatType.DEFAULT).get(60, TimeUnit.SECONDS));
        assertTrue(noDirectory.getCause().getMessage().contains("execution.checkpointing.savepoint-dir"),
                noDirectory.getCause().getMessage());
        client.cancel().get(60, TimeUnit.SECONDS);

        ExecutionException ended = assertThrows(ExecutionException.class,
                () -> client.triggerSavepoint(dir.toString(), SavepointFormatType.DEFAULT).get(60, TimeUnit.SECONDS));
        assertTrue(ended.getCause().getMessage().contains("running job"), ended.getCause().getMessage());
    }
}
