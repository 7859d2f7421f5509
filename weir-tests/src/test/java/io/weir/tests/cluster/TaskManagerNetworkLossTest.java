package io.weir.tests.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.configuration.Configuration;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.JobClient;
import io.weir.cluster.RemoteExecutor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A TaskManager that stops answering without closing its connections: the process is frozen with
 * {@code kill -STOP}, so its sockets stay open (the kernel even accepts data for them) but nothing
 * reads, writes or sends heartbeats, as when a network link silently drops everything or a JVM hangs.
 * Nobody sees a connection drop: only the JobManager's heartbeat timeout notices, drops the
 * TaskManager with its slots and fails the job over onto the other TaskManager. The committed output
 * equals that of a failure-free run; the frozen process is killed only after the job ended.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class TaskManagerNetworkLossTest {
    private static final long RECORDS = 6_000;

    @TempDir
    static Path dir;
    private static ClusterProcess jobManager;
    private static ClusterProcess survivor;
    private static ClusterProcess frozen;
    private static InetSocketAddress jobManagerAddress;

    @BeforeAll
    static void startCluster() throws Exception {
        jobManager = ClusterProcess.startJobManager(dir, "heartbeat.timeout=2 s");
        int port = jobManager.awaitJobManagerPort(60);
        jobManagerAddress = new InetSocketAddress("127.0.0.1", port);
        survivor = startTaskManager("taskmanager-1", port);
        frozen = startTaskManager("taskmanager-2", port);
        survivor.awaitReady(60);
        frozen.awaitReady(60);
    }

    private static ClusterProcess startTaskManager(String name, int jobManagerPort) throws IOException {
        return ClusterProcess.startTaskManager(name, dir, jobManagerPort, 2);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (frozen != null) {
            frozen.kill(); // SIGKILL ends a stopped process too
        }
        for (ClusterProcess process : new ClusterProcess[] {survivor, jobManager}) {
            if (process != null) {
                process.close();
            }
        }
    }

    @Test
    void aTaskManagerThatStopsAnsweringIsDroppedByHeartbeatAndTheJobFailsOverWithItsOutputIntact() throws Exception {
        Path clean = dir.resolve("clean");
        StreamExecutionEnvironment local = StreamExecutionEnvironment.getExecutionEnvironment(new Configuration());
        WindowedCountJob.define(local, clean, RECORDS, 1_500);
        local.execute("windows, failure-free");
        List<String> failureFree = WindowedCountJob.committedLines(clean);
        assertFalse(failureFree.isEmpty());

        Path recovered = Files.createDirectories(dir.resolve("recovered"));
        try (RemoteExecutor executor = new RemoteExecutor(jobManagerAddress);
                WatchService watch = FileSystems.getDefault().newWatchService()) {
            recovered.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
            StreamExecutionEnvironment env = new StreamExecutionEnvironment(executor, new Configuration());
            WindowedCountJob.define(env, recovered, RECORDS, 1_500);
            JobClient job = env.executeAsync("windows, a TaskManager frozen");
            WindowedCountJob.awaitCommittedFile(watch, 60);
            signal("-STOP", frozen);
            job.getJobExecutionResult().get(120, TimeUnit.SECONDS);
        }
        frozen.kill(); // before reading the output: a frozen process writes nothing, a killed one never will
        String jobManagerLog = Files.readString(dir.resolve("jobmanager.log"));
        assertTrue(jobManagerLog.contains("sent no heartbeat"), "the JobManager noticed by heartbeat:\n" + jobManagerLog);
        assertTrue(jobManagerLog.contains("to replace those of lost TaskManagers"),
                "the job got replacement slots:\n" + jobManagerLog);
        assertEquals(failureFree, WindowedCountJob.committedLines(recovered));
    }

    /** {@code kill <signal> <pid>}: the operating system's, so the JVM cannot intervene. */
    static void signal(String signal, ClusterProcess process) throws Exception {
        Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start();
        assertTrue(kill.waitFor(30, TimeUnit.SECONDS), "kill " + signal + " did not end");
        assertEquals(0, kill.exitValue(), "kill " + signal + " " + process);
    }
}
