package io.weir.bench;

import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.RestartStrategyOptions;
import io.weir.api.connector.datagen.DataGeneratorSource;
import io.weir.api.connector.datagen.RateLimiterStrategy;
import io.weir.api.connector.sink.DiscardingSink;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.execution.JobClient;
import io.weir.api.execution.JobStatus;
import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.OpenContext;
import io.weir.api.state.CheckpointListener;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.types.Types;
import io.weir.cluster.RemoteExecutor;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * The cluster mode of {@code bench recovery}: a JobManager and two TaskManagers, each a JVM of its own
 * on loopback (this JVM's java and classpath, free ports), run the benchmark's keyed job; once a
 * checkpoint completed, the TaskManager running a keyed subtask is killed with {@code kill -9}. The
 * job's tasks report on their TaskManager's stdout (read here) when a checkpoint completed and when
 * each attempt processed its first record; both processes share the machine's monotonic clock
 * ({@link System#nanoTime} is {@code CLOCK_MONOTONIC} on Linux), so those times compare with the kill's.
 *
 * <p>Threading: one run at a time, from the command's thread; a reader thread per process.
 */
final class ClusterRecovery {
    /** The prefix of the lines the job's tasks print on their TaskManager's stdout. */
    static final String LINE = "weir-bench-recovery ";
    /** Records an attempt processes in one subtask before it counts as the job running steadily again. */
    static final long STEADY_RECORDS = 2_000;
    private static final long PROCESS_SECONDS = 60;
    private static final String HEAP = "512m";

    private final Path logDir;
    private final String heartbeatInterval;
    private final String heartbeatTimeout;

    ClusterRecovery(Path logDir, String heartbeatInterval, String heartbeatTimeout) {
        this.logDir = logDir;
        this.heartbeatInterval = heartbeatInterval;
        this.heartbeatTimeout = heartbeatTimeout;
    }

    /**
     * What one run measured, in ms from the kill: the job's status left RUNNING (the other TaskManager's
     * tasks failed on their broken connections), was RUNNING again (its slots were back, which waits for
     * the JobManager to declare the killed TaskManager lost), and the first record processed after the restore.
     */
    record Run(double left, double running, double firstRecord) {}

    Run runOnce(int run, int keys, int parallelism, String checkpointInterval, String restartDelay,
            Map<String, String> conf) throws Exception {
        List<ClusterNode> nodes = new ArrayList<>();
        try {
            ClusterNode jobManager = ClusterNode.start("jobmanager-" + run, "io.weir.cluster.JobManagerProcess", logDir, HEAP,
                    line -> line.startsWith("JobManager ready at "), "jobmanager.rpc.address=127.0.0.1",
                    "jobmanager.rpc.port=0", "rest.port=0", "heartbeat.timeout=" + heartbeatTimeout,
                    "heartbeat.interval=" + heartbeatInterval);
            nodes.add(jobManager);
            String ready = jobManager.awaitReady();
            int port = Integer.parseInt(ready.substring(ready.lastIndexOf(':') + 1).trim());
            ClusterNode[] taskManagers = new ClusterNode[2];
            for (int i = 0; i < 2; i++) {
                taskManagers[i] = ClusterNode.start("taskmanager-" + run + "-" + (i + 1), "io.weir.cluster.TaskManagerProcess",
                        logDir, HEAP, line -> line.startsWith("TaskManager ") && line.endsWith(" registered"),
                        "jobmanager.rpc.address=127.0.0.1", "jobmanager.rpc.port=" + port, "taskmanager.host=127.0.0.1",
                        "taskmanager.numberOfTaskSlots=" + parallelism, "heartbeat.interval=" + heartbeatInterval);
                nodes.add(taskManagers[i]);
            }
            for (ClusterNode taskManager : taskManagers) {
                taskManager.awaitReady();
            }
            try (RemoteExecutor executor = new RemoteExecutor(new InetSocketAddress("127.0.0.1", port))) {
                Configuration config = new Configuration();
                config.setString("execution.checkpointing.interval", checkpointInterval);
                config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
                config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, Integer.MAX_VALUE);
                config.setString("restart-strategy.fixed-delay.delay", restartDelay);
                conf.forEach(config::setString);
                StreamExecutionEnvironment env = new StreamExecutionEnvironment(executor, config);
                env.setParallelism(parallelism);
                int keyCount = keys;
                env.fromSource(new DataGeneratorSource<>(i -> i, Long.MAX_VALUE, RateLimiterStrategy.perSecond(200_000),
                                Types.LONG), WatermarkStrategy.noWatermarks(), "numbers")
                        .keyBy(x -> x % keyCount)
                        .process(new CountAndReport())
                        .sinkTo(new DiscardingSink<>());
                JobClient job = env.executeAsync("recovery benchmark, cluster");
                try {
                    return killAndMeasure(job, taskManagers);
                } finally {
                    job.cancel().get(1, TimeUnit.MINUTES);
                }
            }
        } finally {
            for (int i = nodes.size() - 1; i >= 0; i--) {
                nodes.get(i).close();
            }
        }
    }

    private static Run killAndMeasure(JobClient job, ClusterNode[] taskManagers) throws Exception {
        // the victim runs a keyed subtask that saw a checkpoint complete
        ClusterNode victim = awaitAny(taskManagers, line -> line.equals(LINE + "checkpoint attempt=0"));
        ClusterNode survivor = victim == taskManagers[0] ? taskManagers[1] : taskManagers[0];
        long killedAt = System.nanoTime();
        victim.kill();
        // job status transitions, polled until an attempt runs steadily on the survivor
        List<long[]> statuses = new ArrayList<>(); // {nanos, ordinal}
        JobStatus last = JobStatus.RUNNING;
        long deadline = killedAt + TimeUnit.MINUTES.toNanos(10);
        String steady;
        while ((steady = survivor.findLine(line -> line.startsWith(LINE + "steady "))) == null) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("the job did not run steadily again within 10 minutes of the kill; see the logs in "
                        + survivor.logDir());
            }
            JobStatus status = job.getJobStatus().get(30, TimeUnit.SECONDS);
            if (status != last) {
                statuses.add(new long[] {System.nanoTime(), status.ordinal()});
                last = status;
            }
            if (status.isTerminal()) {
                throw new IllegalStateException("the job ended " + status + " after the kill; see the logs in "
                        + survivor.logDir());
            }
            Thread.sleep(2); // a benchmark driver polling the job's status, not a test synchronising
        }
        int attempt = Integer.parseInt(field(steady, "attempt"));
        long firstRecord = Long.MAX_VALUE;
        for (String line : survivor.lines(l -> l.startsWith(LINE + "first attempt=" + attempt + " "))) {
            firstRecord = Math.min(firstRecord, Long.parseLong(field(line, "nanos")));
        }
        long left = -1;
        long running = -1;
        for (long[] change : statuses) {
            if (left < 0 && change[1] != JobStatus.RUNNING.ordinal()) {
                left = change[0];
            }
            if (change[1] == JobStatus.RUNNING.ordinal() && change[0] <= firstRecord) {
                running = change[0];
            }
        }
        if (left < 0 || running < 0) {
            throw new IllegalStateException("the job's status was not seen leaving RUNNING and coming back before attempt "
                    + attempt + " processed its first record: " + statuses);
        }
        return new Run(millis(left - killedAt), millis(running - killedAt), millis(firstRecord - killedAt));
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    private static String field(String line, String name) {
        for (String part : line.split(" ")) {
            if (part.startsWith(name + "=")) {
                return part.substring(name.length() + 1);
            }
        }
        throw new IllegalStateException("no " + name + "= in the line '" + line + "'");
    }

    private static ClusterNode awaitAny(ClusterNode[] nodes, Predicate<String> matches) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PROCESS_SECONDS * 2);
        while (System.nanoTime() < deadline) {
            for (ClusterNode node : nodes) {
                if (node.findLine(matches) != null) {
                    return node;
                }
                node.checkAlive();
            }
            Thread.sleep(2); // polling two processes' output, as above
        }
        throw new TimeoutException("no checkpoint completed within " + PROCESS_SECONDS * 2 + " s; see the logs in "
                + nodes[0].logDir());
    }

    /** Counts per key and reports, on stdout, a completed checkpoint and the first and steady records of each attempt. */
    static final class CountAndReport extends KeyedProcessFunction<Long, Long, Long> implements CheckpointListener {
        private transient ValueState<Long> count;
        private transient int attempt;
        private transient long seen;
        private transient boolean reportedCheckpoint;

        @Override
        public void open(OpenContext context) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
            attempt = getRuntimeContext().getTaskInfo().getAttemptNumber();
        }

        @Override
        public void processElement(Long value, Context ctx, Collector<Long> out) throws Exception {
            if (seen == 0) {
                report("first attempt=" + attempt + " nanos=" + System.nanoTime());
            }
            Long current = count.value();
            count.update(current == null ? 1 : current + 1);
            if (++seen == STEADY_RECORDS && attempt > 0) {
                report("steady attempt=" + attempt);
            }
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            if (!reportedCheckpoint && seen > 0) {
                reportedCheckpoint = true;
                report("checkpoint attempt=" + attempt);
            }
        }

        private static void report(String what) {
            synchronized (System.out) {
                System.out.println(LINE + what);
                System.out.flush();
            }
        }
    }
}
