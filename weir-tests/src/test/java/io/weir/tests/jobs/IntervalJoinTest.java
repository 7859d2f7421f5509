package io.weir.tests.jobs;

import static io.weir.tests.jobs.Results.assertSameElements;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.Collector;
import io.weir.api.functions.ProcessJoinFunction;
import io.weir.api.operators.AbstractStreamOperator;
import io.weir.api.operators.OneInputStreamOperator;
import io.weir.api.operators.StreamRecord;
import io.weir.api.operators.Watermark;
import io.weir.api.tuple.Tuple3;
import io.weir.api.types.TypeInformation;
import io.weir.api.types.Types;
import io.weir.testutils.MiniClusterExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An interval join on the MiniCluster over bounded, out-of-order input: the result equals the
 * join computed by comparing all pairs, at any parallelism, although elements arrive out of order
 * and each side's state is cleaned up as the watermark passes.
 */
class IntervalJoinTest {
    private static final int ELEMENTS = 2_000;
    private static final int KEYS = 20;
    static final int KEYS_OF_EVENTS = KEYS;
    private static final long DISORDER = 50;
    private static final long LOWER = -15;
    private static final long UPPER = 20;

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
            .setNumberTaskManagers(2).setNumberSlotsPerTaskManager(2).build();

    /** (key, id, timestamp): timestamps rise by 10 per id with up to DISORDER of disorder. */
    static List<Tuple3<Integer, Integer, Long>> events(int seed) {
        List<Tuple3<Integer, Integer, Long>> events = new ArrayList<>();
        for (int i = 0; i < ELEMENTS; i++) {
            long jitter = Math.floorMod((long) (i + seed) * 7919, DISORDER);
            events.add(Tuple3.of(i % KEYS, i, i * 10L + jitter));
        }
        return events;
    }

    /**
     * Takes each element's timestamp from its third field and emits watermarks for bounded
     * disorder: after seeing timestamp {@code max}, no element below {@code max - DISORDER} follows.
     */
    static final class BoundedDisorderTimestamps extends AbstractStreamOperator<Tuple3<Integer, Integer, Long>>
            implements OneInputStreamOperator<Tuple3<Integer, Integer, Long>, Tuple3<Integer, Integer, Long>> {
        private transient long maxTimestamp;
        private transient long emittedWatermark;

        @Override
        public void open() {
            maxTimestamp = Long.MIN_VALUE;
            emittedWatermark = Long.MIN_VALUE;
        }

        @Override
        public void processElement(StreamRecord<Tuple3<Integer, Integer, Long>> element) {
            long ts = element.getValue().f2;
            output.collect(element.replace(element.getValue(), ts));
            maxTimestamp = Math.max(maxTimestamp, ts);
            long watermark = maxTimestamp - DISORDER - 1;
            if (watermark > emittedWatermark) {
                emittedWatermark = watermark;
                output.emitWatermark(new Watermark(watermark));
            }
        }

        @Override
        public void processWatermark(Watermark mark) throws Exception {
            // the source's end-of-input watermark passes; its other watermarks are replaced by ours
            if (mark.getTimestamp() == Long.MAX_VALUE) {
                super.processWatermark(mark);
            }
        }
    }

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
        TypeInformation<Tuple3<Integer, Integer, Long>> type = Types.TUPLE(Types.INT, Types.INT, Types.LONG);
        return env.fromData(events(seed)).transform("Timestamps", type, new BoundedDisorderTimestamps());
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
        for (Tuple3<Integer, Integer, Long> left : events(0)) {
            for (Tuple3<Integer, Integer, Long> right : events(13)) {
                if (left.f0.equals(right.f0) && right.f2 >= left.f2 + LOWER && right.f2 <= left.f2 + UPPER) {
                    expected.add(describe(left, right) + "@" + Math.max(left.f2, right.f2));
                }
            }
        }
        assertFalse(expected.isEmpty());
        assertTrue(expected.size() < ELEMENTS * 2, "the bounds must select pairs, not the cross product");
        assertSameElements(expected, result);
    }
}
