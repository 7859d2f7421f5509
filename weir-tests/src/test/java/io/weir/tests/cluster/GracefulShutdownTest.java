package io.weir.tests.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.RestartStrategyOptions;
import io.weir.api.connector.datagen.DataGeneratorSource;
import io.weir.api.connector.datagen.RateLimiterStrategy;
import io.weir.api.connector.sink.DiscardingSink;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.execution.JobClient;
import io.weir.api.functions.OpenContext;
import io.weir.api.functions.RichMapFunction;
import io.weir.api.types.Types;
import io.weir.cluster.RemoteExecutor;
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
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM ({@code Process.destroy()}) to the processes of a cluster, each in a JVM of its own: a
 * TaskManager releases its slots at the JobManager, whose job fails over to the other TaskManager at
 * once (the heartbeat timeout is ten minutes here, so only the TaskManager's goodbye can explain it),
 * and a JobManager with {@code jobmanager.shutdown.savepoint-dir} stops the job with a savepoint.
 * Both end with the JVM's exit code for SIGTERM after their shutdown hooks ran.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class GracefulShutdownTest {
    /** What a JVM ending on SIGTERM after its shutdown hooks exits with (128 + 15). */
    private static final int SIGTERM_EXIT = 143;

    @TempDir
    Path dir;

    /** Leaves a file each time a subtask (re)starts: the test waits for these with a WatchService. */
    static final class MarkStarts extends RichMapFunction<Long, Long> {
        private final String markers;

        MarkStarts(Path markers) {
            this.markers = markers.toString();
        }

        @Override
        public void open(OpenContext openContext) throws IOException {
            Files.createFile(Path.of(markers, "started-" + getRuntimeContext().getTaskInfo().getIndexOfThisSubtask()
                    + "-" + getRuntimeContext().getTaskInfo().getAttemptNumber() + "-" + System.nanoTime()));
        }

        @Override
        public Long map(Long value) {
            return value;
        }
    }

    private ClusterProcess taskManager(String name, int jobManagerPort) throws IOException {
        return ClusterProcess.start(name, "io.weir.cluster.TaskManagerProcess", dir,
                line -> line.startsWith("TaskManager ") && line.endsWith(" registered"),
                "jobmanager.rpc.address=127.0.0.1", "jobmanager.rpc.port=" + jobManagerPort,
                "taskmanager.host=127.0.0.1", "taskmanager.numberOfTaskSlots=2", "heartbeat.interval=100 ms");
    }

    @Test
    void sigtermReleasesATaskManagersSlotsAtOnceAndStopsTheJobsWithASavepoint() throws Exception {
        Path markers = Files.createDirectories(dir.resolve("markers"));
        Path savepoints = dir.resolve("savepoints");
        try (ClusterProcess jobManager = ClusterProcess.start("jobmanager", "io.weir.cluster.JobManagerProcess", dir,
                line -> line.startsWith("JobManager ready at "), "jobmanager.rpc.address=127.0.0.1",
                "jobmanager.rpc.port=0", "rest.port=0", "heartbeat.timeout=10 min",
                "jobmanager.shutdown.savepoint-dir=" + savepoints)) {
            String ready = jobManager.awaitReady(60);
            int port = Integer.parseInt(ready.substring(ready.lastIndexOf(':') + 1).trim());
            try (ClusterProcess staying = taskManager("taskmanager-1", port);
                    ClusterProcess leaving = taskManager("taskmanager-2", port);
                    RemoteExecutor executor = new RemoteExecutor(new InetSocketAddress("127.0.0.1", port));
                    WatchService watch = FileSystems.getDefault().newWatchService()) {
                staying.awaitReady(60);
                leaving.awaitReady(60);
                markers.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
                StreamExecutionEnvironment env = new StreamExecutionEnvironment(executor, new Configuration());
                env.setParallelism(2);
                Configuration restarts = new Configuration();
                restarts.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
                restarts.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 10);
                restarts.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(100));
                env.configure(restarts);
                env.fromSource(new DataGeneratorSource<>(i -> i, Long.MAX_VALUE, RateLimiterStrategy.perSecond(100),
                                Types.LONG), WatermarkStrategy.noWatermarks(), "numbers")
                        .map(new MarkStarts(markers)).returns(Types.LONG)
                        .sinkTo(new DiscardingSink<>());
                JobClient job = env.executeAsync("held until stopped");
                awaitMarkers(watch, 2, 60); // both subtasks run, one in each TaskManager

                assertEquals(SIGTERM_EXIT, leaving.terminate(60), "the TaskManager ended through its shutdown hook");
                String leavingLog = Files.readString(dir.resolve("taskmanager-2.log"));
                assertTrue(leavingLog.contains("released its slots"), leavingLog);
                awaitMarkers(watch, 1, 60); // restarted in the staying TaskManager, long before any heartbeat timeout
                String failoverLog = Files.readString(dir.resolve("jobmanager.log"));
                assertTrue(failoverLog.contains("left (TaskManager ") && failoverLog.contains(" shut down); 1 job(s)"
                        + " fail over"), "the JobManager heard the TaskManager leave:\n" + failoverLog);

                assertEquals(SIGTERM_EXIT, jobManager.terminate(90), "the JobManager ended through its shutdown hook");
                // Process.destroy() also closes this side of the process's stdout, so what the shutdown hook
                // prints is read from its log file (stderr), which the JVM writes to directly
                String jobManagerLog = Files.readString(dir.resolve("jobmanager.log"));
                String prefix = "Stopped job " + job.getJobID().toHexString() + " with a savepoint at ";
                assertTrue(jobManagerLog.contains(prefix), jobManagerLog);
                String stopped = jobManagerLog.substring(jobManagerLog.indexOf(prefix)).lines().findFirst().orElseThrow();
                try (Stream<Path> written = Files.list(savepoints)) {
                    List<Path> savepointDirs = written.toList();
                    assertEquals(1, savepointDirs.size(), "one savepoint: " + savepointDirs);
                    assertTrue(stopped.contains(savepointDirs.get(0).getFileName().toString()), stopped);
                }
            }
        }
    }

    /** Waits (on file system events, not a clock) until {@code count} more subtasks started. */
    private static void awaitMarkers(WatchService watch, int count, long seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        int seen = 0;
        while (seen < count) {
            WatchKey key = watch.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (key == null) {
                throw new AssertionError("only " + seen + " of " + count + " subtask start(s) within " + seconds + " s");
            }
            for (WatchEvent<?> event : key.pollEvents()) {
                if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE) {
                    seen++;
                }
            }
            key.reset();
        }
    }
}
