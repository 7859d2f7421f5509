package io.weir.tests.junit4;

import static org.junit.Assert.assertEquals;

import io.weir.api.accumulators.IntCounter;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.OpenContext;
import io.weir.api.functions.sink.RichSinkFunction;
import io.weir.testutils.MiniClusterResourceConfiguration;
import io.weir.testutils.MiniClusterWithClientResource;
import org.junit.ClassRule;
import org.junit.Test;

/** A JUnit 4 test class as Flink users write them, with the cluster as a class rule. */
public class MiniClusterWithClientResourceTest {
    @ClassRule
    public static final MiniClusterWithClientResource FLINK_CLUSTER = new MiniClusterWithClientResource(
            new MiniClusterResourceConfiguration.Builder()
                    .setNumberSlotsPerTaskManager(2)
                    .setNumberTaskManagers(1)
                    .build());

    /** Counts the elements it receives, and in how many subtasks. */
    private static class CountSink extends RichSinkFunction<Long> {
        private final IntCounter count = new IntCounter();

        @Override
        public void open(OpenContext openContext) {
            getRuntimeContext().addAccumulator("count", count);
            getRuntimeContext().getIntCounter("subtasks").add(1);
        }

        @Override
        public void invoke(Long value, Context context) {
            count.add(1);
        }
    }

    @Test
    public void executionEnvironmentRunsOnTheRuleCluster() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        assertEquals(2, env.getParallelism());

        env.fromSequence(1, 100).map(x -> x + 1).addSink(new CountSink());
        var result = env.execute();

        assertEquals(Integer.valueOf(100), result.getAccumulatorResult("count"));
        assertEquals(Integer.valueOf(2), result.getAccumulatorResult("subtasks"));
        assertEquals(2, FLINK_CLUSTER.getMiniCluster().totalSlots());
    }
}
