package io.weir.bench;

import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.RestartStrategyOptions;
import io.weir.api.connector.datagen.DataGeneratorSource;
import io.weir.api.connector.datagen.RateLimiterStrategy;
import io.weir.api.connector.sink.DiscardingSink;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.execution.JobClient;
import io.weir.api.types.Types;
import io.weir.cluster.RemoteExecutor;
import io.weir.cluster.ha.HighAvailabilityOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code bench recovery --cluster --kill jobmanager}: a highly available cluster on loopback — a
 * ZooKeeper server, two JobManagers (a leader and a standby) and two TaskManagers, each a JVM of its
 * own — runs the benchmark's keyed job ({@link ClusterRecovery.CountAndReport}); once a checkpoint
 * completed, the leading JobManager is killed with {@code kill -9}. Measured from the kill: when the
 * standby announced itself as the new leader (its ready line; that waits for the dead leader's
 * ZooKeeper session to expire, {@code high-availability.zookeeper.client.session-timeout}), and when
 * the job, recovered from its latest checkpoint by the new leader, processed its first record.
 *
 * <p>ZooKeeper runs as a process of its own ({@code ZooKeeperServerMain} from the cluster's class
 * path) so that the benchmark's code stays free of ZooKeeper's classes, as all of Weir outside
 * {@code io.weir.cluster.ha}. Its port is a free one found just before it starts.
 *
 * <p>Threading: one run at a time, from the command's thread.
 */
final class ClusterJobManagerRecovery {
    private static final String HEAP = "512m";
    private static final long STEP_SECONDS = 120;

    private final Path logDir;
    private final String sessionTimeout;

    ClusterJobManagerRecovery(Path logDir, String sessionTimeout) {
        this.logDir = logDir;
        this.sessionTimeout = sessionTimeout;
    }

    /** From the kill, in ms: the standby led, and the recovered job processed its first record. */
    record Run(double newLeader, double firstRecord) {}

