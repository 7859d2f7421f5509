package io.weir.testutils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.weir.api.functions.Collector;
import io.weir.api.functions.OpenContext;
import io.weir.api.functions.RichCoFlatMapFunction;
import io.weir.api.operators.CoStreamFlatMap;
import io.weir.api.operators.KeyedStateBackend;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.tuple.Tuple2;
import io.weir.api.tuple.Tuple3;
import io.weir.api.types.Types;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Written as a Flink user writes it (Flink's training exercise "rides and fares"): a
 * {@link RichCoFlatMapFunction} with two value states that pairs the element of each input with the
 * other input's element of the same key, whichever arrives first, tested through
 * {@link KeyedTwoInputStreamOperatorTestHarness}.
 */
class CoFlatMapEnrichmentPortTest {

    /** Pairs a ride (id, driver) with its fare (id, amount) into (id, driver, amount). */
    static final class EnrichmentFunction
            extends RichCoFlatMapFunction<Tuple2<Long, String>, Tuple2<Long, Double>, Tuple3<Long, String, Double>> {
        private ValueState<Tuple2<Long, String>> rideState;
        private ValueState<Tuple2<Long, Double>> fareState;

        @Override
        public void open(OpenContext openContext) {
            rideState = getRuntimeContext().getState(
                    new ValueStateDescriptor<>("saved ride", Types.TUPLE(Types.LONG, Types.STRING)));
            fareState = getRuntimeContext().getState(
                    new ValueStateDescriptor<>("saved fare", Types.TUPLE(Types.LONG, Types.DOUBLE)));
        }

        @Override
        public void flatMap1(Tuple2<Long, String> ride, Collector<Tuple3<Long, String, Double>> out) throws Exception {
            Tuple2<Long, Double> fare = fareState.value();
            if (fare != null) {
                fareState.clear();
                out.collect(Tuple3.of(ride.f0, ride.f1, fare.f1));
            } else {
                rideState.update(ride);
            }
        }

        @Override
        public void flatMap2(Tuple2<Long, Double> fare, Collector<Tuple3<Long, String, Double>> out) throws Exception {
            Tuple2<Long, String> ride = rideState.value();
            if (ride != null) {
                rideState.clear();
                out.collect(Tuple3.of(ride.f0, ride.f1, fare.f1));
            } else {
                fareState.update(fare);
            }
        }
    }

    private KeyedTwoInputStreamOperatorTestHarness<Long, Tuple2<Long, String>, Tuple2<Long, Double>,
            Tuple3<Long, String, Double>> testHarness;

    @BeforeEach
    void setupTestHarness() throws Exception {
        testHarness = new KeyedTwoInputStreamOperatorTestHarness<>(new CoStreamFlatMap<>(new EnrichmentFunction()),
                ride -> ride.f0, fare -> fare.f0, Types.LONG);
        testHarness.open();
    }

    @AfterEach
    void closeTestHarness() throws Exception {
        testHarness.close();
    }

    @Test
    void rideThenFareEmitsOnePairAndClearsState() throws Exception {
        testHarness.processElement1(Tuple2.of(1L, "alice"), 10L);
        assertEquals(1, testHarness.numKeyedStateEntries());
        testHarness.processElement2(Tuple2.of(1L, 12.5), 11L);

        assertEquals(java.util.List.of(Tuple3.of(1L, "alice", 12.5)), testHarness.extractOutputValues());
        assertEquals(11L, testHarness.extractOutputStreamRecords().get(0).getTimestamp());
        assertEquals(0, testHarness.numKeyedStateEntries());
    }

    @Test
    void fareFirstWaitsForItsRideAndKeysDoNotMix() throws Exception {
        testHarness.processElement2(Tuple2.of(2L, 7.0), 1L);
        testHarness.processElement1(Tuple2.of(3L, "bob"), 2L);
        assertEquals(0, testHarness.extractOutputValues().size());
        assertEquals(2, testHarness.numKeyedStateEntries());

        testHarness.processElement1(Tuple2.of(2L, "carol"), 3L);
        assertEquals(java.util.List.of(Tuple3.of(2L, "carol", 7.0)), testHarness.extractOutputValues());

        KeyedStateBackend<Long> backend = testHarness.getKeyedStateBackend();
        backend.setCurrentKey(3L);
        ValueState<Tuple2<Long, String>> rides = backend.getPartitionedState(
                new ValueStateDescriptor<>("saved ride", Types.TUPLE(Types.LONG, Types.STRING)));
        assertEquals(Tuple2.of(3L, "bob"), rides.value());
        backend.setCurrentKey(2L);
        assertNull(rides.value());
    }
}
