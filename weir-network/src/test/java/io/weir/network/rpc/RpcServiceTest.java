package io.weir.network.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.configuration.Configuration;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.CloseableIterator;
import io.weir.api.execution.JobClient;
import io.weir.api.execution.JobID;
import io.weir.api.execution.JobStatus;
import io.weir.api.execution.Pipeline;
import io.weir.api.execution.PipelineExecutor;
import io.weir.api.functions.sink.SinkFunction;
import io.weir.api.types.TypeSerializer;
import io.weir.runtime.exchange.LocalExchange;
import io.weir.runtime.graph.JobGraph;
import io.weir.runtime.graph.JobGraphBuilder;
import io.weir.runtime.graph.StreamGraphBuilder;
import io.weir.runtime.jobmaster.JobMaster;
import io.weir.runtime.jobmaster.JobMasterGateway;
import io.weir.runtime.metrics.MetricOptions;
import io.weir.runtime.metrics.MetricRegistry;
import io.weir.runtime.resourcemanager.ResourceManager;
import io.weir.runtime.resourcemanager.ResourceManagerGateway;
import io.weir.runtime.resourcemanager.Slot;
import io.weir.runtime.taskexecutor.TaskExecutor;
import io.weir.runtime.taskexecutor.TaskExecutorGateway;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The control plane between a "JobManager" and a "TaskManager", each with its own RPC service on a
 * free loopback port, in one JVM: the real resource manager, JobMaster and TaskExecutor reach each
 * other only through gateway proxies.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RpcServiceTest {
    private static final List<Class<?>> GATEWAYS = List.of(ResourceManagerGateway.class, TaskExecutorGateway.class,
            JobMasterGateway.class);
    private static final Map<Long, Long> LATEST_SUM_PER_KEY = new ConcurrentHashMap<>();

    private RpcService jobManagerRpc;
    private RpcService taskManagerRpc;
    private ResourceManager resourceManager;
    private MetricRegistry metrics;
    private TaskExecutor taskExecutor;

    @BeforeEach
    void startJobManagerAndTaskManager() throws Exception {
        ClassLoader cl = getClass().getClassLoader();
        jobManagerRpc = new RpcService(new InetSocketAddress("127.0.0.1", 0), cl, GATEWAYS);
        taskManagerRpc = new RpcService(new InetSocketAddress("127.0.0.1", 0), cl, GATEWAYS);
        resourceManager = new ResourceManager(Duration.ofSeconds(10));
        jobManagerRpc.export("resourcemanager", resourceManager);

        metrics = MetricOptions.createRegistry(new Configuration());
        taskExecutor = new TaskExecutor("tm-1", 2, new LocalExchange(), metrics, "localhost");
        ResourceManagerGateway remoteResourceManager = taskManagerRpc.connect(jobManagerRpc.address(),
                "resourcemanager", ResourceManagerGateway.class);
        remoteResourceManager.registerTaskExecutor(taskExecutor, 2).get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() {
        taskExecutor.close();
        resourceManager.close();
        metrics.close();
        taskManagerRpc.close();
        jobManagerRpc.close();
    }

    @Test
    void registeredTaskManagerOffersItsSlotsThroughAProxy() throws Exception {
        assertEquals(2, resourceManager.freeSlots().get(10, TimeUnit.SECONDS));
        List<Slot> slots = resourceManager.requestSlots(JobID.generate(), 2, "test").get(10, TimeUnit.SECONDS);
        TaskExecutorGateway remote = slots.get(0).taskExecutor();
        assertTrue(java.lang.reflect.Proxy.isProxyClass(remote.getClass()), "the JobManager holds a proxy");
        assertEquals("tm-1", remote.id());
    }

    /** Keeps the latest running sum of each key; static, since the sink itself travels serialized. */
    private static final class LatestSum implements SinkFunction<Long> {
        @Override
        public void invoke(Long value) {
            LATEST_SUM_PER_KEY.merge(value % 1_000_000, value / 1_000_000, Math::max);
        }
    }

    @Test
    void aJobRunsOnATaskExecutorReachedOnlyOverTheControlPlane() throws Exception {
        JobGraph job = keyedSumJob();
        JobMaster jobMaster = new JobMaster(job, resourceManager, Clock.systemUTC());
        jobMaster.start();
        jobMaster.result().get(30, TimeUnit.SECONDS);
        assertEquals(JobStatus.FINISHED, jobMaster.status().get(10, TimeUnit.SECONDS));
        for (long key = 0; key < 7; key++) {
            long expected = 0;
            for (long x = 1; x <= 1000; x++) {
                expected += x % 7 == key ? x : 0;
            }
            assertEquals(expected, LATEST_SUM_PER_KEY.get(key), "sum of key " + key);
        }
        jobMaster.close();
    }

    @Test
    void callsWaitingForAnAnswerFailWhenTheConnectionIsLost() throws Exception {
        List<Slot> slots = resourceManager.requestSlots(JobID.generate(), 1, "test").get(10, TimeUnit.SECONDS);
        TaskExecutorGateway remote = slots.get(0).taskExecutor();
        taskManagerRpc.close(); // the TaskManager's process goes away
        IllegalStateException failure = assertThrows(IllegalStateException.class, remote::id);
        assertTrue(failure.getMessage().contains("Could not connect") || failure.getMessage().contains("Lost the connection"),
                failure.getMessage());
        taskManagerRpc = new RpcService(new InetSocketAddress("127.0.0.1", 0), getClass().getClassLoader(), GATEWAYS);
    }

    @Test
    void unknownGatewayNameIsAClearError() {
        ResourceManagerGateway wrong = taskManagerRpc.connect(jobManagerRpc.address(), "no-such-thing",
                ResourceManagerGateway.class);
        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> wrong.registerTaskExecutor(taskExecutor, 1).get(10, TimeUnit.SECONDS));
        assertInstanceOf(IllegalStateException.class, failure.getCause());
        assertTrue(failure.getCause().getMessage().contains("No gateway 'no-such-thing'"), failure.getCause().getMessage());
    }

    private static JobGraph keyedSumJob() throws Exception {
        Capture capture = new Capture();
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(capture, new Configuration());
        env.setParallelism(2);
        env.fromSequence(1, 1000)
                .map(x -> x * 1_000_000 + x % 7).name("encode")
                .keyBy(x -> x % 1_000_000)
                .reduce((a, b) -> (a / 1_000_000 + b / 1_000_000) * 1_000_000 + a % 1_000_000).name("sum")
                .addSink(new LatestSum()).name("sink");
        env.executeAsync("keyed sums");
        ClassLoader cl = RpcServiceTest.class.getClassLoader();
        return JobGraphBuilder.build(StreamGraphBuilder.build(capture.pipeline, cl), cl);
    }

    /** Captures the pipeline instead of running it. */
    private static final class Capture implements PipelineExecutor {
        Pipeline pipeline;

        @Override
        public CompletableFuture<JobClient> execute(Pipeline pipeline, ClassLoader userClassLoader) {
            this.pipeline = pipeline;
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public <T> CloseableIterator<T> collect(JobClient client, String collectId, TypeSerializer<T> serializer) {
            throw new UnsupportedOperationException();
        }
    }
}
