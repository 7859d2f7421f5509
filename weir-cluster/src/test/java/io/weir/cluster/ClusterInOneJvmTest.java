package io.weir.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.RestartStrategyOptions;
import io.weir.api.connector.datagen.DataGeneratorSource;
import io.weir.api.connector.datagen.RateLimiterStrategy;
import io.weir.api.connector.sink.DiscardingSink;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.execution.CloseableIterator;
import io.weir.api.execution.JobClient;
import io.weir.api.execution.JobStatus;
import io.weir.api.execution.SavepointFormatType;
import io.weir.api.functions.RichMapFunction;
import io.weir.api.functions.sink.SinkFunction;
import io.weir.api.types.Types;
import io.weir.runtime.configuration.JobManagerOptions;
import io.weir.runtime.configuration.TaskManagerOptions;
import io.weir.runtime.jobmaster.JobDetails;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JobManager and two TaskManagers, as their process classes, in one JVM: they reach each other
 * only over the control plane and exchange records only over the data plane, on loopback.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ClusterInOneJvmTest {
    private static final Map<Long, Long> LATEST_SUM_PER_KEY = new ConcurrentHashMap<>();
    private static JobManagerProcess jobManager;
    private static TaskManagerProcess first;
    private static TaskManagerProcess second;

    @BeforeAll
    static void startCluster() {
        Configuration jm = new Configuration()
                .set(JobManagerOptions.RPC_ADDRESS, "127.0.0.1")
                .set(JobManagerOptions.RPC_PORT, 0);
        jobManager = new JobManagerProcess(jm);
        first = new TaskManagerProcess(taskManagerConfiguration());
        second = new TaskManagerProcess(taskManagerConfiguration());
    }

    private static Configuration taskManagerConfiguration() {
        return new Configuration()
                .set(JobManagerOptions.RPC_ADDRESS, "127.0.0.1")
                .set(JobManagerOptions.RPC_PORT, jobManager.address().getPort())
                .set(TaskManagerOptions.HOST, "127.0.0.1")
                .set(TaskManagerOptions.NUM_TASK_SLOTS, 1)
                .set(JobManagerOptions.HEARTBEAT_INTERVAL, Duration.ofMillis(200));
    }

    @AfterAll
    static void stopCluster() {
        second.close();
        first.close();
        jobManager.close();
    }

    /** Keeps the latest running sum of each key; static, since the sink itself travels serialized. */
    private static final class LatestSum implements SinkFunction<Long> {
        @Override
        public void invoke(Long value) {
            LATEST_SUM_PER_KEY.merge(value % 1_000_000, value / 1_000_000, Math::max);
        }
    }

    @Test
    void aKeyedJobRunsAcrossBothTaskManagers() throws Exception {
        assertEquals(2, jobManager.cluster().totalSlots());
        try (RemoteExecutor executor = new RemoteExecutor(jobManager.address())) {
            StreamExecutionEnvironment env = new StreamExecutionEnvironment(executor, new Configuration());
            env.setParallelism(2);
            env.fromSequence(1, 10_000)
                    .map(x -> x * 1_000_000 + x % 7).name("encode")
                    .keyBy(x -> x % 1_000_000)
                    .reduce((a, b) -> (a / 1_000_000 + b / 1_000_000) * 1_000_000 + a % 1_000_000).name("sum")
                    .addSink(new LatestSum()).name("sink");
            JobClient client = env.executeAsync("keyed sums on a cluster");
            client.getJobExecutionResult().get(30, TimeUnit.SECONDS);
            JobDetails details = jobManager.cluster().jobDetails(client.getJobID()).orElseThrow()
                    .get(10, TimeUnit.SECONDS);
            Set<String> taskManagers = new HashSet<>();
            details.vertices().forEach(v -> v.subtasks().forEach(s -> taskManagers.add(s.taskManagerId())));
            assertEquals(Set.of(first.id(), second.id()), taskManagers, "the tasks ran in both TaskManagers");
        }
        for (long key = 0; key < 7; key++) {
            long expected = 0;
            for (long x = 1; x <= 10_000; x++) {
                expected += x % 7 == key ? x : 0;
            }
            assertEquals(expected, LATEST_SUM_PER_KEY.get(key), "sum of key " + key);
        }
    }

    @Test
    void aJobNeedingMoreSlotsThanTheClusterHasIsRefusedSayingWhy() throws Exception {
        try (RemoteExecutor executor = new RemoteExecutor(jobManager.address())) {
            StreamExecutionEnvironment env = new StreamExecutionEnvironment(executor, new Configuration());
            env.setParallelism(3);
            env.fromSequence(1, 10).addSink(new LatestSum());
            JobClient client = env.executeAsync("too wide");
            Exception failure = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                    () -> client.getJobExecutionResult().get(30, TimeUnit.SECONDS));
            String message = String.valueOf(failure.getCause());
            assertTrue(message.contains("needs 3 slots") && message.contains("taskmanager.numberOfTaskSlots"), message);
        }
    }

    /** The final sum of each key, as a BATCH job reports it once per key. */
    private static final Map<Long, Long> FINAL_SUM_PER_KEY = new ConcurrentHashMap<>();

    private static final class FinalSum implements SinkFunction<io.weir.api.tuple.Tuple2<Long, Long>> {
        @Override
        public void invoke(io.weir.api.tuple.Tuple2<Long, Long> value) {
            FINAL_SUM_PER_KEY.merge(value.f0, value.f1, (a, b) -> {
                throw new IllegalStateException("key " + value.f0 + " was reported twice");
            });
        }
    }

    /**
     * In BATCH each stage writes its whole output into its own TaskManager before the next stage
     * starts; a consumer in the other TaskManager reads it over the data plane. Three stages of
     * parallelism 2 in two slots: more tasks than slots.
     */
    @Test
    void aBatchJobRunsStageByStageAcrossBothTaskManagers() throws Exception {
        try (RemoteExecutor executor = new RemoteExecutor(jobManager.address())) {
            StreamExecutionEnvironment env = new StreamExecutionEnvironment(executor, new Configuration());
            env.setParallelism(2);
            env.setRuntimeMode(io.weir.api.environment.RuntimeExecutionMode.BATCH);
            env.fromSequence(1, 10_000)
                    .map(x -> io.weir.api.tuple.Tuple2.of(x % 7, x), io.weir.api.types.Types.TUPLE(
                            io.weir.api.types.Types.LONG, io.weir.api.types.Types.LONG)).name("encode")
                    .keyBy(e -> e.f0).sum(1).name("sum")
                    .rebalance().addSink(new FinalSum()).name("sink");
            JobClient client = env.executeAsync("keyed sums stage by stage on a cluster");
            client.getJobExecutionResult().get(30, TimeUnit.SECONDS);
            JobDetails details = jobManager.cluster().jobDetails(client.getJobID()).orElseThrow()
                    .get(10, TimeUnit.SECONDS);
            Set<String> taskManagers = new HashSet<>();
            details.vertices().forEach(v -> v.subtasks().forEach(s -> taskManagers.add(s.taskManagerId())));
            assertEquals(Set.of(first.id(), second.id()), taskManagers, "the tasks ran in both TaskManagers");
        }
        for (long key = 0; key < 7; key++) {
            long expected = 0;
            for (long x = 1; x <= 10_000; x++) {
                expected += x % 7 == key ? x : 0;
            }
            assertEquals(expected, FINAL_SUM_PER_KEY.get(key), "sum of key " + key);
        }
    }
    /** {@code executeAndCollect} on a cluster: the client fetches the results from the JobManager, in order per subtask, all of them. */
    @Test
    void executeAndCollectFetchesEveryResultFromTheJobManager() throws Exception {
        List<Long> collected = new ArrayList<>();
        try (RemoteExecutor executor = new RemoteExecutor(jobManager.address())) {
            StreamExecutionEnvironment env = new StreamExecutionEnvironment(executor, new Configuration());
            env.setParallelism(2);
            try (CloseableIterator<Long> results = env.fromSequence(1, 50_000).map(x -> x * 2).executeAndCollect()) {
                results.forEachRemaining(collected::add);
            }
        }
        collected.sort(null);
        assertEquals(LongStream.rangeClosed(1, 50_000).map(x -> x * 2).boxed().toList(), collected);
    }

    /** Results still held by the JobManager when the job ended are fetched after its end. */
    @Test
    void resultsOfAnEndedJobAreStillFetched() throws Exception {
        try (RemoteExecutor executor = new RemoteExecutor(jobManager.address())) {
            StreamExecutionEnvironment env = new StreamExecutionEnvironment(executor, new Configuration());
            env.setParallelism(1);
            CloseableIterator<String> words = env.fromData("a", "b", "c").map(String::toUpperCase).collectAsync();
            JobClient client = env.executeAsync("ends before its results are read");
            client.getJobExecutionResult().get(30, TimeUnit.SECONDS);
            List<String> read = new ArrayList<>();
            words.forEachRemaining(read::add);
            assertEquals(List.of("A", "B", "C"), read);
        }
    }

    /** A job that fails while its results are collected fails the client's iterator with the job's failure. */
    @Test
    void aFailingJobFailsTheCollectingIteratorWithItsCause() throws Exception {
        try (RemoteExecutor executor = new RemoteExecutor(jobManager.address())) {
            StreamExecutionEnvironment env = new StreamExecutionEnvironment(executor, new Configuration()
                    .set(RestartStrategyOptions.RESTART_STRATEGY, "none"));
            env.setParallelism(1);
            CloseableIterator<Long> results = env.fromSequence(1, 1_000).map(x -> {
                if (x == 500) {
                    throw new IllegalStateException("record 500 is bad");
                }
                return x;
            }).executeAndCollect();
            IllegalStateException failure = assertThrows(IllegalStateException.class, () -> {
                while (results.hasNext()) {
                    results.next();
                }
            });
            assertTrue(String.valueOf(failure.getMessage()).contains("record 500 is bad"), failure.toString());
            results.close();
        }
    }
    /** Counts what it maps into the accumulator "seen". */
    private static final class CountingMap extends RichMapFunction<Long, Long> {
        @Override
        public Long map(Long value) {
            getRuntimeContext().getLongCounter("seen").add(1);
            return value;
        }
    }

    /**
     * The RemoteExecutor's job client reads live accumulators, takes a savepoint of the running job,
     * then stops it with a savepoint; a savepoint of the ended job is refused saying why.
     */
    @Test
    void theJobClientReadsAccumulatorsAndTakesSavepointsOnTheCluster(@TempDir Path dir) throws Exception {
        try (RemoteExecutor executor = new RemoteExecutor(jobManager.address())) {
            StreamExecutionEnvironment env = new StreamExecutionEnvironment(executor, new Configuration());
            env.setParallelism(1);
            DataGeneratorSource<Long> endless = new DataGeneratorSource<>(i -> i, Long.MAX_VALUE,
                    RateLimiterStrategy.perSecond(2_000), Types.LONG);
            env.fromSource(endless, WatermarkStrategy.noWatermarks(), "endless").map(new CountingMap())
                    .sinkTo(new DiscardingSink<>());
            JobClient client = env.executeAsync("endless, with savepoints");

            long seen = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (seen == 0 && System.nanoTime() < deadline) {
                Object value = client.getAccumulators().get(10, TimeUnit.SECONDS).get("seen");
                seen = value == null ? 0 : ((Number) value).longValue();
                if (seen == 0) {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50)); // polling the live value
                }
            }
            assertTrue(seen > 0, "the live accumulator counts");

            String savepoint = client.triggerSavepoint(dir.toString(), SavepointFormatType.CANONICAL)
                    .get(30, TimeUnit.SECONDS);
            assertTrue(Files.exists(Path.of(savepoint.replaceFirst("^file:", "")).resolve("_metadata")), savepoint);
            assertEquals(JobStatus.RUNNING, client.getJobStatus().get(10, TimeUnit.SECONDS));

            String stopped = client.stopWithSavepoint(false, dir.toString(), SavepointFormatType.CANONICAL)
                    .get(30, TimeUnit.SECONDS);
            assertTrue(Files.exists(Path.of(stopped.replaceFirst("^file:", "")).resolve("_metadata")), stopped);
            client.getJobExecutionResult().get(30, TimeUnit.SECONDS);
            assertEquals(JobStatus.FINISHED, client.getJobStatus().get(10, TimeUnit.SECONDS));

            ExecutionException ended = assertThrows(ExecutionException.class,
                    () -> client.triggerSavepoint(dir.toString(), SavepointFormatType.CANONICAL).get(30, TimeUnit.SECONDS));
            assertTrue(ended.getCause().getMessage().contains("has ended"), ended.getCause().getMessage());
        }
    }
}
