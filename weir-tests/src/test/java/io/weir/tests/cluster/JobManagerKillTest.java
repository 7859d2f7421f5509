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
import io.weir.api.types.Types;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import io.weir.cluster.RemoteExecutor;
import io.weir.connector.file.sink.FileSink;
import io.weir.connector.file.sink.bucketassigners.BasePathBucketAssigner;
import java.io.IOException;
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
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * High availability with real processes on loopback: ZooKeeper in this JVM, two JobManager JVMs (a
 * leader and a standby) and two TaskManager JVMs. A keyed, event-time windowed job writes through an
 * exactly-once FileSink; once it has committed output, the leading JobManager is killed with
 * {@code kill -9}. The standby is elected when the leader's ZooKeeper session expires, recovers the
 * job from its latest completed checkpoint, the TaskManagers drop the old leader's tasks and register
 * with the new one, and the client follows the job to its end on the new leader. The committed
 * output equals that of a failure-free run.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class JobManagerKillTest {
    private static final long RECORDS = 6_000;

    @TempDir
    static Path dir;
    private static TestingServer zooKeeper;
    private static ClusterProcess leader;
    private static ClusterProcess standby;
    private static final List<ClusterProcess> taskManagers = new ArrayList<>();

    @BeforeAll
    static void startCluster() throws Exception {
        // a short tick, so that the short session timeout below is not raised to the server's minimum (2 ticks)
        zooKeeper = new TestingServer(new InstanceSpec(null, -1, -1, -1, true, -1, 200, -1), true);
        leader = startJobManager("jobmanager-1");
        leader.awaitLine(line -> line.startsWith("JobManager ready at "), 60); // alone in the election, it leads
        standby = startJobManager("jobmanager-2");
        standby.awaitLine(line -> line.startsWith("JobManager standby"), 60);
        for (int i = 1; i <= 2; i++) {
            taskManagers.add(ClusterProcess.start("taskmanager-" + i, "io.weir.cluster.TaskManagerProcess", dir,
                    line -> line.startsWith("TaskManager ") && line.endsWith(" registered"),
                    withHighAvailability("taskmanager.host=127.0.0.1", "taskmanager.numberOfTaskSlots=2",
                            "heartbeat.interval=200 ms")));
        }
        for (ClusterProcess taskManager : taskManagers) {
            taskManager.awaitReady(60);
        }
    }

    private static ClusterProcess startJobManager(String name) throws IOException {
        return ClusterProcess.start(name, "io.weir.cluster.JobManagerProcess", dir,
                line -> line.startsWith("JobManager ready at "),
                withHighAvailability("jobmanager.rpc.address=127.0.0.1", "jobmanager.rpc.port=0", "rest.port=0",
                        "heartbeat.timeout=10 s"));
    }

    private static String[] withHighAvailability(String... settings) {
        List<String> all = new ArrayList<>(List.of(settings));
        haConfiguration().toMap().forEach((key, value) -> all.add(key + "=" + value));
        return all.toArray(String[]::new);
    }

    private static Configuration haConfiguration() {
        Configuration configuration = new Configuration();
        configuration.setString("high-availability.type", "zookeeper");
        configuration.setString("high-availability.zookeeper.quorum", zooKeeper.getConnectString());
        configuration.setString("high-availability.storageDir", dir.resolve("ha").toString());
        configuration.setString("high-availability.cluster-id", "/kill-test");
        configuration.setString("high-availability.zookeeper.client.session-timeout", "6 s");
        configuration.setString("high-availability.zookeeper.client.retry-wait", "200 ms");
        return configuration;
    }

    @AfterAll
    static void stopCluster() throws Exception {
        for (ClusterProcess process : taskManagers) {
            process.close();
        }
        for (ClusterProcess process : new ClusterProcess[] {standby, leader}) {
            if (process != null) {
                process.close();
            }
        }
        if (zooKeeper != null) {
            zooKeeper.close();
        }
    }

    @Test
    void killingTheLeadingJobManagerMidRunLeavesTheCommittedOutputOfAFailureFreeRun() throws Exception {
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
        try (RemoteExecutor executor = RemoteExecutor.forHighAvailableCluster(haConfiguration());
                WatchService watch = FileSystems.getDefault().newWatchService()) {
            recovered.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
            StreamExecutionEnvironment env = new StreamExecutionEnvironment(executor, new Configuration());
            defineJob(env, recovered);
            JobClient job = env.executeAsync("windows, the leading JobManager killed");
            awaitCommittedFile(watch, 60);
            leader.kill();
            standby.awaitLine(line -> line.startsWith("JobManager ready at "), 60);
            job.getJobExecutionResult().get(120, TimeUnit.SECONDS); // the client follows the job to the new leader
            String listed = weirListWithoutJobManagerAddress();
            assertTrue(listed.contains(job.getJobID().toHexString() + " : windows, the leading JobManager killed (FINISHED)"),
                    "bin/weir list found the new leader's REST API through ZooKeeper:\n" + listed);
        }
        String standbyLog = Files.readString(dir.resolve("jobmanager-2.log"));
        assertTrue(standbyLog.contains("from its latest checkpoint"),
                "the new leader resumed the job from its latest checkpoint:\n" + standbyLog);
        for (int i = 1; i <= 2; i++) {
            String log = Files.readString(dir.resolve("taskmanager-" + i + ".log"));
            assertTrue(log.contains("registered with the new leading JobManager"), "taskmanager-" + i
                    + " followed the new leader:\n" + log);
        }
        assertEquals(failureFree, committedLines(recovered));
    }

    /** {@code bin/weir list} in a JVM of its own, with the HA settings in its config.yaml and no {@code -m}. */
    private static String weirListWithoutJobManagerAddress() throws Exception {
        Path conf = Files.createDirectories(dir.resolve("client-conf"));
        StringBuilder yaml = new StringBuilder();
        haConfiguration().toMap().forEach((key, value) -> yaml.append(key).append(": ").append(value).append('\n'));
        Files.writeString(conf.resolve("config.yaml"), yaml);
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-cp", System.getProperty("java.class.path"), "io.weir.cli.WeirCli", "list")
                .redirectErrorStream(true);
        builder.environment().put("WEIR_CONF_DIR", conf.toString());
        Process process = builder.start();
        java.util.concurrent.CompletableFuture<String> read = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("bin/weir list did not end within 60 s");
        }
        String output = read.get(10, TimeUnit.SECONDS);
        assertEquals(0, process.exitValue(), output);
        return output;
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
        env.fromSource(new DataGeneratorSource<>(i -> i, RECORDS, RateLimiterStrategy.perSecond(1_000), Types.LONG),
                        WatermarkStrategy.<Long>forBoundedOutOfOrderness(Duration.ofMillis(100))
                                .withTimestampAssigner((value, ts) -> eventTime(value)), "numbers")
                .keyBy(v -> v % 5)
                .window(TumblingEventTimeWindows.of(Duration.ofSeconds(1)))
                .process(new TaskManagerKillTest.CountWindow()).returns(Types.STRING)
                .sinkTo(FileSink.forRowFormat(out, new SimpleStringEncoder<String>())
                        .withBucketAssigner(new BasePathBucketAssigner<>()).build());
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
