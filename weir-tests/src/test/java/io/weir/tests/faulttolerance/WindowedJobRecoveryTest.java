package io.weir.tests.faulttolerance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.weir.api.common.serialization.SimpleStringEncoder;
import io.weir.api.connector.datagen.DataGeneratorSource;
import io.weir.api.connector.datagen.RateLimiterStrategy;
import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.windowing.ProcessWindowFunction;
import io.weir.api.functions.AggregateFunction;
import io.weir.api.functions.Collector;
import io.weir.api.types.Types;
import io.weir.api.windowing.assigners.EventTimeSessionWindows;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import io.weir.api.windowing.windows.TimeWindow;
import io.weir.connector.file.sink.FileSink;
import io.weir.connector.file.sink.bucketassigners.BasePathBucketAssigner;
import io.weir.testutils.InjectedFailure;
import io.weir.testutils.MiniClusterExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Event-time windows (tumbling and merging session windows) with out-of-order input, written to an
 * exactly-once file sink, with a failure injected after a checkpoint: window contents, merge sets,
 * timers and watermarks come back from the checkpoint, and the committed output equals the
 * failure-free run's — every window fires once, with its full count. Session windows also on
 * RocksDB (window contents and merged namespaces in the database).
 */
class WindowedJobRecoveryTest {
    private static final long RECORDS = 6_000;

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
            .setNumberTaskManagers(2).setNumberSlotsPerTaskManager(2).build();

    @BeforeEach
    void reset() {
        InjectedFailure.reset();
    }

    /** Event time of record i: 10 ms apart, shuffled within blocks of 7, with a pause every 500 records. */
    private static long eventTime(long i) {
        long block = i / 7;
        long shuffled = block * 7 + (i * 3) % 7;
        return shuffled * 10 + (i / 500) * 2_000;
    }

    private static void run(Path out, String windows, TestedBackend backend, boolean injectFailure) throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(2);
        InjectedFailure.checkpointAndRestartQuickly(env);
        backend.configure(env, out.resolveSibling(out.getFileName() + "-state"));
        DataStream<Long> numbers = env.fromSource(
                new DataGeneratorSource<>(i -> i, RECORDS, RateLimiterStrategy.perCheckpoint((int) RECORDS / 10), Types.LONG),
                WatermarkStrategy.<Long>forBoundedOutOfOrderness(Duration.ofMillis(100))
                        .withTimestampAssigner((value, ts) -> eventTime(value)), "numbers")
                .map(new InjectedFailure.FailOnce(injectFailure ? RECORDS / 6 : Long.MAX_VALUE)).returns(Types.LONG);
        var keyed = numbers.keyBy(v -> v % 5);
        var windowed = windows.startsWith("tumbling")
                ? keyed.window(TumblingEventTimeWindows.of(Duration.ofSeconds(1)))
                : keyed.window(EventTimeSessionWindows.withGap(Duration.ofMillis(700)));
        // "-aggregate": the count kept in aggregating state (on RocksDB in its accumulator cache between checkpoints)
        DataStream<String> counts = windows.endsWith("-aggregate")
                ? windowed.aggregate(new Count(), new EmitCount()).returns(Types.STRING)
                : windowed.process(new CountWindow()).returns(Types.STRING);
        counts
                .sinkTo(FileSink.forRowFormat(out, new SimpleStringEncoder<String>())
                        .withBucketAssigner(new BasePathBucketAssigner<>()).build());
        env.execute("windows " + windows);
    }

    @ParameterizedTest
    @CsvSource({"tumbling, HASHMAP", "session, HASHMAP", "session, ROCKSDB", "session-aggregate, ROCKSDB",
            "tumbling-aggregate, ROCKSDB_INCREMENTAL"})
    void windowResultsAfterAFailureEqualTheFailureFreeRun(String windows, TestedBackend backend, @TempDir Path dir)
            throws Exception {
        run(dir.resolve("clean"), windows, backend, false);
        List<String> failureFree = CommittedFiles.lines(dir.resolve("clean"));
        assertFalse(failureFree.isEmpty());
        long total = failureFree.stream().mapToLong(line -> Long.parseLong(line.split(",")[3])).sum();
        assertEquals(RECORDS, total, "every record is counted in exactly one window");

        run(dir.resolve("recovered"), windows, backend, true);
        backend.assertRanAndCleanedUp(dir.resolve("recovered-state"));
        assertEquals(1, InjectedFailure.FAILURES.get(), "exactly one failure was injected");
        assertEquals(failureFree, CommittedFiles.lines(dir.resolve("recovered")));
    }

    /** "key,start,end,count" per window. */
    static final class CountWindow extends ProcessWindowFunction<Long, String, Long, TimeWindow> {
        @Override
        public void process(Long key, Context context, Iterable<Long> elements, Collector<String> out) {
            long count = 0;
            for (Long ignored : elements) {
                count++;
            }
            out.collect(key + "," + context.window().getStart() + "," + context.window().getEnd() + "," + count);
        }
    }

    /** Counts the elements of a window in its accumulator. */
    static final class Count implements AggregateFunction<Long, Long, Long> {
        @Override
        public Long createAccumulator() {
            return 0L;
        }

        @Override
        public Long add(Long value, Long accumulator) {
            return accumulator + 1;
        }

        @Override
        public Long getResult(Long accumulator) {
            return accumulator;
        }

        @Override
        public Long merge(Long a, Long b) {
            return a + b;
        }
    }

    /** "key,start,end,count" of a window whose count {@link Count} kept. */
    static final class EmitCount extends ProcessWindowFunction<Long, String, Long, TimeWindow> {
        @Override
        public void process(Long key, Context context, Iterable<Long> counts, Collector<String> out) {
            long count = counts.iterator().next();
            out.collect(key + "," + context.window().getStart() + "," + context.window().getEnd() + "," + count);
        }
    }

}
