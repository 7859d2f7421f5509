package io.weir.bench.jmh.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.api.configuration.StateBackendOptions;
import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.PipelineOptions;
import io.weir.api.execution.CloseableIterator;
import io.weir.api.execution.JobClient;
import io.weir.api.execution.Pipeline;
import io.weir.api.execution.PipelineExecutor;
import io.weir.api.functions.sink.DiscardingSink;
import io.weir.api.types.TypeSerializer;
import io.weir.runtime.graph.JobGraph;
import io.weir.runtime.graph.JobGraphBuilder;
import io.weir.runtime.graph.StreamGraphBuilder;
import io.weir.runtime.graph.StreamNode;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import io.weir.api.datastream.AsyncDataStream;
import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.tuple.Tuple2;
import io.weir.api.types.Row;
import io.weir.bench.jmh.suite.SerializationFrameworkMiniBenchmarks.MyOperation;
import io.weir.bench.jmh.suite.SerializationFrameworkMiniBenchmarks.MyPojo;
import io.weir.api.windowing.assigners.EventTimeSessionWindows;
import io.weir.api.windowing.assigners.GlobalWindows;
import io.weir.api.windowing.assigners.SlidingEventTimeWindows;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import io.weir.api.windowing.assigners.WindowAssigner;
import io.weir.api.windowing.windows.Window;
import io.weir.bench.jmh.suite.IntegerLongSource.Record;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The programs of the same-program suite, run small, give the results flink-benchmarks' programs
 * give (count and content), so the benchmarks time jobs that do the work they claim.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SameProgramSuiteTest {
    private static final int KEYS = 10;
    private static final int RECORDS = 1_000;

    /** Per key, twice the sum of the values (the record indexes) of that key. */
    private static TreeMap<Integer, Long> doubledSumsPerKey() {
        TreeMap<Integer, Long> sums = new TreeMap<>();
        for (int i = 0; i < RECORDS; i++) {
            sums.merge(i % KEYS, 2L * i, Long::sum);
        }
        return sums;
    }

    private static List<Record> windowResults(WindowAssigner<Object, ? extends Window> windows) throws Exception {
        StreamExecutionEnvironment env = SuiteEnvironment.create();
        return collect(WindowBenchmarks.program(env, KEYS, RECORDS, windows));
    }

    private static <T> List<T> collect(DataStream<T> stream) throws Exception {
        List<T> out = new ArrayList<>();
        stream.executeAndCollect().forEachRemaining(out::add);
        return out;
    }

    @Test
    void tumblingAndSessionWindowsSumEachKeyOnce() throws Exception {
        for (WindowAssigner<Object, ? extends Window> windows : List.of(
                TumblingEventTimeWindows.of(Duration.ofSeconds(10_000)), EventTimeSessionWindows.withGap(Duration.ofSeconds(500)))) {
            TreeMap<Integer, Long> actual = new TreeMap<>();
            for (Record record : windowResults(windows)) {
                assertEquals(null, actual.put(record.key, record.value), "one window per key: " + windows);
            }
            assertEquals(doubledSumsPerKey(), actual, windows.toString());
        }
    }

    @Test
    void slidingWindowsSumEachKeyInTenWindows() throws Exception {
        // 1 s of event time lies in the 10 windows of 10,000 s that start every 1,000 s before it
        List<Record> results = windowResults(SlidingEventTimeWindows.of(Duration.ofSeconds(10_000), Duration.ofSeconds(1_000)));
        assertEquals(KEYS * 10, results.size());
        TreeMap<Integer, Long> sums = doubledSumsPerKey();
        for (Record record : results) {
            assertEquals(sums.get(record.key), record.value);
        }
    }

    @Test
    void globalWindowNeverFires() throws Exception {
        assertEquals(List.of(), windowResults(GlobalWindows.create()));
    }

    @ParameterizedTest
    @EnumSource(StateBackendBenchmarkBase.StateBackend.class)
    void stateBackendsSumEachKeyOnceOnEveryBackend(StateBackendBenchmarkBase.StateBackend backend) throws Exception {
        Path checkpoints = StateBackendBenchmarkBase.createCheckpointDirectory();
        try {
            StreamExecutionEnvironment env = StateBackendBenchmarkBase.environment(backend, checkpoints);
            String type = switch (backend) {
                case MEMORY, FS -> "hashmap";
                case ROCKS, ROCKS_INC -> "rocksdb";
            };
            assertEquals(type, env.getConfiguration().get(StateBackendOptions.STATE_BACKEND));
            TreeMap<Integer, Long> actual = new TreeMap<>();
            for (Record record : collect(StateBackendBenchmarkBase.program(env, KEYS, RECORDS))) {
                assertEquals(null, actual.put(record.key, record.value), "one window per key on " + backend);
            }
            assertEquals(doubledSumsPerKey(), actual, backend.toString());
        } finally {
            StateBackendBenchmarkBase.delete(checkpoints);
        }
    }

    @Test
    void readFileSplitReadsEveryLineOfEverySplitWithCheckpoints() throws Exception {
        java.nio.file.Path splits = ContinuousFileReaderOperatorBenchmark.writeSplits(4, RECORDS / 4);
        try {
            StreamExecutionEnvironment env = SuiteEnvironment.create();
            env.enableCheckpointing(ContinuousFileReaderOperatorBenchmark.CHECKPOINT_INTERVAL_MS);
            List<String> lines = collect(ContinuousFileReaderOperatorBenchmark.program(env, splits));
            assertEquals(Collections.nCopies(RECORDS, ContinuousFileReaderOperatorBenchmark.LINE), lines);
        } finally {
            StateBackendBenchmarkBase.delete(splits);
        }
    }

    @Test
    void sortedInputsGiveEachKeyTogetherAndCountEveryRecord() throws Exception {
        // the operators fail the job on a key that comes back after another, and emit their count at the end
        assertEquals(List.of((long) RECORDS),
                collect(SortingBoundedInputBenchmarks.oneInput(SortingBoundedInputBenchmarks.environment(), RECORDS)));
        assertEquals(List.of((long) RECORDS),
                collect(SortingBoundedInputBenchmarks.twoInput(SortingBoundedInputBenchmarks.environment(), RECORDS)));
        assertEquals(List.of(3L * (RECORDS / 3)),
                collect(SortingBoundedInputBenchmarks.multiInput(SortingBoundedInputBenchmarks.environment(), RECORDS)),
                "sortedMultiInput: a third of the records from each of the three inputs, each key together");
    }

    @Test
    void sortedMultiInputCountsEveryRecordOverTheSubtasks() throws Exception {
        StreamExecutionEnvironment env = SortingBoundedInputBenchmarks.environment();
        env.setParallelism(2);
        List<Long> counts = collect(SortingBoundedInputBenchmarks.multiInput(env, RECORDS));
        assertEquals(2, counts.size(), "one count per subtask of the operator");
        assertEquals(3L * (RECORDS / 3), counts.stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void sortedOneInputSplitsItsCollectionOverTheSubtasks() throws Exception {
        StreamExecutionEnvironment env = SortingBoundedInputBenchmarks.environment();
        env.setParallelism(3);
        // every subtask of the operator counts the records of its keys; together, every record once
        List<Long> counts = collect(SortingBoundedInputBenchmarks.oneInput(env, RECORDS + 1));
        assertEquals(3, counts.size());
        assertEquals(RECORDS + 1, counts.stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void tupleKeyByPassesEveryTupleOfEverySubtask() throws Exception {
        StreamExecutionEnvironment env = SuiteEnvironment.create();
        env.setParallelism(2);
        TreeMap<Integer, Integer> perKey = new TreeMap<>();
        for (Tuple2<Integer, Integer> tuple : collect(KeyByBenchmarks.program(env, RECORDS))) {
            perKey.merge(tuple.f0, tuple.f1, Integer::sum);
        }
        TreeMap<Integer, Integer> expected = new TreeMap<>();
        for (int key = 0; key < KEYS; key++) {
            expected.put(key, 2 * RECORDS / KEYS);
        }
        assertEquals(expected, perKey);
    }

    @Test
    void twoInputMapSinkDoublesBothInputs() throws Exception {
        List<Long> out = collect(TwoInputBenchmark.mapSink(SuiteEnvironment.create(), RECORDS));
        Collections.sort(out);
        List<Long> expected = new ArrayList<>();
        LongStream.range(0, RECORDS / 2).forEach(i -> {
            expected.add(2 * i);
            expected.add(2 * i);
        });
        assertEquals(expected, out);
    }

    @Test
    void twoInputOneIdleMapSinkDoublesEveryRecordOfBothSources() throws Exception {
        StreamExecutionEnvironment env = SuiteEnvironment.create();
        // as the benchmark: with checkpoints, a task closes its source only after the job's final checkpoint
        env.enableCheckpointing(TwoInputBenchmark.CHECKPOINT_INTERVAL_MS);
        List<Long> out = collect(TwoInputBenchmark.oneIdleMapSink(env, RECORDS));
        // the sources run in turn, but the first one's records may still be on their way to the operator
        // when the second one emits: the order across the two inputs is not defined
        Collections.sort(out);
        List<Long> expected = new ArrayList<>();
        expected.add(0L); // the second source's one element
        LongStream.range(0, RECORDS - 1).forEach(i -> expected.add(2 * i));
        assertEquals(expected, out);
    }

    @Test
    void multiInputMapSinkDoublesBothInputs() throws Exception {
        StreamExecutionEnvironment env = SuiteEnvironment.create();
        env.enableCheckpointing(MultipleInputBenchmark.CHECKPOINT_INTERVAL_MS);
        List<Long> out = collect(MultipleInputBenchmark.mapSink(env, RECORDS));
        Collections.sort(out);
        List<Long> expected = new ArrayList<>();
        LongStream.range(0, RECORDS / 2).forEach(i -> {
            expected.add(2 * i);
            expected.add(2 * i);
        });
        assertEquals(expected, out);
    }

    @Test
    void multiInputChainedIdleSourceDoublesEveryNumberInOrderAndTheIdleSourceEndsAfterTheLast() throws Exception {
        List<Long> out = collect(MultipleInputBenchmark.chainedIdleSource(SuiteEnvironment.create(), RECORDS));
        assertEquals(LongStream.rangeClosed(1, RECORDS).map(i -> 2 * i).boxed().toList(), out,
                "every number of the sequence doubled, in order; the job ends, so the idle source ended");
    }

    @Test
    void multiInputChainedIdleSourceRunsBothSourcesInTheOperatorsTaskAsFlinkDoes() throws Exception {
        // the suite's environment settings (parallelism 1, object reuse) on an executor that only keeps the program
        var captured = new AtomicReference<Pipeline>();
        Configuration configuration = new Configuration();
        configuration.set(PipelineOptions.PARALLELISM, 1);
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(new PipelineExecutor() {
            @Override
            public CompletableFuture<JobClient> execute(
                    Pipeline pipeline, ClassLoader userClassLoader) {
                captured.set(pipeline);
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public <T> CloseableIterator<T> collect(JobClient client,
                    String collectId, TypeSerializer<T> serializer) {
                throw new UnsupportedOperationException();
            }
        }, configuration);
        env.getConfig().enableObjectReuse();
        MultipleInputBenchmark.chainedIdleSource(env, 10).addSink(new DiscardingSink<>());
        env.executeAsync("plan");
        ClassLoader loader = getClass().getClassLoader();
        JobGraph job = JobGraphBuilder.build(
                StreamGraphBuilder.build(captured.get(), loader), loader);
        assertEquals(1, job.getVertices().size(), "one task: " + job.getVertices());
        assertEquals(List.of("source-1", "source-2"), job.getVertices().get(0).getChainedSources().stream()
                .map(StreamNode::getName).toList());
    }

    @Test
    void multiInputOneIdleMapSinkDoublesEveryRecordOfBothSources() throws Exception {
        StreamExecutionEnvironment env = SuiteEnvironment.create();
        env.enableCheckpointing(MultipleInputBenchmark.CHECKPOINT_INTERVAL_MS);
        List<Long> out = collect(MultipleInputBenchmark.oneIdleMapSink(env, RECORDS));
        Collections.sort(out); // the order across the two inputs is not defined
        List<Long> expected = new ArrayList<>();
        expected.add(0L); // the second source's one element
        LongStream.range(0, RECORDS - 1).forEach(i -> expected.add(2 * i));
        assertEquals(expected, out);
    }

    @Test
    void processingTimersAllFireAndEndTheJob() throws Exception {
        // the source ends only when the last of the timers fired; the function emits nothing
        assertEquals(List.of(), collect(ProcessingTimerBenchmark.program(SuiteEnvironment.create(), 10_000)));
    }

    @ParameterizedTest
    @EnumSource(AsyncDataStream.OutputMode.class)
    void asyncWaitDoublesEveryElement(AsyncDataStream.OutputMode mode) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            AsyncWaitOperatorBenchmark.useExecutor(pool);
            List<Long> out = collect(AsyncWaitOperatorBenchmark.program(SuiteEnvironment.create(), RECORDS, mode));
            if (mode == AsyncDataStream.OutputMode.UNORDERED) {
                Collections.sort(out);
            }
            assertEquals(LongStream.range(0, RECORDS).map(i -> 2 * i).boxed().toList(), out);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The serialization programs' sources fill one template and change its id before every
     * {@code collect}: every record must still arrive with the id it had when it was collected
     * (each id equally often) and the template's other fields intact.
     */
    private static <T> void assertEveryTemplateRecord(List<T> out, Function<T, String> describe) {
        int subtasks = 2;
        assertEquals(subtasks * RECORDS, out.size());
        TreeMap<String, Integer> perRecord = new TreeMap<>();
        for (T record : out) {
            perRecord.merge(describe.apply(record), 1, Integer::sum);
        }
        TreeMap<String, Integer> expected = new TreeMap<>();
        for (int id = 0; id < SerializationFrameworkMiniBenchmarks.KEYS; id++) {
            expected.put(SerializationFrameworkMiniBenchmarks.template(id).toString(),
                    subtasks * RECORDS / SerializationFrameworkMiniBenchmarks.KEYS);
        }
        assertEquals(expected, perRecord);
    }

    private static StreamExecutionEnvironment twoSubtasks() {
        StreamExecutionEnvironment env = SuiteEnvironment.create();
        env.setParallelism(2);
        return env;
    }

    @Test
    void serializerPojoAndKryoKeepEveryRecordAsCollected() throws Exception {
        assertEveryTemplateRecord(collect(SerializationFrameworkMiniBenchmarks.pojo(twoSubtasks(), RECORDS)),
                MyPojo::toString);
        assertEveryTemplateRecord(collect(SerializationFrameworkMiniBenchmarks.kryo(twoSubtasks(), RECORDS)),
                MyPojo::toString);
    }

    @Test
    void serializerTupleKeepsEveryRecordAsCollected() throws Exception {
        assertEveryTemplateRecord(collect(SerializationFrameworkMiniBenchmarks.tuple(twoSubtasks(), RECORDS)),
                t -> new MyPojo(t.f0, t.f1, t.f2, Arrays.stream(t.f3).map(op -> new MyOperation(op.f0, op.f1))
                        .toArray(MyOperation[]::new), t.f4, t.f5, t.f6, t.f7).toString());
    }

    @Test
    void serializerRowKeepsEveryRecordAsCollected() throws Exception {
        assertEveryTemplateRecord(collect(SerializationFrameworkMiniBenchmarks.row(twoSubtasks(), RECORDS)),
                r -> new MyPojo((Integer) r.getField(0), (String) r.getField(1), (String[]) r.getField(2),
                        Arrays.stream((Row[]) r.getField(3))
                                .map(op -> new MyOperation((Integer) op.getField(0), (String) op.getField(1)))
                                .toArray(MyOperation[]::new),
                        (Integer) r.getField(4), (Integer) r.getField(5), (Integer) r.getField(6), r.getField(7))
                        .toString());
    }

    @Test
    void serializerHeavyStringPassesEveryString() throws Exception {
        StreamExecutionEnvironment env = SuiteEnvironment.create();
        String[] strings = SerializationFrameworkMiniBenchmarks.heavyStrings();
        TreeMap<String, Integer> perString = new TreeMap<>();
        for (String s : collect(SerializationFrameworkMiniBenchmarks.heavyString(env, RECORDS))) {
            perString.merge(s, 1, Integer::sum);
        }
        // key ids cycle over 12, the strings over 3: each string a third of the records
        TreeMap<String, Integer> expected = new TreeMap<>();
        for (String s : strings) {
            assertEquals(1024, s.length());
            expected.put(s, RECORDS / 3 + (RECORDS % 3 > Arrays.asList(strings).indexOf(s) ? 1 : 0));
        }
        assertEquals(expected, perString);
    }
}
