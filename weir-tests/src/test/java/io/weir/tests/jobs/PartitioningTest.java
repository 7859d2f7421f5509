package io.weir.tests.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.RichMapFunction;
import io.weir.api.tuple.Tuple2;
import io.weir.testutils.MiniClusterExtension;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Where each exchange sends elements, seen from the subtask index of the receiving operator. */
class PartitioningTest {
    private static final long N = 4000;

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
            .setNumberTaskManagers(2).setNumberSlotsPerTaskManager(2).build();

    /** Runs source(p=2) -> exchange -> tag with subtask (p=4) and returns (element, subtask) pairs. */
    private List<Tuple2<Long, Integer>> route(Function<DataStream<Long>, DataStream<Long>> exchange) throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(4);
        DataStream<Long> source = env.fromSequence(1, N);
        ((io.weir.api.datastream.SingleOutputStreamOperator<Long>) source).setParallelism(2);
        return exchange.apply(source).map(new TagWithSubtask()).setParallelism(4).executeAndCollect(100_000);
    }

    @Test
    void rebalanceSpreadsEvenlyOverAllSubtasks() throws Exception {
        Map<Integer, Integer> perSubtask = countPerSubtask(route(DataStream::rebalance));
        assertEquals(Set.of(0, 1, 2, 3), perSubtask.keySet());
        perSubtask.values().forEach(c -> assertEquals(N / 4, c, 2.0, "uneven: " + perSubtask));
    }

    @Test
    void rescaleSendsEachProducerToItsOwnGroup() throws Exception {
        // two producers (p=2), each stamping its index into the element, rescaled to p=4:
        // producer 0 must feed only subtasks {0,1} and producer 1 only {2,3}
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(4);
        List<Tuple2<Long, Integer>> routed = env.fromSequence(1, N).setParallelism(2)
                .rebalance() // readers pull splits, so one may read them all; round robin feeds both producers
                .map(new StampProducer()).setParallelism(2)
                .rescale()
                .map(new TagWithSubtask()).setParallelism(4)
                .executeAndCollect(100_000);
        assertEquals(N, routed.size());
        Map<Long, Set<Integer>> subtasksPerProducer = new HashMap<>();
        for (Tuple2<Long, Integer> t : routed) {
            subtasksPerProducer.computeIfAbsent(t.f0 % 2, k -> new HashSet<>()).add(t.f1);
        }
        assertEquals(Map.of(0L, Set.of(0, 1), 1L, Set.of(2, 3)), subtasksPerProducer);
    }

    @Test
    void shuffleReachesAllSubtasks() throws Exception {
        Map<Integer, Integer> perSubtask = countPerSubtask(route(DataStream::shuffle));
        assertEquals(Set.of(0, 1, 2, 3), perSubtask.keySet());
        assertEquals(N, perSubtask.values().stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void broadcastCopiesEveryElementToEverySubtask() throws Exception {
        List<Tuple2<Long, Integer>> routed = route(DataStream::broadcast);
        assertEquals(4 * N, routed.size());
        Set<Tuple2<Long, Integer>> distinct = new HashSet<>(routed);
        assertEquals(4 * N, distinct.size());
    }

    @Test
    void globalSendsEverythingToTheFirstSubtask() throws Exception {
        Map<Integer, Integer> perSubtask = countPerSubtask(route(DataStream::global));
        assertEquals(Map.of(0, (int) N), perSubtask);
    }

    @Test
    void keyBySendsEqualKeysToOneSubtask() throws Exception {
        List<Tuple2<Long, Integer>> routed = route(s -> s.keyBy(x -> x % 10));
        Map<Long, Set<Integer>> subtasksPerKey = new HashMap<>();
        for (Tuple2<Long, Integer> t : routed) {
            subtasksPerKey.computeIfAbsent(t.f0 % 10, k -> new HashSet<>()).add(t.f1);
        }
        assertEquals(10, subtasksPerKey.size());
        subtasksPerKey.forEach((k, s) -> assertEquals(1, s.size(), "key " + k + " on subtasks " + s));
    }

    @Test
    void forwardKeepsElementsOnTheirSubtask() throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(2);
        List<Tuple2<Long, Integer>> routed = env.fromSequence(1, N).map(new TagWithSubtask()).forward()
                .map(new RetagChecksSameSubtask()).executeAndCollect(100_000);
        assertEquals(N, routed.size());
        assertTrue(routed.stream().allMatch(t -> t.f1 == 1));
    }

    private static Map<Integer, Integer> countPerSubtask(List<Tuple2<Long, Integer>> routed) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (Tuple2<Long, Integer> t : routed) {
            counts.merge(t.f1, 1, Integer::sum);
        }
        return counts;
    }

    /** Pairs each element with the index of the subtask that sees it. */
    static final class TagWithSubtask extends RichMapFunction<Long, Tuple2<Long, Integer>> {
        @Override
        public Tuple2<Long, Integer> map(Long value) {
            return Tuple2.of(value, getRuntimeContext().getTaskInfo().getIndexOfThisSubtask());
        }
    }

    /** Encodes the producing subtask in the element's lowest bit: {@code value * 2 + subtask}. */
    static final class StampProducer extends RichMapFunction<Long, Long> {
        @Override
        public Long map(Long value) {
            return value * 2 + getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
        }
    }

    /** Emits 1 if the element arrived on the subtask that tagged it. */
    static final class RetagChecksSameSubtask extends RichMapFunction<Tuple2<Long, Integer>, Tuple2<Long, Integer>> {
        @Override
        public Tuple2<Long, Integer> map(Tuple2<Long, Integer> value) {
            int here = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
            return Tuple2.of(value.f0, here == value.f1 ? 1 : 0);
        }
    }
}
