package io.weir.tests.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.testutils.MiniClusterExtension;
import io.weir.testutils.MiniClusterResourceConfiguration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JUnit 5 extension configured as Flink's is, with a MiniClusterResourceConfiguration. */
class MiniClusterConfigurationTest {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(3)
                    .build());

    @Test
    void environmentHasTheParallelismOfAllSlots() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        assertEquals(3, env.getParallelism());
        List<Long> result = env.fromSequence(1, 3).map(x -> x * 10).executeAndCollect(10);
        Results.assertSameElements(List.of(10L, 20L, 30L), result);
        assertEquals(3, CLUSTER.getMiniCluster().totalSlots());
    }
}
