package io.weir.tests.cluster;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.weir.api.common.serialization.SimpleStringEncoder;
import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.RestartStrategyOptions;
import io.weir.api.connector.datagen.DataGeneratorSource;
import io.weir.api.connector.datagen.RateLimiterStrategy;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.types.Types;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import io.weir.connector.file.sink.FileSink;
import io.weir.connector.file.sink.bucketassigners.BasePathBucketAssigner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The job of the cluster's failure tests (as in {@link TaskManagerKillTest}): rate-limited numbers
 * with shuffled event times, counted per key in one-second tumbling windows, written through an
 * exactly-once FileSink; checkpoints every 100 ms and many restarts allowed. Its committed output is
 * the same whatever fails, if nothing is lost or duplicated.
 */
final class WindowedCountJob {
    private WindowedCountJob() {}

    /**
     * @param records how many numbers the source emits
     * @param perSecond the source's rate, so the job runs long enough for the failures
     */
    static void define(StreamExecutionEnvironment env, Path out, long records, int perSecond) {
        env.setParallelism(2);
        env.enableCheckpointing(100);
        Configuration restarts = new Configuration();
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 1_000);
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
        env.configure(restarts);
        env.fromSource(new DataGeneratorSource<>(i -> i, records, RateLimiterStrategy.perSecond(perSecond), Types.LONG),
                        WatermarkStrategy.<Long>forBoundedOutOfOrderness(Duration.ofMillis(100))
                                .withTimestampAssigner((value, ts) -> eventTime(value)), "numbers")
                .keyBy(v -> v % 5)
                .window(TumblingEventTimeWindows.of(Duration.ofSeconds(1)))
                .process(new TaskManagerKillTest.CountWindow()).returns(Types.STRING)
                .sinkTo(FileSink.forRowFormat(out, new SimpleStringEncoder<String>())
                        .withBucketAssigner(new BasePathBucketAssigner<>()).build());
    }

    /** Event time of record i: 10 ms apart, shuffled within blocks of 7, with a pause every 500 records. */
    private static long eventTime(long i) {
        long block = i / 7;
        long shuffled = block * 7 + (i * 3) % 7;
        return shuffled * 10 + (i / 500) * 2_000;
    }

    /** The lines of the visible (committed) part files, sorted. */
    static List<String> committedLines(Path out) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (!file.getFileName().toString().startsWith(".")) {
                    lines.addAll(Files.readAllLines(file));
                }
            }
        }
        Collections.sort(lines);
        return lines;
    }

    /** Waits (on file system events, not a clock) until the sink commits a new part file. */
    static void awaitCommittedFile(WatchService watch, long seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            WatchKey key = watch.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            assertNotNull(key, "the job committed no file within " + seconds + " s");
            try {
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.context() instanceof Path created && !created.getFileName().toString().startsWith(".")) {
                        return;
                    }
                }
            } finally {
                key.reset();
            }
        }
        throw new AssertionError("the job committed no file within " + seconds + " s");
    }

    /** Forgets the file events so far: the next {@link #awaitCommittedFile} waits for a file committed from now on. */
    static void forgetCommittedFiles(WatchService watch) {
        WatchKey key;
        while ((key = watch.poll()) != null) {
            key.pollEvents();
            key.reset();
        }
    }
}
