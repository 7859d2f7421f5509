package io.weir.tests.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.common.serialization.SimpleStringEncoder;
import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.RestartStrategyOptions;
import io.weir.api.environment.RuntimeExecutionMode;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.JobClient;
import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.OpenContext;
import io.weir.api.tuple.Tuple2;
import io.weir.api.types.Types;
import io.weir.cluster.RemoteExecutor;
import io.weir.connector.file.sink.FileSink;
import io.weir.connector.file.sink.bucketassigners.BasePathBucketAssigner;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A BATCH job that runs stage by stage on a real cluster of processes (a JobManager and two
 * TaskManagers, each its own JVM) loses a TaskManager with {@code kill -9} while its last stage
 * runs: the finished results of the stages before it, kept in both TaskManagers, are half gone. Only
 * what was lost runs again (the lost subtask of the last stage, and the subtasks of the stages before
 * it whose results were kept on the lost TaskManager), in a replacement slot, and the job writes,
 * through an exactly-once FileSink, what a failure-free run writes: no subtask's output is committed
 * twice.
 *
 * <p>The moment of the kill is not left to timing: the first attempt of the last stage waits in
 * {@code open} for a file the test creates only after the kill (once the JobManager noticed the
 * loss, or at once, so that the surviving sink subtask may finish before it is noticed), and each
 * subtask says it has opened with a file of its own the test waits for. Each test kills a
 * TaskManager of its own.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class BatchTaskManagerKillTest {
    private static final long N = 30_000;

    @TempDir
    static Path dir;
    private static ClusterProcess jobManager;
    private static ClusterProcess survivor;
    private static InetSocketAddress jobManagerAddress;

    private static int port;
    /** The TaskManagers started for the tests, each killed by one; closed after all tests. */
    private static final List<ClusterProcess> victims = new ArrayList<>();
    private static List<String> failureFree;

    @BeforeAll
    static void startCluster() throws Exception {
        // 5 s, not less: on a loaded machine a live TaskManager's heartbeats (every 100 ms) may stall for a
        // second or more, and a survivor declared lost fails the test for a reason it does not test
        jobManager = ClusterProcess.startJobManager(dir, "heartbeat.timeout=5 s", "rest.port=0");
        port = jobManager.awaitJobManagerPort(60);
        jobManagerAddress = new InetSocketAddress("127.0.0.1", port);
        survivor = ClusterProcess.startTaskManager("taskmanager-1", dir, port, 2);
        survivor.awaitReady(60);

        Path clean = dir.resolve("clean");
        StreamExecutionEnvironment local = StreamExecutionEnvironment.getExecutionEnvironment(new Configuration());
        defineJob(local, clean, null);
        local.execute("staged sums, failure-free");
        failureFree = committedLines(clean);
        assertEquals(expected(), failureFree);
    }

    /** A second TaskManager, to be killed: the job gets one slot on it and one on the survivor. */
    private static ClusterProcess startVictim(String name) throws Exception {
        ClusterProcess victim = ClusterProcess.startTaskManager(name, dir, port, 2);
        victims.add(victim);
        victim.awaitReady(60);
        return victim;
    }

    @AfterAll
    static void stopCluster() throws Exception {
        List<ClusterProcess> all = new ArrayList<>(victims);
        all.add(survivor);
        all.add(jobManager);
        for (ClusterProcess process : all) {
            if (process != null) {
                process.close();
            }
        }
    }

    @Test
    void losingATaskManagerWithKeptResultsRunsAgainOnlyWhatWasLostToTheOutputOfAFailureFreeRun() throws Exception {
        // the gate opens once the JobManager knows of the loss: the surviving subtask of the last stage is not
        // cancelled, it goes on and may finish and commit (if it had read all of its input) while the lost
        // results are produced again; it must not run again (its output would be committed twice)
        runWithAKilledTaskManager("staged sums, a TaskManager killed", startVictim("taskmanager-2"), true);
    }

    @Test
    void aSinkSubtaskThatFinishedAndCommittedOnTheSurvivorIsNotRunAgain() throws Exception {
        // the gate opens first for the subtask of the last stage on the survivor, which finishes and commits;
        // then the other TaskManager is killed: the whole-job rerun of old committed that output twice
        runWithAKilledTaskManager("staged sums, a sink subtask finished before the kill", startVictim("taskmanager-3"),
                false);
    }

    /**
     * Runs the job on the cluster and kills {@code victim} while the last stage waits at its gate. With
     * {@code gateAfterDetection} the gate opens for both subtasks once the JobManager noticed the loss;
     * otherwise it opens before the kill for the subtask on the survivor alone, and the kill follows
     * once that subtask has committed its output.
     */
    private void runWithAKilledTaskManager(String jobName, ClusterProcess victim, boolean gateAfterDetection)
            throws Exception {
        Path recovered = dir.resolve(jobName.replace(' ', '-').replace(",", ""));
        Path gate = recovered.resolveSibling(recovered.getFileName() + "-gate");
        Files.createDirectories(recovered);
        Files.createDirectories(gate);
        Path log = dir.resolve("jobmanager.log");
        int lossesBefore = count(Files.readString(log), "sent no heartbeat");
        try (RemoteExecutor executor = new RemoteExecutor(jobManagerAddress);
                WatchService watch = FileSystems.getDefault().newWatchService()) {
            gate.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
            StreamExecutionEnvironment env = new StreamExecutionEnvironment(executor, new Configuration());
            defineJob(env, recovered, gate.toString());
            JobClient job = env.executeAsync(jobName);
            awaitFiles(watch, gate, 2, 90); // both subtasks of the last stage opened: the stages before it finished
            assertTrue(committedLines(recovered).isEmpty(), "nothing is committed before the last stage ends");
            if (gateAfterDetection) {
                victim.kill();
                awaitLossNoticed(log, lossesBefore, 60);
                Files.createFile(gate.resolve("go"));
            } else {
                int onSurvivor = Files.readString(gate.resolve("opened-0")).equals(Long.toString(victim.pid())) ? 1 : 0;
                assertTrue(Files.readString(gate.resolve("opened-" + (1 - onSurvivor))).equals(Long.toString(victim.pid())),
                        "one subtask of the last stage runs on each TaskManager");
                Files.createFile(gate.resolve("go-" + onSurvivor));
                awaitCommitted(recovered, 90); // the survivor's subtask finished and committed its part
                victim.kill();
            }
            job.getJobExecutionResult().get(120, TimeUnit.SECONDS);
        }
        String jobManagerLog = Files.readString(log);
        assertEquals(lossesBefore + 1, count(jobManagerLog, "sent no heartbeat"),
                "the JobManager noticed the loss:\n" + jobManagerLog);
        assertTrue(jobManagerLog.contains("to replace those of lost TaskManagers"),
                "a replacement slot was asked for:\n" + jobManagerLog);
        assertTrue(Pattern.compile("Job '" + Pattern.quote(jobName) + "' \\(\\w+\\): 2 finished subtask\\(s\\) run"
                        + " again, their results were kept on lost TaskManager").matcher(jobManagerLog).find(),
                "the source and middle subtasks whose results were lost (the last stage needs them) ran again:\n"
                        + jobManagerLog);
        assertFalse(Pattern.compile("Job '" + Pattern.quote(jobName) + "' \\(\\w+\\) runs stage by stage \\(attempt")
                        .matcher(jobManagerLog).find(), "the whole job did not run again:\n" + jobManagerLog);
        assertEquals(failureFree, committedLines(recovered));
    }

    /** Waits until committed output is visible in {@code out}; fails after {@code seconds}. */
    private static void awaitCommitted(Path out, long seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (committedLines(out).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new java.util.concurrent.TimeoutException("nothing committed in " + out + " within " + seconds + " s");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    /** Waits until the JobManager's log says one more TaskManager was lost than {@code before}; fails after {@code seconds}. */
    private static void awaitLossNoticed(Path log, int before, long seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (count(Files.readString(log), "sent no heartbeat") <= before) {
            if (System.nanoTime() > deadline) {
                throw new java.util.concurrent.TimeoutException("no new TaskManager loss in " + log + " within " + seconds + " s");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    /** For each k of 0..6, "k=sum" of the v in 1..N with (v % 1000) % 7 == k, sorted. */
    private static List<String> expected() {
        long[] sums = new long[7];
        for (long v = 1; v <= N; v++) {
            sums[(int) (v % 1000 % 7)] += v;
        }
        List<String> expected = new ArrayList<>();
        for (int k = 0; k < 7; k++) {
            expected.add(k + "=" + sums[k]);
        }
        Collections.sort(expected);
        return expected;
    }

    /**
     * sequence → (v % 1000, v) → keyBy → sum → (k % 7, sum) → keyBy → sum → "k=sum" → FileSink: three
     * stages of parallelism 2, two blocking exchanges.
     */
    private static void defineJob(StreamExecutionEnvironment env, Path out, String gate) {
        env.setParallelism(2);
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        Configuration restarts = new Configuration();
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        // until the heartbeat timeout says the TaskManager is lost, a subtask reading a result kept there
        // fails to connect and restarts alone, each time one restart
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 50);
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
        env.configure(restarts);
        env.fromSequence(1, N)
                .map(v -> Tuple2.of(v % 1000, v), Types.TUPLE(Types.LONG, Types.LONG))
                .keyBy(e -> e.f0, Types.LONG).sum(1)
                .map(e -> Tuple2.of(e.f0 % 7, e.f1), Types.TUPLE(Types.LONG, Types.LONG))
                .keyBy(e -> e.f0, Types.LONG)
                .process(new GatedSum(gate), Types.STRING)
                .sinkTo(FileSink.forRowFormat(out, new SimpleStringEncoder<String>())
                        .withBucketAssigner(new BasePathBucketAssigner<>()).build());
    }

    /**
     * Sums per key and emits "k=sum" when the key ends (an event-time timer fires after a key's last
     * record in BATCH mode). With a gate directory, its first attempt says it opened
     * ({@code opened-<subtask>}, holding the pid of its TaskManager) and waits for {@code go} or
     * {@code go-<subtask>} there.
     */
    static final class GatedSum extends KeyedProcessFunction<Long, Tuple2<Long, Long>, String> {
        private final String gate;
        private transient io.weir.api.state.ValueState<Long> sum;

        GatedSum(String gate) {
            this.gate = gate;
        }

        @Override
        public void open(OpenContext context) throws Exception {
            sum = getRuntimeContext().getState(new io.weir.api.state.ValueStateDescriptor<>("sum", Types.LONG));
            if (gate != null && getRuntimeContext().getTaskInfo().getAttemptNumber() == 0) {
                Path gateDir = Path.of(gate);
                try (WatchService watch = FileSystems.getDefault().newWatchService()) {
                    gateDir.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
                    int subtask = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
                    Path opened = gateDir.resolve("opened-" + subtask);
                    Files.writeString(gateDir.resolve(".opening-" + subtask), Long.toString(ProcessHandle.current().pid()));
                    Files.move(gateDir.resolve(".opening-" + subtask), opened); // whole, with its TaskManager's pid
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                    while (!Files.exists(gateDir.resolve("go")) && !Files.exists(gateDir.resolve("go-" + subtask))) {
                        long left = deadline - System.nanoTime();
                        if (left <= 0) {
                            throw new IOException("no 'go' in " + gate + " within 120 s");
                        }
                        WatchKey key = watch.poll(left, TimeUnit.NANOSECONDS); // interrupted when cancelled
                        if (key != null) {
                            key.pollEvents();
                            key.reset();
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("cancelled while waiting at the gate");
                }
            }
        }

        @Override
        public void processElement(Tuple2<Long, Long> e, Context ctx, Collector<String> out) throws Exception {
            Long before = sum.value();
            if (before == null) {
                ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE - 1);
            }
            sum.update((before == null ? 0 : before) + e.f1);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
            out.collect(ctx.getCurrentKey() + "=" + sum.value());
        }
    }

    /** Waits (on file system events, not a clock) until {@code count} files named opened-* are in {@code gate}. */
    private static void awaitFiles(WatchService watch, Path gate, int count, long seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            try (Stream<Path> files = Files.list(gate)) {
                if (files.filter(f -> f.getFileName().toString().startsWith("opened-")).count() >= count) {
                    return;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("the last stage did not open " + count + " subtasks within " + seconds + " s");
            }
            WatchKey key = watch.poll(left, TimeUnit.NANOSECONDS);
            if (key != null) {
                key.pollEvents();
                key.reset();
            }
        }
    }

    /** The lines of the visible (committed) part files, sorted. */
    private static List<String> committedLines(Path out) throws IOException {
        List<String> lines = new ArrayList<>();
        if (!Files.exists(out)) {
            return lines;
        }
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
