package io.weir.tests.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.IllegalConfigurationException;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.source.SourceFunction;
import io.weir.api.tuple.Tuple2;
import io.weir.api.types.Types;
import io.weir.testutils.MiniClusterExtension;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The runtime's former constants are options the running job reads: a job with the smallest
 * network buffers, one buffer per channel, no spare buffers and a two-element source hand-over
 * still computes the right result, under backpressure at every step.
 */
@Timeout(120)
class RuntimeOptionsTest {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build();

    private static final int KEYS = 7;
    private static final int RECORDS = 20_000;

    @Test
    void aJobRunsCorrectlyWithTheSmallestBuffers() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(Configuration.fromMap(Map.of(
                "parallelism.default", "2",
                "taskmanager.memory.segment-size", "256 b",
                "taskmanager.network.memory.buffers-per-channel", "1",
                "taskmanager.network.memory.extra-buffers-per-output", "0",
                "execution.buffer-timeout.interval", "1 ms")));
        List<Tuple2<Integer, Long>> sums = env.addSource(new Numbers(), Types.INT)
                .keyBy(n -> n % KEYS)
                .map(n -> Tuple2.of(n % KEYS, (long) n))
                .returns(Types.<Tuple2<Integer, Long>>TUPLE(Types.INT, Types.LONG))
                .keyBy(t -> t.f0)
                .sum(1)
                .executeAndCollect(RECORDS + 1);
        Map<Integer, Long> last = new HashMap<>();
        for (Tuple2<Integer, Long> sum : sums) {
            last.merge(sum.f0, sum.f1, Math::max);
        }
        Map<Integer, Long> expected = new HashMap<>();
        for (int n = 0; n < RECORDS; n++) {
            expected.merge(n % KEYS, (long) n, Long::sum);
        }
        assertEquals(RECORDS, sums.size());
        assertEquals(expected, last);
    }

    @Test
    void badRuntimeValuesFailNamingTheKeyAndTheRule() {
        IllegalConfigurationException grace = assertThrows(IllegalConfigurationException.class,
                () -> Configuration.fromMap(Map.of("taskmanager.source-function.cancel-grace", "-1 s")));
        assertTrue(grace.getMessage().contains("'taskmanager.source-function.cancel-grace'"), grace.getMessage());
        IllegalConfigurationException segment = assertThrows(IllegalConfigurationException.class,
                () -> Configuration.fromMap(Map.of("taskmanager.memory.segment-size", "2 gb")));
        assertTrue(segment.getMessage().contains("'taskmanager.memory.segment-size'"), segment.getMessage());
    }

    /** 0 .. RECORDS-1, from its own thread. */
    static final class Numbers implements SourceFunction<Integer> {
        @Override
        public void run(SourceContext<Integer> ctx) {
            for (int n = 0; n < RECORDS; n++) {
                ctx.collect(n);
            }
        }

        @Override
        public void cancel() {}
    }
}
