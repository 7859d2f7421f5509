package io.weir.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.configuration.Configuration;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.JobClient;
import io.weir.api.execution.JobExecutionResult;
import io.weir.api.execution.JobStatus;
import io.weir.api.functions.sink.DiscardingSink;
import io.weir.api.functions.source.SourceFunction;
import io.weir.cluster.ha.JobGraphStore;
import io.weir.cluster.ha.SessionExpiry;
import io.weir.cluster.ha.ZooKeeperServices;
import io.weir.runtime.configuration.JobManagerOptions;
import io.weir.runtime.configuration.TaskManagerOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A leading JobManager whose ZooKeeper session expires, against a real ZooKeeper server in this JVM,
 * with a TaskManager and a client: it steps down instead of halting, keeps its job recorded, and,
 * elected again under a new session, resumes the job, which the client follows.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LeadershipLossTest {
    /** One entry each time the held job's source starts running. */
    private static final BlockingQueue<Integer> SOURCE_STARTS = new LinkedBlockingQueue<>();

    @TempDir
    Path dir;

    /** Emits one record, then holds the job running until it is cancelled. */
    private static final class HoldingSource implements SourceFunction<Long> {
        private transient CountDownLatch cancelled;

        @Override
        public void run(SourceContext<Long> ctx) throws Exception {
            cancelled = new CountDownLatch(1);
            ctx.collect(1L);
            SOURCE_STARTS.add(1);
            cancelled.await();
        }

        @Override
        public void cancel() {
            if (cancelled != null) {
                cancelled.countDown();
            }
        }
    }

    private Configuration configuration(TestingServer zooKeeper) {
        Configuration configuration = new Configuration()
                .set(JobManagerOptions.RPC_ADDRESS, "127.0.0.1")
                .set(JobManagerOptions.RPC_PORT, 0)
                .set(TaskManagerOptions.HOST, "127.0.0.1")
                .set(TaskManagerOptions.NUM_TASK_SLOTS, 1)
                .set(JobManagerOptions.HEARTBEAT_INTERVAL, Duration.ofMillis(200));
        configuration.setString("high-availability.type", "zookeeper");
        configuration.setString("high-availability.zookeeper.quorum", zooKeeper.getConnectString());
        configuration.setString("high-availability.storageDir", dir.resolve("ha").toString());
        configuration.setString("high-availability.cluster-id", "/leadership-loss");
        configuration.setString("high-availability.zookeeper.client.session-timeout", "4 s");
        configuration.setString("high-availability.zookeeper.client.retry-wait", "100 ms");
        return configuration;
    }

    @Test
    void aLeaderWhoseSessionExpiresStepsDownKeepsItsJobAndResumesItWhenElectedAgain() throws Exception {
        BlockingQueue<JobManagerProcess> terms = new LinkedBlockingQueue<>();
        try (TestingServer zooKeeper = new TestingServer(true)) {
            Configuration configuration = configuration(zooKeeper);
            try (HighlyAvailableJobManagerProcess jobManager = HighlyAvailableJobManagerProcess.start(configuration, terms::add,
                    zk -> {});
                    ZooKeeperServices observer = ZooKeeperServices.connect(configuration)) {
                JobManagerProcess firstTerm = terms.poll(60, TimeUnit.SECONDS);
                assertNotNull(firstTerm, "elected");
                try (TaskManagerProcess taskManager = new TaskManagerProcess(configuration);
                        RemoteExecutor executor = RemoteExecutor.forHighAvailableCluster(configuration)) {
                    StreamExecutionEnvironment env = new StreamExecutionEnvironment(executor, new Configuration());
                    env.setParallelism(1);
                    env.addSource(new HoldingSource()).addSink(new DiscardingSink<>());
                    JobClient job = env.executeAsync("held");
                    assertNotNull(SOURCE_STARTS.poll(60, TimeUnit.SECONDS), "the job runs");
                    CompletableFuture<JobExecutionResult> result = job.getJobExecutionResult();

                    SessionExpiry.expire(jobManager.zooKeeper());

                    JobManagerProcess secondTerm = terms.poll(60, TimeUnit.SECONDS);
                    assertNotNull(secondTerm, "elected again once its old session is gone");
                    assertNotEquals(firstTerm.session(), secondTerm.session(), "a new term has a new leader session");
                    assertNotNull(SOURCE_STARTS.poll(60, TimeUnit.SECONDS),
                            "the job was kept recorded, not failed, and the new term resumed it");
                    assertEquals(JobStatus.RUNNING, job.getJobStatus().get(60, TimeUnit.SECONDS),
                            "the client follows its job to the new term");
                    JobGraphStore stored = observer.jobGraphStore();
                    assertEquals(List.of(job.getJobID()), stored.recoverAll().stream()
                            .map(JobGraphStore.StoredJob::jobId).toList());

                    assertFalse(result.isDone(), "the client still waits for the job, which goes on: " + result);
                    job.cancel().get(60, TimeUnit.SECONDS);
                    ExecutionException ended = assertThrows(ExecutionException.class,
                            () -> result.get(60, TimeUnit.SECONDS));
                    assertTrue(String.valueOf(ended.getCause().getMessage()).contains("was cancelled"),
                            "the client heard of the job's end from the new term: " + ended.getCause());
                }
            }
            assertTrue(terms.isEmpty(), "no third term: " + terms);
            assertNull(SOURCE_STARTS.poll(), "the job did not start a third time");
        }
    }
}
