package io.weir.tests.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The soak (profile {@code soak}: {@code ./mvnw -pl weir-tests -am verify -Psoak}): one job on a
 * JobManager and two TaskManagers of one slot each, so the job always spans both; 20 times in a row
 * the second TaskManager is killed with {@code kill -9} once the job, recovered onto a fresh one,
 * has committed output again, and a new TaskManager is started in its place. Nothing is lost or
 * duplicated: the committed output equals that of a failure-free run.
 */
@Tag("soak")
@Timeout(value = 900, unit = TimeUnit.SECONDS)
class TaskManagerKillSoakTest {
    private static final int KILLS = 20;
    /** At 200 a second, some 150 s of data: more than 20 rounds of recovery and progress take. */
    private static final long RECORDS = 30_000;
    private static final int PER_SECOND = 200;

    @TempDir
    static Path dir;
    private static ClusterProcess jobManager;
    private static ClusterProcess stable;
    private static ClusterProcess victim;
    private static int jobManagerPort;

    @BeforeAll
    static void startCluster() throws Exception {
        jobManager = ClusterProcess.startJobManager(dir, "heartbeat.timeout=2 s",
                "slot.request.timeout=5 min");
        jobManagerPort = jobManager.awaitJobManagerPort(60);
        stable = startTaskManager("taskmanager-stable");
        victim = startTaskManager("taskmanager-victim-0");
        stable.awaitReady(60);
        victim.awaitReady(60);
    }

    private static ClusterProcess startTaskManager(String name) throws IOException {
        return ClusterProcess.startTaskManager(name, dir, jobManagerPort, 1);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        for (ClusterProcess process : new ClusterProcess[] {victim, stable, jobManager}) {
            if (process != null) {
                process.close();
            }
        }
    }

    @Test
    void twentyTaskManagerKillsInARowLoseAndDuplicateNothing() throws Exception {
        Path clean = dir.resolve("clean");
        StreamExecutionEnvironment local = StreamExecutionEnvironment.getExecutionEnvironment(new Configuration());
        WindowedCountJob.define(local, clean, RECORDS, 20_000); // the rate changes nothing but the run time
        local.execute("windows, failure-free");
        List<String> failureFree = WindowedCountJob.committedLines(clean);
        assertFalse(failureFree.isEmpty());

        Path recovered = Files.createDirectories(dir.resolve("recovered"));
        try (RemoteExecutor executor = new RemoteExecutor(new InetSocketAddress("127.0.0.1", jobManagerPort));
                WatchService watch = FileSystems.getDefault().newWatchService()) {
            recovered.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
            StreamExecutionEnvironment env = new StreamExecutionEnvironment(executor, new Configuration());
            WindowedCountJob.define(env, recovered, RECORDS, PER_SECOND);
            JobClient job = env.executeAsync("windows, 20 TaskManagers killed");
            for (int kill = 1; kill <= KILLS; kill++) {
                // the job runs on the current victim (it needs both slots) and commits again
                WindowedCountJob.awaitCommittedFile(watch, 120);
                assertFalse(job.getJobExecutionResult().isDone(), "the job ended after " + (kill - 1) + " kills:"
                        + " raise RECORDS so that it outlasts " + KILLS + " rounds on this machine");
                victim.kill();
                victim = startTaskManager("taskmanager-victim-" + kill);
                victim.awaitReady(60);
                WindowedCountJob.forgetCommittedFiles(watch); // wait for a commit of the recovered job
            }
            job.getJobExecutionResult().get(600, TimeUnit.SECONDS);
        }
        assertEquals(failureFree, WindowedCountJob.committedLines(recovered));
    }
}