    Run runOnce(int run, int keys, int parallelism, String checkpointInterval, Map<String, String> conf)
            throws Exception {
        List<ClusterNode> nodes = new ArrayList<>();
        Path runDir = Files.createDirectories(logDir.resolve("run-" + run));
        try {
            int zooKeeperPort = freePort();
            ClusterNode zooKeeper = startZooKeeper(runDir, zooKeeperPort);
            nodes.add(zooKeeper);
            awaitListening(zooKeeper, zooKeeperPort);
            Configuration ha = new Configuration();
            ha.setString("high-availability.type", "zookeeper");
            ha.setString("high-availability.zookeeper.quorum", "127.0.0.1:" + zooKeeperPort);
            ha.setString("high-availability.storageDir", runDir.resolve("ha").toString());
            ha.setString("high-availability.cluster-id", "/bench-" + run);
            ha.setString("high-availability.zookeeper.client.session-timeout", sessionTimeout);
            ClusterNode leader = startJobManager(runDir, "jobmanager-1", ha);
            nodes.add(leader);
            leader.awaitReady(); // alone in the election, it leads
            ClusterNode standby = startJobManager(runDir, "jobmanager-2", ha);
            nodes.add(standby);
            standby.awaitLine(line -> line.startsWith("JobManager standby"), STEP_SECONDS);
            ClusterNode[] taskManagers = new ClusterNode[2];
            for (int i = 0; i < 2; i++) {
                List<String> settings = settings(ha, "taskmanager.host=127.0.0.1",
                        "taskmanager.numberOfTaskSlots=" + parallelism);
                taskManagers[i] = ClusterNode.start("taskmanager-" + (i + 1), "io.weir.cluster.TaskManagerProcess",
                        runDir, HEAP, line -> line.startsWith("TaskManager ") && line.endsWith(" registered"),
                        settings.toArray(String[]::new));
                nodes.add(taskManagers[i]);
            }
            for (ClusterNode taskManager : taskManagers) {
                taskManager.awaitReady();
            }
            try (RemoteExecutor executor = RemoteExecutor.forHighAvailableCluster(ha)) {
                Configuration config = new Configuration();
                config.setString("execution.checkpointing.interval", checkpointInterval);
                config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
                config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, Integer.MAX_VALUE);
                config.setString("restart-strategy.fixed-delay.delay", "0 ms");
                conf.forEach(config::setString);
                StreamExecutionEnvironment env = new StreamExecutionEnvironment(executor, config);
                env.setParallelism(parallelism);
                int keyCount = keys;
                env.fromSource(new DataGeneratorSource<>(i -> i, Long.MAX_VALUE, RateLimiterStrategy.perSecond(200_000),
                                Types.LONG), WatermarkStrategy.noWatermarks(), "numbers")
                        .keyBy(x -> x % keyCount)
                        .process(new ClusterRecovery.CountAndReport())
                        .sinkTo(new DiscardingSink<>());
                JobClient job = env.executeAsync("recovery benchmark, JobManager killed");
                try {
                    return killAndMeasure(leader, standby, taskManagers);
                } finally {
                    job.cancel().get(STEP_SECONDS, TimeUnit.SECONDS);
                }
            }
        } finally {
            for (int i = nodes.size() - 1; i >= 0; i--) {
                nodes.get(i).close();
            }
        }
    }

    private Run killAndMeasure(ClusterNode leader, ClusterNode standby, ClusterNode[] taskManagers) throws Exception {
        String checkpointed = ClusterRecovery.LINE + "checkpoint attempt=0";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STEP_SECONDS);
        while (taskManagers[0].findLine(checkpointed::equals) == null
                && taskManagers[1].findLine(checkpointed::equals) == null) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("no checkpoint completed within " + STEP_SECONDS + " s; see the logs in "
                        + leader.logDir());
            }
            leader.checkAlive();
            Thread.sleep(2); // a benchmark driver polling the processes' output, not a test synchronising
        }
        long killedAt = System.nanoTime();
        leader.kill();
        standby.awaitLine(line -> line.startsWith("JobManager ready at "), STEP_SECONDS + sessionSeconds());
        long newLeader = standby.lineReadAt(line -> line.startsWith("JobManager ready at "));
        // the recovered tasks report their first record with nanos after the kill; the old ones reported before it
        long firstRecord = Long.MAX_VALUE;
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STEP_SECONDS);
        while (firstRecord == Long.MAX_VALUE) {
            for (ClusterNode taskManager : taskManagers) {
                for (String line : taskManager.lines(l -> l.startsWith(ClusterRecovery.LINE + "first "))) {
                    long nanos = Long.parseLong(line.substring(line.indexOf("nanos=") + "nanos=".length()));
                    if (nanos > killedAt) {
                        firstRecord = Math.min(firstRecord, nanos);
                    }
                }
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("the job processed no record within " + STEP_SECONDS + " s of the new"
                        + " leader; see the logs in " + leader.logDir());
            }
            Thread.sleep(2); // as above
        }
        return new Run((newLeader - killedAt) / 1e6, (firstRecord - killedAt) / 1e6);
    }

    private long sessionSeconds() {
        return HighAvailabilityOptions.SESSION_TIMEOUT.parse(sessionTimeout).toSeconds();
    }

    private static ClusterNode startJobManager(Path dir, String name, Configuration ha) throws IOException {
        List<String> settings = settings(ha, "jobmanager.rpc.address=127.0.0.1", "jobmanager.rpc.port=0", "rest.port=0");
        return ClusterNode.start(name, "io.weir.cluster.JobManagerProcess", dir, HEAP,
                line -> line.startsWith("JobManager ready at "), settings.toArray(String[]::new));
    }

    private static List<String> settings(Configuration ha, String... more) {
        List<String> settings = new ArrayList<>(List.of(more));
        ha.toMap().forEach((key, value) -> settings.add(key + "=" + value));
        return settings;
    }

    /**
     * A standalone ZooKeeper with a short tick, so that session timeouts from 1 s to 10 min are
     * honoured rather than clamped to 2–20 ticks, and its session checks are fine-grained.
     */
    private static ClusterNode startZooKeeper(Path dir, int port) throws IOException {
        Path data = Files.createDirectories(dir.resolve("zookeeper"));
        Path config = dir.resolve("zoo.cfg");
        Files.writeString(config, String.join("\n", "tickTime=100", "minSessionTimeout=1000",
                "maxSessionTimeout=600000", "dataDir=" + data, "clientPort=" + port, "clientPortAddress=127.0.0.1",
                "admin.enableServer=false", ""));
        return ClusterNode.startProgram("zookeeper", "org.apache.zookeeper.server.ZooKeeperServerMain", dir, "256m",
                List.of(config.toString()));
    }

    /** A port free at the moment (ZooKeeper cannot report the one it picked for port 0 on stdout). */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void awaitListening(ClusterNode zooKeeper, int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STEP_SECONDS);
        while (true) {
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                zooKeeper.checkAlive();
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("ZooKeeper did not listen on port " + port + " within " + STEP_SECONDS + " s");
                }
                Thread.sleep(20); // polling a port that is not open yet
            }
        }
    }
}
