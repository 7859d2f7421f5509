package io.weir.bench;

import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.RestartStrategyOptions;
import io.weir.api.connector.datagen.DataGeneratorSource;
import io.weir.api.connector.datagen.RateLimiterStrategy;
import io.weir.api.connector.sink.DiscardingSink;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.execution.JobClient;
import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.OpenContext;
import io.weir.api.state.CheckpointListener;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.types.Types;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench recovery}: how long a job is down after a failure — from the moment a task throws to
 * the first record processed by the restarted job, which restored the latest checkpoint. The job keeps
 * a counter per key ({@code --keys} keys, so its state size is chosen), checkpoints every
 * {@code --checkpoint-interval} and restarts after {@code --restart-delay}; the failure is injected
 * once a checkpoint has completed and {@code --records-before-failure} records were processed.
 *
 * <p>With {@code --cluster} the job runs on a JobManager and two TaskManager JVMs instead, and the
 * failure is a {@code kill -9} of a TaskManager once a checkpoint completed ({@link ClusterRecovery}),
 * or with {@code --kill jobmanager} of the leading JobManager of a highly available cluster
 * ({@link ClusterJobManagerRecovery}).
 */
@Command(name = "recovery", mixinStandardHelpOptions = true,
        description = "Times the recovery of a job: injected failure to first record processed after the restore.")
final class RecoveryCommand implements Callable<Integer> {
    static final AtomicLong FAILED_AT = new AtomicLong();
    static final AtomicLong FIRST_AFTER_RESTORE = new AtomicLong();
    static final AtomicBoolean CHECKPOINTED = new AtomicBoolean();

    @Option(names = "--runs", defaultValue = "5", description = "Jobs to run; the median is printed (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--keys", defaultValue = "10000", description = "Keys with state (default ${DEFAULT-VALUE}).")
    int keys;

    @Option(names = "--parallelism", defaultValue = "2", description = "Parallelism (default ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(names = "--checkpoint-interval", defaultValue = "100ms",
            description = "Checkpoint interval (default ${DEFAULT-VALUE}).")
    String checkpointInterval;

    @Option(names = "--restart-delay", defaultValue = "0ms",
            description = "Delay before the restart, as restart-strategy.fixed-delay.delay (default ${DEFAULT-VALUE}).")
    String restartDelay;

    @Option(names = "--records-before-failure", defaultValue = "50000",
            description = "Records processed before the failure (default ${DEFAULT-VALUE}).")
    long recordsBeforeFailure;

    @Option(names = "--cluster", description = "Run on a cluster of processes on loopback (a JobManager and two "
            + "TaskManager JVMs) and kill -9 a TaskManager instead of throwing in a task.")
    boolean cluster;

    @Option(names = "--heartbeat-timeout", defaultValue = "50 s", description = "With --cluster: heartbeat.timeout "
            + "of the JobManager, after which a silent TaskManager is lost (default ${DEFAULT-VALUE}, as Flink's).")
    String heartbeatTimeout;

    @Option(names = "--heartbeat-interval", defaultValue = "10 s", description = "With --cluster: heartbeat.interval "
            + "of the TaskManagers (default ${DEFAULT-VALUE}, as Flink's).")
    String heartbeatInterval;

    @Option(names = "--kill", defaultValue = "taskmanager", paramLabel = "ROLE",
            description = "With --cluster: which process to kill -9, taskmanager (default) or jobmanager (then the cluster"
                    + " is highly available: a ZooKeeper process and a standby JobManager, which takes over).")
    String kill;

    @Option(names = "--session-timeout", defaultValue = "60 s", description = "With --kill jobmanager: "
            + "high-availability.zookeeper.client.session-timeout, after which the dead leader's session ends and the"
            + " standby is elected (default ${DEFAULT-VALUE}, as Flink's).")
    String sessionTimeout;

    @Option(names = "--log-dir", description = "With --cluster: where the processes' logs go (default: a new temporary "
            + "directory, printed).")
    Path logDir;

