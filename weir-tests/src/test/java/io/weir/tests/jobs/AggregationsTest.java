package io.weir.tests.jobs;

import static io.weir.tests.jobs.Results.assertSameElements;

import io.weir.api.environment.RuntimeExecutionMode;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.tuple.Tuple3;
import io.weir.testutils.MiniClusterExtension;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Rolling aggregations by position (tuples) and by field name (POJOs and records), in BATCH mode for final values. */
class AggregationsTest {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build();

    private static final List<Tuple3<String, Integer, Long>> TUPLES = List.of(
            Tuple3.of("a", 3, 10L), Tuple3.of("b", 1, 5L), Tuple3.of("a", 1, 20L),
            Tuple3.of("a", 7, 1L), Tuple3.of("b", 9, 5L), Tuple3.of("a", 3, 99L));

    private StreamExecutionEnvironment batchEnv(int parallelism) {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(parallelism);
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        return env;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void sumByPositionKeepsTheFirstElementsOtherFields(int parallelism) throws Exception {
        List<Tuple3<String, Integer, Long>> result = batchEnv(parallelism).fromData(TUPLES)
                .keyBy(t -> t.f0).sum(1).executeAndCollect(100);
        assertSameElements(List.of(Tuple3.of("a", 14, 10L), Tuple3.of("b", 10, 5L)), result);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void minAndMaxReplaceOnlyTheField(int parallelism) throws Exception {
        assertSameElements(List.of(Tuple3.of("a", 1, 10L), Tuple3.of("b", 1, 5L)),
                batchEnv(parallelism).fromData(TUPLES).keyBy(t -> t.f0).min(1).executeAndCollect(100));
        assertSameElements(List.of(Tuple3.of("a", 7, 10L), Tuple3.of("b", 9, 5L)),
                batchEnv(parallelism).fromData(TUPLES).keyBy(t -> t.f0).max(1).executeAndCollect(100));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void minByAndMaxByReturnWholeElementsFirstOnTies(int parallelism) throws Exception {
        assertSameElements(List.of(Tuple3.of("a", 1, 20L), Tuple3.of("b", 1, 5L)),
                batchEnv(parallelism).fromData(TUPLES).keyBy(t -> t.f0).minBy(1).executeAndCollect(100));
        assertSameElements(List.of(Tuple3.of("a", 7, 1L), Tuple3.of("b", 9, 5L)),
                batchEnv(parallelism).fromData(TUPLES).keyBy(t -> t.f0).maxBy(1).executeAndCollect(100));
        assertSameElements(List.of(Tuple3.of("a", 3, 99L), Tuple3.of("b", 1, 5L)),
                batchEnv(parallelism).fromData(TUPLES).keyBy(t -> t.f0).maxBy(2, true).executeAndCollect(100));
        assertSameElements(List.of(Tuple3.of("a", 3, 99L), Tuple3.of("b", 9, 5L)),
                batchEnv(parallelism).fromData(TUPLES).keyBy(t -> t.f0).maxBy(2, false).executeAndCollect(100));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void aggregatesPojosByFieldName(int parallelism) throws Exception {
        List<Sale> sales = List.of(new Sale("x", 5), new Sale("y", 2), new Sale("x", 4), new Sale("y", 8));
        List<Sale> sums = batchEnv(parallelism).fromData(sales).keyBy(s -> s.shop).sum("amount").executeAndCollect(10);
        assertSameElements(List.of(new Sale("x", 9), new Sale("y", 10)), sums);
        List<Sale> maxima = batchEnv(parallelism).fromData(sales).keyBy(s -> s.shop).maxBy("amount").executeAndCollect(10);
        assertSameElements(List.of(new Sale("x", 5), new Sale("y", 8)), maxima);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void aggregatesRecordsByFieldName(int parallelism) throws Exception {
        List<Reading> readings = List.of(new Reading("s1", 1.5), new Reading("s2", 2.0), new Reading("s1", 0.5));
        List<Reading> sums = batchEnv(parallelism).fromData(readings).keyBy(Reading::sensor).sum("value")
                .executeAndCollect(10);
        assertSameElements(List.of(new Reading("s1", 2.0), new Reading("s2", 2.0)), sums);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void streamingModeEmitsEveryUpdate(int parallelism) throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(parallelism);
        List<Tuple3<String, Integer, Long>> result = env.fromData(TUPLES).keyBy(t -> t.f0).sum(1).executeAndCollect(100);
        assertSameElements(List.of(Tuple3.of("a", 3, 10L), Tuple3.of("b", 1, 5L), Tuple3.of("a", 4, 10L),
                Tuple3.of("a", 11, 10L), Tuple3.of("b", 10, 5L), Tuple3.of("a", 14, 10L)), result);
    }

    /** A POJO: public fields, no-arg constructor, equals and hashCode. */
    public static class Sale {
        public String shop;
        public int amount;

        public Sale() {}

        public Sale(String shop, int amount) {
            this.shop = shop;
            this.amount = amount;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Sale s && s.shop.equals(shop) && s.amount == amount;
        }

        @Override
        public int hashCode() {
            return shop.hashCode() * 31 + amount;
        }

        @Override
        public String toString() {
            return shop + "=" + amount;
        }
    }

    /** A record aggregated by component name. */
    public record Reading(String sensor, double value) {}
}
