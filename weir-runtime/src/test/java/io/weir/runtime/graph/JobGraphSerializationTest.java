package io.weir.runtime.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.weir.api.configuration.Configuration;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.sink.SinkFunction;
import io.weir.runtime.jobmaster.ExecutionAttemptId;
import io.weir.runtime.minicluster.MiniCluster;
import io.weir.runtime.task.TaskDeployment;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A job graph travels to a cluster's processes serialized: what arrives must run as the original would. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JobGraphSerializationTest {
    private static final Map<Long, Long> LATEST_SUM_PER_KEY = new ConcurrentHashMap<>();

    /** Keeps the latest running sum of each key; static, since the sink itself travels serialized. */
    private static final class LatestSum implements SinkFunction<Long> {
        @Override
        public void invoke(Long value) {
            LATEST_SUM_PER_KEY.merge(value % 1_000_000, value / 1_000_000, Math::max);
        }
    }

    @Test
    void aDeserializedKeyedJobRunsAndTheGraphTakesTheReadersClassLoader() throws Exception {
        JobGraphBuilderTest.CapturingExecutor executor = new JobGraphBuilderTest.CapturingExecutor();
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(executor, new Configuration());
        env.setParallelism(2);
        env.fromSequence(1, 1000)
                .map(x -> x * 1_000_000 + x % 7).name("encode")
                .keyBy(x -> x % 1_000_000)
                .reduce((a, b) -> (a / 1_000_000 + b / 1_000_000) * 1_000_000 + a % 1_000_000).name("sum")
                .addSink(new LatestSum()).name("sink");
        env.executeAsync("travelling job");
        ClassLoader cl = getClass().getClassLoader();
        JobGraph original = JobGraphBuilder.build(StreamGraphBuilder.build(executor.pipeline, cl), cl);

        TaskDeployment deployment = new TaskDeployment(original, original.getVertices().get(1), 1, 0);
        ExecutionAttemptId attempt = new ExecutionAttemptId(original.getJobId(), 1, 1, 0);
        Object[] copies = roundTrip(new Object[] {deployment, attempt}, cl);
        TaskDeployment copy = (TaskDeployment) copies[0];
        assertNotSame(original, copy.job());
        assertSame(cl, copy.job().getUserClassLoader(), "the graph takes the class loader it was read with");
        assertEquals(original.getJobId(), copy.job().getJobId());
        assertEquals(attempt, copies[1]);
        assertSame(copy.job().getVertices().get(1), copy.vertex(), "references inside the graph survive");

        try (MiniCluster cluster = new MiniCluster(2, 2).start()) {
            cluster.submit(copy.job()).result().get(30, TimeUnit.SECONDS);
        }
        for (long key = 0; key < 7; key++) {
            long expected = 0;
            for (long x = 1; x <= 1000; x++) {
                expected += x % 7 == key ? x : 0;
            }
            assertEquals(expected, LATEST_SUM_PER_KEY.get(key), "sum of key " + key);
        }
    }

    private static Object[] roundTrip(Object[] objects, ClassLoader cl) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(objects);
        }
        try (UserCodeObjectInputStream in = new UserCodeObjectInputStream(
                new ByteArrayInputStream(bytes.toByteArray()), cl)) {
            return (Object[]) in.readObject();
        }
    }
}
