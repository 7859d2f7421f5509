package io.weir.tests.jobs;

import static io.weir.tests.jobs.Results.assertSameElements;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.connector.sink.Sink;
import io.weir.api.connector.sink.SinkWriter;
import io.weir.api.connector.sink.WriterInitContext;
import io.weir.api.datastream.DataStream;
import io.weir.api.datastream.SideOutputDataStream;
import io.weir.api.datastream.SingleOutputStreamOperator;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.Watermark;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.execution.CloseableIterator;
import io.weir.api.execution.JobClient;
import io.weir.api.functions.Collector;
import io.weir.api.functions.OpenContext;
import io.weir.api.functions.OutputTag;
import io.weir.api.functions.ProcessFunction;
import io.weir.api.functions.RichFlatMapFunction;
import io.weir.api.functions.RichMapFunction;
import io.weir.api.functions.sink.RichSinkFunction;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.tuple.Tuple2;
import io.weir.api.tuple.Tuple3;
import io.weir.api.types.Types;
import io.weir.api.windowing.assigners.GlobalWindows;
import io.weir.api.windowing.triggers.CountTrigger;
import io.weir.api.windowing.triggers.PurgingTrigger;
import io.weir.testutils.MiniClusterExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** DataStream methods of Flink 2.x that ported jobs call, run as jobs on the MiniCluster. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class FlinkApiMethodsTest {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build();

    static final OutputTag<String> ODD = new OutputTag<>("odd") {};

    @Test
    void partitionCustomSendsEachKeyToThePartitionersSubtask() throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(3);
        List<Tuple2<Long, Integer>> routed = env.fromSequence(1, 300)
                .partitionCustom((Long key, int partitions) -> (int) (key % partitions), x -> x / 10)
                .map(new TagWithSubtask())
                .executeAndCollect(1000);
        assertEquals(300, routed.size());
        for (Tuple2<Long, Integer> t : routed) {
            assertEquals((t.f0 / 10) % 3, (long) t.f1, "element " + t.f0);
        }
    }

    @Test
    void partitionCustomAnsweringOutOfRangeFailsTheJobNamingTheRange() {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(2);
        env.fromSequence(1, 10).partitionCustom((Long key, int partitions) -> partitions, x -> x)
                .map(x -> x).print();
        Exception e = assertThrows(Exception.class, env::execute);
        assertTrue(rootMessage(e).contains("partitionCustom needs a partition in [0, 2)"), rootMessage(e));
    }

    @Test
    void projectPicksAndReordersTupleFields() throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
        SingleOutputStreamOperator<Tuple2<Integer, String>> projected = env
                .fromData(Tuple3.of("a", 1, true), Tuple3.of("b", 2, false)).project(1, 0);
        assertEquals(Types.TUPLE(Types.INT, Types.STRING), projected.getType());
        assertEquals(List.of(Tuple2.of(1, "a"), Tuple2.of(2, "b")), projected.executeAndCollect(10));
    }

    @Test
    void projectOnANonTupleStreamOrAWrongIndexSaysWhy() {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
        var strings = assertThrows(IllegalArgumentException.class, () -> env.fromData("a").project(0));
        assertTrue(strings.getMessage().contains("streams of tuples only"), strings.getMessage());
        var index = assertThrows(IllegalArgumentException.class,
                () -> env.fromData(Tuple2.of("a", 1)).project(2));
        assertTrue(index.getMessage().contains("field index 2 is out of range"), index.getMessage());
    }

    @Test
    void collectAsyncReadsTwoStreamsOfOneJob() throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
        DataStream<Long> numbers = env.fromSequence(1, 5);
        CloseableIterator<Long> evens = numbers.filter(x -> x % 2 == 0).collectAsync();
        DataStream.Collector<String> words = new DataStream.Collector<>();
        numbers.map(x -> "n" + x).collectAsync(words);
        var notStarted = assertThrows(IllegalStateException.class, evens::hasNext);
        assertTrue(notStarted.getMessage().contains("executeAsync"), notStarted.getMessage());
        JobClient client = env.executeAsync("two collects");
        List<Long> evenList = new ArrayList<>();
        List<String> wordList = new ArrayList<>();
        try (evens; CloseableIterator<String> w = words.getOutput()) {
            evens.forEachRemaining(evenList::add);
            w.forEachRemaining(wordList::add);
        }
        client.getJobExecutionResult().get(1, TimeUnit.MINUTES);
        assertEquals(List.of(2L, 4L), evenList);
        assertEquals(List.of("n1", "n2", "n3", "n4", "n5"), wordList);
    }

    @Test
    void fromElementsAndFromDataWithAClassTakeSubclasses() throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
        List<Number> numbers = env.fromData(Number.class, 1, 2L, 3.5).executeAndCollect(10);
        assertEquals(List.of(1, 2L, 3.5), numbers);
        assertEquals(List.of("x", "y"), env.fromElements("x", "y").executeAndCollect(10));
    }

    @Test
    void printToErrWithAnIdentifierPrefixesEachLine() throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
            env.fromData("a", "b").printToErr("errs");
            env.execute();
        } finally {
            System.setErr(original);
        }
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines()
                .filter(l -> l.startsWith("errs")).toList();
        assertEquals(List.of("errs> a", "errs> b"), lines);
    }

    @Test
    void operatorSettingsOfFlinkAreAcceptedAndKept() throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(2);
        OutputTag<String> odd = ODD;
        SingleOutputStreamOperator<Long> evens = env.fromSequence(1, 200)
                .process(new SplitOdd(odd))
                .setBufferTimeout(-1).setDescription("splits odd from even");
        assertEquals("splits odd from even", evens.getTransformation().getDescription());
        SideOutputDataStream<String> odds = evens.getSideOutput(odd);
        CloseableIterator<String> oddResults = odds.collectAsync();
        CloseableIterator<Long> evenResults = evens.map(x -> x).setBufferTimeout(0).forceNonParallel()
                .collectAsync();
        env.executeAsync();
        List<Long> evenList = new ArrayList<>();
        List<String> oddList = new ArrayList<>();
        try (evenResults; oddResults) {
            evenResults.forEachRemaining(evenList::add);
            oddResults.forEachRemaining(oddList::add);
        }
        assertEquals(100, evenList.size());
        assertEquals(100, oddList.size());
        var fixed = assertThrows(IllegalArgumentException.class,
                () -> env.fromSequence(1, 2).map(x -> x).forceNonParallel().setParallelism(2));
        assertTrue(fixed.getMessage().contains("is not parallel"), fixed.getMessage());
    }

    @Test
    void keyedFlatMapWithAnExplicitTypeUsesKeyedState() throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(2);
        List<String> result = env.fromData("a", "b", "a", "a", "b")
                .keyBy(s -> s)
                .flatMap(new RichFlatMapFunction<String, String>() {
                    private transient ValueState<Integer> seen;

                    @Override
                    public void open(OpenContext context) {
                        seen = getRuntimeContext().getState(new ValueStateDescriptor<>("seen", Types.INT));
                    }

                    @Override
                    public void flatMap(String value, Collector<String> out) throws Exception {
                        int n = seen.value() == null ? 1 : seen.value() + 1;
                        seen.update(n);
                        out.collect(value + n);
                    }
                }, Types.STRING)
                .executeAndCollect(10);
        assertSameElements(List.of("a1", "b1", "a2", "a3", "b2"), result);
    }

    @Test
    void aSinkFunctionAfterKeyByHasKeyedState() throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(2);
        KeyedCountingSink.SEEN.clear();
        env.fromData("a", "b", "a", "a").keyBy(s -> s).addSink(new KeyedCountingSink());
        env.execute();
        assertSameElements(List.of("a1", "b1", "a2", "a3"), KeyedCountingSink.SEEN);
    }

    @Test
    void windowAllMinByAndMaxByKeepTheFirstOrTheLastOfEqualElements() throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
        DataStream<Tuple2<String, Integer>> input = env.fromData(
                Tuple2.of("a", 1), Tuple2.of("b", 1), Tuple2.of("c", 5), Tuple2.of("d", 5));
        assertEquals(List.of(Tuple2.of("b", 1)), input.windowAll(GlobalWindows.createWithEndOfStreamTrigger())
                .minBy(1, false).executeAndCollect(10));
        assertEquals(List.of(Tuple2.of("c", 5)), input.windowAll(GlobalWindows.createWithEndOfStreamTrigger())
                .maxBy("f1", true).executeAndCollect(10));
        assertEquals(List.of(Tuple2.of("d", 5)), input.countWindowAll(4).maxBy(1, false).executeAndCollect(10));
    }

    @Test
    void windowAllTakesExplicitTypesAsFlinksOverloadsDo() throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
        List<String> result = env.fromData(1, 2, 3, 4)
                .windowAll(GlobalWindows.create()).trigger(PurgingTrigger.of(CountTrigger.of(2)))
                .reduce(Integer::sum, (window, values, out) -> out.collect("sum " + values.iterator().next()),
                        Types.STRING)
                .executeAndCollect(10);
        assertEquals(List.of("sum 3", "sum 7"), result);
    }

    @Test
    void sinkWritersSeeTheWatermarksOfTheirInput() throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
        env.fromData(5L, 10L, 20L)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Long>forMonotonousTimestamps()
                        .withTimestampAssigner((value, ts) -> value))
                .sinkTo(new WatermarkRecordingSink());
        WatermarkRecordingSink.WATERMARKS.clear();
        env.execute();
        List<Long> seen = new ArrayList<>(WatermarkRecordingSink.WATERMARKS);
        assertEquals(Long.MAX_VALUE, seen.get(seen.size() - 1), "the final watermark: " + seen);
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i) >= seen.get(i - 1), "in order: " + seen);
        }
    }

    /** Records the watermarks its writer is given, in a static queue (the sink runs in this JVM). */
    static final class WatermarkRecordingSink implements Sink<Long> {
        static final Queue<Long> WATERMARKS = new ConcurrentLinkedQueue<>();

        @Override
        public SinkWriter<Long> createWriter(WriterInitContext context) {
            return new SinkWriter<>() {
                @Override
                public void write(Long element, Context context) {}

                @Override
                public void writeWatermark(Watermark watermark) {
                    WATERMARKS.add(watermark.getTimestamp());
                }

                @Override
                public void flush(boolean endOfInput) {}

                @Override
                public void close() {}
            };
        }
    }

    /** Counts the elements of each key in keyed state and records "key + count" in a static queue. */
    static final class KeyedCountingSink extends RichSinkFunction<String> {
        static final Queue<String> SEEN = new ConcurrentLinkedQueue<>();
        private transient ValueState<Integer> count;

        @Override
        public void open(OpenContext context) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.INT));
        }

        @Override
        public void invoke(String value, Context context) throws Exception {
            int n = count.value() == null ? 1 : count.value() + 1;
            count.update(n);
            SEEN.add(value + n);
        }
    }

    /** Even numbers to the main output, odd ones to the side output {@code odd}. */
    static final class SplitOdd extends ProcessFunction<Long, Long> {
        private final OutputTag<String> odd;

        SplitOdd(OutputTag<String> odd) {
            this.odd = odd;
        }

        @Override
        public void processElement(Long value, Context ctx, Collector<Long> out) {
            if (value % 2 == 0) {
                out.collect(value);
            } else {
                ctx.output(odd, "odd " + value);
            }
        }
    }

    static final class TagWithSubtask extends RichMapFunction<Long, Tuple2<Long, Integer>> {
        @Override
        public Tuple2<Long, Integer> map(Long value) {
            return Tuple2.of(value, getRuntimeContext().getTaskInfo().getIndexOfThisSubtask());
        }
    }

    private static String rootMessage(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" | ");
        }
        return all.toString();
    }
}
