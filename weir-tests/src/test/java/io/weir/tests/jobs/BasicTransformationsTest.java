package io.weir.tests.jobs;

import static io.weir.tests.jobs.Results.assertSameElements;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.FlatMapFunction;
import io.weir.api.functions.ProcessFunction;
import io.weir.api.functions.Collector;
import io.weir.api.functions.OpenContext;
import io.weir.api.functions.RichMapFunction;
import io.weir.api.tuple.Tuple2;
import io.weir.api.types.TypeHint;
import io.weir.api.types.Types;
import io.weir.testutils.MiniClusterExtension;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BasicTransformationsTest {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
            .setNumberTaskManagers(2).setNumberSlotsPerTaskManager(2).build();

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void mapFilterFlatMapOverASequence(int parallelism) throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(parallelism);
        List<Long> result = env.fromSequence(1, 1000)
                .map(x -> x * 3)
                .filter(x -> x % 2 == 0)
                .flatMap((Long x, Collector<Long> out) -> {
                    out.collect(x);
                    out.collect(-x);
                })
                .returns(Types.LONG)
                .executeAndCollect(100_000);
        List<Long> expected = LongStream.rangeClosed(1, 1000).map(x -> x * 3).filter(x -> x % 2 == 0)
                .boxed().flatMap(x -> List.of(x, -x).stream()).collect(Collectors.toList());
        assertSameElements(expected, result);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void flatMapWithAClassNeedsNoReturnsHint(int parallelism) throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(parallelism);
        List<Tuple2<String, Integer>> result = env.fromData("a b", "c")
                .flatMap(new Splitter())
                .executeAndCollect(10);
        assertSameElements(List.of(Tuple2.of("a", 1), Tuple2.of("b", 1), Tuple2.of("c", 1)), result);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void processFunctionSeesTimestampsAndEmitsMany(int parallelism) throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(parallelism);
        List<String> result = env.fromSequence(1, 20)
                .process(new ProcessFunction<Long, String>() {
                    @Override
                    public void processElement(Long value, Context ctx, Collector<String> out) {
                        if (value % 5 == 0) {
                            out.collect(value + ":" + ctx.timestamp());
                        }
                    }
                })
                .executeAndCollect(100);
        assertSameElements(List.of("5:null", "10:null", "15:null", "20:null"), result);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void richFunctionsAreOpenedWithTheirTaskInfo(int parallelism) throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(parallelism);
        // rebalance: source readers pull splits, so one reader may read them all; round robin reaches every map
        List<String> result = env.fromSequence(1, 400)
                .rebalance()
                .map(new RichMapFunction<Long, String>() {
                    private transient String prefix;

                    @Override
                    public void open(OpenContext openContext) {
                        prefix = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() + "/"
                                + getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks();
                    }

                    @Override
                    public String map(Long value) {
                        return prefix;
                    }
                })
                .executeAndCollect(1000);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < parallelism; i++) {
            expected.add(i + "/" + parallelism);
        }
        assertEquals(400, result.size());
        assertEquals(expected, result.stream().distinct().sorted().collect(Collectors.toList()));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void unionMergesStreamsOfTheSameType(int parallelism) throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(parallelism);
        DataStream<Long> a = env.fromSequence(1, 100);
        DataStream<Long> b = env.fromSequence(101, 150);
        DataStream<Long> c = env.fromData(1000L, 2000L);
        List<Long> result = a.union(b, c).map(x -> x + 0).executeAndCollect(1000);
        List<Long> expected = new ArrayList<>(LongStream.rangeClosed(1, 150).boxed().toList());
        expected.add(1000L);
        expected.add(2000L);
        assertSameElements(expected, result);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void typeHintsGiveLambdaResultTypes(int parallelism) throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(parallelism);
        List<Tuple2<Long, String>> result = env.fromSequence(1, 3)
                .map(x -> Tuple2.of(x, "n" + x))
                .returns(new TypeHint<Tuple2<Long, String>>() {})
                .executeAndCollect(10);
        List<Tuple2<Long, String>> sorted = new ArrayList<>(result);
        sorted.sort((x, y) -> Long.compare(x.f0, y.f0));
        assertEquals(List.of(Tuple2.of(1L, "n1"), Tuple2.of(2L, "n2"), Tuple2.of(3L, "n3")), sorted);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void collectionSourceKeepsOrderAtParallelismOne(int parallelism) throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(parallelism);
        List<Integer> data = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            data.add(i);
        }
        Collections.shuffle(data, new java.util.Random(7));
        List<Integer> result = env.fromData(data).executeAndCollect(10_000);
        assertEquals(data, result);
    }

    /** Splits on spaces; a class, so its output type is known without returns(). */
    static final class Splitter implements FlatMapFunction<String, Tuple2<String, Integer>> {
        @Override
        public void flatMap(String value, Collector<Tuple2<String, Integer>> out) {
            for (String w : value.split(" ")) {
                out.collect(Tuple2.of(w, 1));
            }
        }
    }
}
