package io.weir.tests.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.common.serialization.SimpleStringEncoder;
import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.RestartStrategyOptions;
import io.weir.api.connector.datagen.DataGeneratorSource;
import io.weir.api.connector.datagen.RateLimiterStrategy;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.execution.JobClient;
import io.weir.api.functions.Collector;
import io.weir.api.functions.windowing.ProcessWindowFunction;
import io.weir.api.types.Types;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import io.weir.api.windowing.windows.TimeWindow;
import io.weir.cluster.RemoteExecutor;
import io.weir.connector.file.sink.FileSink;
import io.weir.connector.file.sink.bucketassigners.BasePathBucketAssigner;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real cluster of processes on loopback: a JobManager and two TaskManagers, each its own JVM. A
 * keyed, event-time windowed job writes through an exactly-once FileSink with its tasks spread over
 * both TaskManagers; one TaskManager is killed with {@code kill -9} once the job has committed
 * output. The job fails over onto the remaining TaskManager's free slot, and the committed output
 * equals that of a failure-free run.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TaskManagerKillTest {
    private static final long RECORDS = 6_000;

    @TempDir
    static Path dir;
    private static ClusterProcess jobManager;
    private static ClusterProcess survivor;
    private static ClusterProcess victim;
    private static InetSocketAddress jobManagerAddress;

    @BeforeAll
    static void startCluster() throws Exception {
        jobManager = ClusterProcess.startJobManager(dir, "heartbeat.timeout=1 s", "rest.port=0");
        int port = jobManager.awaitJobManagerPort(60);
        jobManagerAddress = new InetSocketAddress("127.0.0.1", port);
        survivor = startTaskManager("taskmanager-1", port);
        victim = startTaskManager("taskmanager-2", port);
        survivor.awaitReady(60);
        victim.awaitReady(60);
    }

    private static ClusterProcess startTaskManager(String name, int jobManagerPort) throws IOException {
        return ClusterProcess.startTaskManager(name, dir, jobManagerPort, 2);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        for (ClusterProcess process : new ClusterProcess[] {victim, survivor, jobManager}) {
            if (process != null) {
                process.close();
            }
        }
    }

    @Test
    void killingATaskManagerMidRunLeavesTheCommittedOutputOfAFailureFreeRun() throws Exception {
        Path clean = dir.resolve("clean");
        StreamExecutionEnvironment local = StreamExecutionEnvironment.getExecutionEnvironment(new Configuration());
        defineJob(local, clean);
        local.execute("windows, failure-free");
        List<String> failureFree = committedLines(clean);
        assertFalse(failureFree.isEmpty());
        assertEquals(RECORDS, failureFree.stream().mapToLong(line -> Long.parseLong(line.split(",")[3])).sum(),
                "every record is counted in exactly one window");

        Path recovered = dir.resolve("recovered");
        Files.createDirectories(recovered);
        try (RemoteExecutor executor = new RemoteExecutor(jobManagerAddress);
                WatchService watch = FileSystems.getDefault().newWatchService()) {
            recovered.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
            StreamExecutionEnvironment env = new StreamExecutionEnvironment(executor, new Configuration());
            defineJob(env, recovered);
            JobClient job = env.executeAsync("windows, a TaskManager killed");
            awaitCommittedFile(watch, 60);
            victim.kill();
            job.getJobExecutionResult().get(90, TimeUnit.SECONDS);
        }
        String jobManagerLog = Files.readString(dir.resolve("jobmanager.log"));
        assertTrue(jobManagerLog.contains("sent no heartbeat"), "the JobManager noticed the loss:\n" + jobManagerLog);
        assertTrue(jobManagerLog.contains("to replace those of lost TaskManagers"),
                "the job got replacement slots:\n" + jobManagerLog);
        assertEquals(failureFree, committedLines(recovered));
    }

    /** Waits (on file system events, not a clock) until the sink commits its first part file. */
    private static void awaitCommittedFile(WatchService watch, long seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            WatchKey key = watch.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            assertNotNull(key, "the job committed no file within " + seconds + " s");
            for (WatchEvent<?> event : key.pollEvents()) {
                if (event.context() instanceof Path created && !created.getFileName().toString().startsWith(".")) {
                    return;
                }
            }
            key.reset();
        }
        throw new AssertionError("the job committed no file within " + seconds + " s");
    }

    /** Event time of record i: 10 ms apart, shuffled within blocks of 7, with a pause every 500 records. */
    private static long eventTime(long i) {
        long block = i / 7;
        long shuffled = block * 7 + (i * 3) % 7;
        return shuffled * 10 + (i / 500) * 2_000;
    }

    private static void defineJob(StreamExecutionEnvironment env, Path out) {
        env.setParallelism(2);
        env.enableCheckpointing(100);
        Configuration restarts = new Configuration();
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 50);
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
        env.configure(restarts);
        env.fromSource(new DataGeneratorSource<>(i -> i, RECORDS, RateLimiterStrategy.perSecond(1_500), Types.LONG),
                        WatermarkStrategy.<Long>forBoundedOutOfOrderness(Duration.ofMillis(100))
                                .withTimestampAssigner((value, ts) -> eventTime(value)), "numbers")
                .keyBy(v -> v % 5)
                .window(TumblingEventTimeWindows.of(Duration.ofSeconds(1)))
                .process(new CountWindow()).returns(Types.STRING)
                .sinkTo(FileSink.forRowFormat(out, new SimpleStringEncoder<String>())
                        .withBucketAssigner(new BasePathBucketAssigner<>()).build());
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

    /** The lines of the visible (committed) part files, sorted. */
    private static List<String> committedLines(Path out) throws IOException {
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
}
