package io.weir.tests.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.configuration.Configuration;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.JobClient;
import io.weir.api.execution.JobID;
import io.weir.api.functions.sink.DiscardingSink;
import io.weir.cluster.HighlyAvailableJobManagerProcess;
import io.weir.cluster.RemoteExecutor;
import io.weir.cluster.TaskManagerProcess;
import io.weir.cluster.JobManagerProcess;
import io.weir.web.JobManagerRestClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two JobManagers of a highly available cluster in this JVM, against ZooKeeper in this JVM: the
 * leader serves the REST API (weir-web is on the class path), and the CLI pointed at the standby's
 * REST port ({@code bin/weir list -m standby}) is redirected to the leader's.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StandbyRedirectTest {
    @TempDir
    Path dir;

    private Configuration configuration(TestingServer zooKeeper) {
        Configuration configuration = new Configuration();
        configuration.setString("jobmanager.rpc.address", "127.0.0.1");
        configuration.setString("jobmanager.rpc.port", "0");
        configuration.setString("rest.port", "0");
        configuration.setString("rest.address", "127.0.0.1");
        configuration.setString("rest.bind-address", "127.0.0.1");
        configuration.setString("high-availability.type", "zookeeper");
        configuration.setString("high-availability.zookeeper.quorum", zooKeeper.getConnectString());
        configuration.setString("high-availability.storageDir", dir.resolve("ha").toString());
        configuration.setString("high-availability.cluster-id", "/standby-redirect");
        return configuration;
    }

    @Test
    void theCliPointedAtAStandbyIsRedirectedToTheLeader() throws Exception {
        try (TestingServer zooKeeper = new TestingServer(true)) {
            Configuration configuration = configuration(zooKeeper);
            BlockingQueue<JobManagerProcess> leaders = new LinkedBlockingQueue<>();
            try (HighlyAvailableJobManagerProcess leader = HighlyAvailableJobManagerProcess.start(configuration,
                    leaders::add, zk -> {})) {
                JobManagerProcess leading = leaders.poll(60, TimeUnit.SECONDS);
                assertNotNull(leading, "the first JobManager leads");
                CountDownLatch standing = new CountDownLatch(1);
                try (HighlyAvailableJobManagerProcess standby = HighlyAvailableJobManagerProcess.start(configuration,
                        leaders::add, zk -> standing.countDown())) {
                    assertTrue(standing.await(60, TimeUnit.SECONDS), "the second JobManager waits as a standby");
                    InetSocketAddress standbyRest = standby.standbyRestAddress().orElseThrow();
                    String address = "127.0.0.1:" + standbyRest.getPort();

                    JobID job = runJobOnTheLeader(configuration);

                    List<JobManagerRestClient.JobSummary> jobs = new JobManagerRestClient(address).listJobs();
                    assertEquals(List.of(job.toHexString()), jobs.stream().map(JobManagerRestClient.JobSummary::id).toList(),
                            "the leader's job list, through the standby");
                    String output = weirList(address);
                    assertTrue(output.contains(job.toHexString() + " : counted : FINISHED")
                            || output.contains(job.toHexString() + " : counted (FINISHED)"), output);
                    assertTrue(leaders.isEmpty(), "the standby did not lead");
                }
            }
        }
    }

    /** Runs a small job on the leader (with a TaskManager that finds it through ZooKeeper) to its end. */
    private static JobID runJobOnTheLeader(Configuration configuration) throws Exception {
        Configuration taskManager = new Configuration(configuration);
        taskManager.setString("taskmanager.host", "127.0.0.1");
        try (TaskManagerProcess slots = new TaskManagerProcess(taskManager);
                RemoteExecutor executor = RemoteExecutor.forHighAvailableCluster(configuration)) {
            StreamExecutionEnvironment env = new StreamExecutionEnvironment(executor, new Configuration());
            env.setParallelism(1);
            env.fromSequence(1, 10).addSink(new DiscardingSink<>());
            JobClient client = env.executeAsync("counted");
            client.getJobExecutionResult().get(60, TimeUnit.SECONDS);
            return client.getJobID();
        }
    }

    /** {@code bin/weir list -m <address>} in a JVM of its own. */
    private static String weirList(String address) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-cp", System.getProperty("java.class.path"), "io.weir.cli.WeirCli", "list", "-m", address)
                .redirectErrorStream(true);
        builder.environment().remove("WEIR_CONF_DIR");
        Process process = builder.start();
        CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
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
}
