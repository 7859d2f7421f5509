package io.weir.tests.jobs;

import static io.weir.tests.jobs.Results.assertSameElements;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.Collector;
import io.weir.api.functions.ProcessJoinFunction;
import io.weir.api.tuple.Tuple3;
import io.weir.testutils.MiniClusterExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An interval join on the MiniCluster over bounded, out-of-order input with timestamps and
 * watermarks from a bounded-out-of-orderness strategy: the result equals the join computed by
 * comparing all pairs, at any parallelism, although elements arrive out of order and each side's
 * state is cleaned up as the watermark passes.
 */
class IntervalJoinTest {
    private static final long DISORDER = OutOfOrderEvents.DISORDER;
    private static final long LOWER = -15;
    private static final long UPPER = 20;

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
            .setNumberTaskManagers(2).setNumberSlotsPerTaskManager(2).build();

    static final class Describe
            extends ProcessJoinFunction<Tuple3<Integer, Integer, Long>, Tuple3<Integer, Integer, Long>, String> {
        @Override
        public void processElement(Tuple3<Integer, Integer, Long> left, Tuple3<Integer, Integer, Long> right,
                Context ctx, Collector<String> out) {
            out.collect(describe(left, right) + "@" + ctx.getTimestamp());
        }
    }

    static String describe(Tuple3<Integer, Integer, Long> left, Tuple3<Integer, Integer, Long> right) {
        return left.f0 + ":" + left.f1 + "-" + right.f1;
    }

    private static DataStream<Tuple3<Integer, Integer, Long>> timestamped(StreamExecutionEnvironment env, int seed) {
        return env.fromData(OutOfOrderEvents.events(seed)).assignTimestampsAndWatermarks(
                WatermarkStrategy.<Tuple3<Integer, Integer, Long>>forBoundedOutOfOrderness(Duration.ofMillis(DISORDER))
                        .withTimestampAssigner((event, previous) -> event.f2));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void intervalJoinOfOutOfOrderInputEqualsTheJoinOfAllPairs(int parallelism) throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(parallelism);
        List<String> result = timestamped(env, 0).keyBy(t -> t.f0)
                .intervalJoin(timestamped(env, 13).keyBy(t -> t.f0))
                .between(Duration.ofMillis(LOWER), Duration.ofMillis(UPPER))
                .process(new Describe())
                .executeAndCollect(1_000_000);

        List<String> expected = new ArrayList<>();
        for (Tuple3<Integer, Integer, Long> left : OutOfOrderEvents.events(0)) {
            for (Tuple3<Integer, Integer, Long> right : OutOfOrderEvents.events(13)) {
                if (left.f0.equals(right.f0) && right.f2 >= left.f2 + LOWER && right.f2 <= left.f2 + UPPER) {
                    expected.add(describe(left, right) + "@" + Math.max(left.f2, right.f2));
                }
            }
        }
        assertFalse(expected.isEmpty());
        assertTrue(expected.size() < OutOfOrderEvents.ELEMENTS * 2, "the bounds must select pairs, not the cross product");
        assertSameElements(expected, result);
    }
}