    @Option(names = {"-D", "--conf"}, paramLabel = "KEY=VALUE",
            description = "A configuration key for the job, e.g. -D state.backend.type=rocksdb; repeatable.")
    Map<String, String> conf = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        if (runs <= 0 || keys <= 0 || parallelism <= 0) {
            throw new IllegalArgumentException("--runs, --keys and --parallelism must be positive");
        }
        if (cluster) {
            return callOnCluster();
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            millis[i] = runOnce();
            System.out.println(String.format(Locale.ROOT, "run %d: down for %.1f ms", i + 1, millis[i]));
        }
        Arrays.sort(millis);
        System.out.println(String.format(Locale.ROOT, "recovery: failure to first record after the restore, median "
                + "%.1f ms (min %.1f, max %.1f, %d runs; %,d keys, parallelism %d, checkpoints every %s, restart "
                + "delay %s)", millis[runs / 2], millis[0], millis[runs - 1], runs, keys, parallelism,
                checkpointInterval, restartDelay));
        return 0;
    }

    private int callOnCluster() throws Exception {
        Path logs = logDir != null ? logDir : Files.createTempDirectory("weir-bench-recovery");
        System.out.println("cluster logs in " + logs);
        if (kill.equals("jobmanager")) {
            return callOnHighlyAvailableCluster(logs);
        }
        if (!kill.equals("taskmanager")) {
            throw new IllegalArgumentException("--kill takes taskmanager or jobmanager, not '" + kill + "'");
        }
        ClusterRecovery bench = new ClusterRecovery(logs, heartbeatInterval, heartbeatTimeout);
        double[] left = new double[runs];
        double[] running = new double[runs];
        double[] first = new double[runs];
        double[] restore = new double[runs];
        for (int i = 0; i < runs; i++) {
            ClusterRecovery.Run run = bench.runOnce(i + 1, keys, parallelism, checkpointInterval, restartDelay, conf);
            left[i] = run.left();
            running[i] = run.running();
            first[i] = run.firstRecord();
            restore[i] = run.firstRecord() - run.running();
            System.out.println(String.format(Locale.ROOT, "run %d: after the kill, job left RUNNING %.1f ms, RUNNING "
                    + "again %.1f ms, first record after the restore %.1f ms", i + 1, left[i], running[i], first[i]));
        }
        String setup = String.format(Locale.ROOT, "%d runs; %,d keys, parallelism %d, checkpoints every %s, restart "
                + "delay %s, heartbeat interval %s, timeout %s", runs, keys, parallelism, checkpointInterval, restartDelay,
                heartbeatInterval, heartbeatTimeout);
        System.out.println("recovery (cluster, kill -9 of a TaskManager), " + setup + ":");
        summary("kill to job left RUNNING (the other TaskManager's tasks lose their connections)", left);
        summary("kill to RUNNING again (detection: the lost TaskManager's slots go at the heartbeat timeout)", running);
        summary("RUNNING again to first record (restore)", restore);
        summary("kill to first record after the restore (as the MiniCluster mode measures)", first);
        return 0;
    }

    private int callOnHighlyAvailableCluster(Path logs) throws Exception {
        ClusterJobManagerRecovery bench = new ClusterJobManagerRecovery(logs, sessionTimeout);
        double[] leader = new double[runs];
        double[] first = new double[runs];
        double[] restore = new double[runs];
        for (int i = 0; i < runs; i++) {
            ClusterJobManagerRecovery.Run run = bench.runOnce(i + 1, keys, parallelism, checkpointInterval, conf);
            leader[i] = run.newLeader();
            first[i] = run.firstRecord();
            restore[i] = run.firstRecord() - run.newLeader();
            System.out.println(String.format(Locale.ROOT, "run %d: after the kill, the standby led %.1f ms, first record"
                    + " after the restore %.1f ms", i + 1, leader[i], first[i]));
        }
        System.out.println(String.format(Locale.ROOT, "recovery (highly available cluster, kill -9 of the leading"
                + " JobManager), %d runs; %,d keys, parallelism %d, checkpoints every %s, ZooKeeper session timeout %s:",
                runs, keys, parallelism, checkpointInterval, sessionTimeout));
        summary("kill to the standby leading (detection: the dead leader's ZooKeeper session expires)", leader);
        summary("new leader to first record (the job recovered from its latest checkpoint)", restore);
        summary("kill to first record after the restore", first);
        return 0;
    }

    private static void summary(String what, double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        System.out.println(String.format(Locale.ROOT, "  %s: median %.1f ms (min %.1f, max %.1f)", what,
                sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1]));
    }

    private double runOnce() throws Exception {
        FAILED_AT.set(0);
        FIRST_AFTER_RESTORE.set(0);
        CHECKPOINTED.set(false);
        Configuration config = new Configuration();
        config.setString("execution.checkpointing.interval", checkpointInterval);
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        config.setString("restart-strategy.fixed-delay.delay", restartDelay);
        conf.forEach(config::setString);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        env.configure(config);
        int keyCount = keys;
        env.fromSource(new DataGeneratorSource<>(i -> i, Long.MAX_VALUE, RateLimiterStrategy.perSecond(200_000),
                        Types.LONG), WatermarkStrategy.noWatermarks(), "numbers")
                .keyBy(x -> x % keyCount)
                .process(new CountThenFail(recordsBeforeFailure / parallelism))
                .sinkTo(new DiscardingSink<>());
        JobClient job = env.executeAsync("recovery benchmark");
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (FIRST_AFTER_RESTORE.get() == 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the job did not recover within 5 minutes");
                }
                Thread.sleep(1); // a benchmark driver polling a flag, not a test synchronising
            }
            return (FIRST_AFTER_RESTORE.get() - FAILED_AT.get()) / 1e6;
        } finally {
            job.cancel().get(1, TimeUnit.MINUTES);
        }
    }

    /** Counts per key; the first attempt throws once after a checkpoint completed and enough records. */
    static final class CountThenFail extends KeyedProcessFunction<Long, Long, Long> implements CheckpointListener {
        private final long failAfter;
        private transient ValueState<Long> count;
        private transient int attempt;
        private transient long seen;

        CountThenFail(long failAfter) {
            this.failAfter = failAfter;
        }

        @Override
        public void open(OpenContext context) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
            attempt = getRuntimeContext().getTaskInfo().getAttemptNumber();
        }

        @Override
        public void processElement(Long value, Context ctx, Collector<Long> out) throws Exception {
            if (attempt > 0 && FIRST_AFTER_RESTORE.get() == 0) {
                FIRST_AFTER_RESTORE.compareAndSet(0, System.nanoTime());
            }
            Long current = count.value();
            count.update(current == null ? 1 : current + 1);
            if (attempt == 0 && ++seen >= failAfter && CHECKPOINTED.get() && FAILED_AT.compareAndSet(0, System.nanoTime())) {
                throw new IllegalStateException("injected failure (recovery benchmark)");
            }
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            CHECKPOINTED.set(true);
        }
    }
}
