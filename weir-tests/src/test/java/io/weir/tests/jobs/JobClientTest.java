package io.weir.tests.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.connector.datagen.DataGeneratorSource;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.execution.CloseableIterator;
import io.weir.api.execution.JobClient;
import io.weir.api.execution.JobExecutionResult;
import io.weir.api.execution.JobStatus;
import io.weir.api.types.Types;
import io.weir.testutils.MiniClusterExtension;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Submitting, watching, cancelling and collecting jobs. */
class JobClientTest {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build();

    @Test
    void boundedJobFinishesWithItsRuntime() throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(2);
        env.fromSequence(1, 100_000).map(x -> x * 2).sinkTo(new io.weir.api.connector.sink.DiscardingSink<>());
        JobClient client = env.executeAsync("bounded");
        JobExecutionResult result = client.getJobExecutionResult().get(60, TimeUnit.SECONDS);
        assertEquals(client.getJobID(), result.getJobID());
        assertTrue(result.getNetRuntime() >= 0);
        assertEquals(JobStatus.FINISHED, client.getJobStatus().get());
    }

    @Test
    void unboundedJobRunsUntilCancelled() throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(2);
        DataGeneratorSource<Long> endless = new DataGeneratorSource<>(i -> i, Long.MAX_VALUE, Types.LONG);
        env.fromSource(endless, WatermarkStrategy.noWatermarks(), "endless").map(x -> x + 1)
                .sinkTo(new io.weir.api.connector.sink.DiscardingSink<>());
        JobClient client = env.executeAsync("endless");
        assertEquals(JobStatus.RUNNING, awaitRunning(client));
        client.cancel().get(30, TimeUnit.SECONDS);
        assertEquals(JobStatus.CANCELED, client.getJobStatus().get());
        ExecutionException e = assertThrows(ExecutionException.class, () -> client.getJobExecutionResult().get());
        assertTrue(e.getCause().getMessage().contains("cancelled"), e.getCause().getMessage());
    }

    @Test
    void collectingAFewResultsOfAnUnboundedJobCancelsIt() throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(2);
        DataGeneratorSource<Long> endless = new DataGeneratorSource<>(i -> i, Long.MAX_VALUE, Types.LONG);
        List<Long> first = env.fromSource(endless, WatermarkStrategy.noWatermarks(), "endless")
                .filter(x -> x % 1000 == 0).executeAndCollect(5);
        assertEquals(5, first.size());
        first.forEach(x -> assertEquals(0, x % 1000));
    }

    @Test
    void iteratorReportsAFailureOfTheJob() throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
        try (CloseableIterator<Long> it = env.fromSequence(1, 10).map(x -> {
            if (x == 3) {
                throw new IllegalStateException("third");
            }
            return x;
        }).executeAndCollect()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> {
                while (it.hasNext()) {
                    it.next();
                }
            });
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            assertEquals("third", root.getMessage());
        }
    }

    private static JobStatus awaitRunning(JobClient client) throws Exception {
        JobStatus status = client.getJobStatus().get();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (status == JobStatus.CREATED && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            status = client.getJobStatus().get();
        }
        return status;
    }
}
