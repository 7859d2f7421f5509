package io.weir.tests.jobs;

import static io.weir.tests.jobs.BatchInput.EVENTS;
import static io.weir.tests.jobs.BatchInput.env;
import static io.weir.tests.jobs.BatchInput.stamped;
import static io.weir.tests.jobs.Results.assertSameElements;

import io.weir.api.environment.RuntimeExecutionMode;
import io.weir.api.tuple.Tuple2;
import io.weir.api.types.Types;
import io.weir.testutils.MiniClusterExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A BATCH job of four tasks, three of them keyed stages that each wait for their whole input, on
 * a cluster of one slot: the stages run one after another in it (see BatchStagesTest for stages
 * that do not share slots).
 */
@Timeout(120)
class BatchSlotsTest {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(1).build();

    @Test
    void aJobOfMoreTasksThanSlotsRunsInOneSharedSlot() throws Exception {
        List<String> result = stamped(env(CLUSTER.createEnvironment(1), RuntimeExecutionMode.BATCH), EVENTS)
                .keyBy(e -> e.f0).sum(1)
                .keyBy(e -> e.f1 > 2000 ? "big" : "small").reduce((x, y) -> Tuple2.of(x.f0 + y.f0, x.f1 + y.f1))
                .keyBy(e -> "all").map(e -> e.f0 + "=" + e.f1, Types.STRING)
                .executeAndCollect(10);
        assertSameElements(List.of("a=1710", "b=4700"), result);
    }
}
