package anchor.suite;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.AlgorithmOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.MultipleConnectedStreams;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.legacy.DiscardingSink;
import org.apache.flink.streaming.api.operators.AbstractInput;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.AbstractStreamOperatorFactory;
import org.apache.flink.streaming.api.operators.AbstractStreamOperatorV2;
import org.apache.flink.streaming.api.operators.BoundedMultiInput;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.Input;
import org.apache.flink.streaming.api.operators.MultipleInputStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.operators.StreamOperator;
import org.apache.flink.streaming.api.operators.StreamOperatorParameters;
import org.apache.flink.streaming.api.operators.TwoInputStreamOperator;
import org.apache.flink.streaming.api.transformations.KeyedMultipleInputTransformation;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.SplittableIterator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Twin of Weir's {@code SortingBoundedInputBenchmarks}: BATCH jobs (sort spilling threshold 0, as
 * flink-benchmarks' {@code SortingInputContext} sets it) whose keyed operator counts 1,500,000
 * integers cycling over the keys 0-9 in a shuffled order (fixed seed, the same order as Weir's),
 * fails on a key that comes back after another, and emits the count when its input(s) end.
 * {@code sortedOneInput}: one {@code fromParallelCollection} source, {@code keyBy};
 * {@code sortedTwoInput}: two of half the records each, connected and keyed on both sides;
 * {@code sortedMultiInput}: three of a third of the records each, keyed, into a keyed three-input
 * {@code MultipleInputStreamOperator} at the job's parallelism.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
@OperationsPerInvocation(SortingBoundedInputBenchmarks.RECORDS)
public class SortingBoundedInputBenchmarks {
    static final int RECORDS = 1_500_000;
    private static final int CHECK_RECORDS = 1_000;
    private static final List<Integer> INDICES = shuffledKeys();

    private static List<Integer> shuffledKeys() {
        List<Integer> keys = new ArrayList<>();
        for (int key = 0; key < 10; key++) {
            keys.add(key);
        }
        Collections.shuffle(keys, new Random(42));
        return List.copyOf(keys);
    }

    /** Before timing: both programs, small, keep each key's records together and count every record. */
    @Setup(Level.Trial)
    public void checkResults(SuiteCluster cluster) throws Exception {
        Check.equal(List.of((long) CHECK_RECORDS), Check.collect(oneInput(environment(cluster), CHECK_RECORDS)),
                "sortedOneInput: the count of the records, each key together");
        Check.equal(List.of((long) CHECK_RECORDS), Check.collect(twoInput(environment(cluster), CHECK_RECORDS)),
                "sortedTwoInput: the count of the records of both inputs, each key together");
        Check.equal(List.of(3L * (CHECK_RECORDS / 3)), Check.collect(multiInput(environment(cluster), CHECK_RECORDS)),
                "sortedMultiInput: the count of the records of the three inputs, each key together");
    }

    @Benchmark
    public long sortedOneInput(SuiteCluster cluster, ProcessCpuTime cpu) throws Exception {
        StreamExecutionEnvironment env = environment(cluster);
        oneInput(env, RECORDS).addSink(new DiscardingSink<>());
        return SuiteCluster.execute(env, "sortedOneInput", RECORDS, cpu);
    }

    @Benchmark
    public long sortedTwoInput(SuiteCluster cluster, ProcessCpuTime cpu) throws Exception {
        StreamExecutionEnvironment env = environment(cluster);
        twoInput(env, RECORDS).addSink(new DiscardingSink<>());
        return SuiteCluster.execute(env, "sortedTwoInput", RECORDS, cpu);
    }

    @Benchmark
    public long sortedMultiInput(SuiteCluster cluster, ProcessCpuTime cpu) throws Exception {
        StreamExecutionEnvironment env = environment(cluster);
        multiInput(env, RECORDS).addSink(new DiscardingSink<>());
        return SuiteCluster.execute(env, "sortedMultiInput", RECORDS, cpu);
    }

    static StreamExecutionEnvironment environment(SuiteCluster cluster) {
        StreamExecutionEnvironment env = cluster.environment();
        Configuration batch = new Configuration();
        batch.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
        batch.set(AlgorithmOptions.SORT_SPILLING_THRESHOLD, 0f);
        env.configure(batch);
        return env;
    }

    static DataStream<Long> oneInput(StreamExecutionEnvironment env, long records) {
        return env.fromParallelCollection(new InputGenerator(records), Types.INT)
                .keyBy(element -> element)
                .transform("Asserting operator", Types.LONG, new AssertingOperator());
    }

    static DataStream<Long> twoInput(StreamExecutionEnvironment env, long records) {
        DataStream<Integer> first = env.fromParallelCollection(new InputGenerator(records / 2), Types.INT);
        DataStream<Integer> second = env.fromParallelCollection(new InputGenerator(records / 2), Types.INT);
        return first.connect(second)
                .keyBy(element -> element, element -> element)
                .transform("Asserting operator", Types.LONG, new AssertingTwoInputOperator());
    }

    static DataStream<Long> multiInput(StreamExecutionEnvironment env, long records) {
        KeyedMultipleInputTransformation<Long> transform = new KeyedMultipleInputTransformation<>(
                "Asserting operator", new AssertingThreeInputOperatorFactory(), Types.LONG, -1, Types.INT);
        for (int input = 0; input < 3; input++) {
            KeyedStream<Integer, Integer> keyed = env.fromParallelCollection(new InputGenerator(records / 3), Types.INT)
                    .keyBy(element -> element);
            transform.addInput(keyed.getTransformation(), keyed.getKeySelector());
        }
        env.addOperator(transform);
        return new MultipleConnectedStreams(env).transform(transform);
    }

    static final class KeyOrderAsserter implements Serializable {
        private static final long serialVersionUID = 1L;
        private final Set<Integer> seenKeys = new HashSet<>();
        private long seenRecords;
        private Integer currentKey;

        void processElement(Integer element) {
            seenRecords++;
            if (!element.equals(currentKey)) {
                if (!seenKeys.add(element)) {
                    throw new IllegalStateException("Received an out of order key: " + element
                            + " came back after key " + currentKey);
                }
                currentKey = element;
            }
        }

        long seenRecords() {
            return seenRecords;
        }
    }

    static final class AssertingOperator extends AbstractStreamOperator<Long>
            implements OneInputStreamOperator<Integer, Long>, BoundedOneInput {
        private static final long serialVersionUID = 1L;
        private final KeyOrderAsserter asserter = new KeyOrderAsserter();

        @Override
        public void processElement(StreamRecord<Integer> element) {
            asserter.processElement(element.getValue());
        }

        @Override
        public void endInput() {
            output.collect(new StreamRecord<>(asserter.seenRecords()));
        }
    }

    static final class AssertingTwoInputOperator extends AbstractStreamOperator<Long>
            implements TwoInputStreamOperator<Integer, Integer, Long>, BoundedMultiInput {
        private static final long serialVersionUID = 1L;
        private final KeyOrderAsserter asserter = new KeyOrderAsserter();
        private boolean firstEnded;
        private boolean secondEnded;

        @Override
        public void processElement1(StreamRecord<Integer> element) {
            asserter.processElement(element.getValue());
        }

        @Override
        public void processElement2(StreamRecord<Integer> element) {
            asserter.processElement(element.getValue());
        }

        @Override
        public void endInput(int inputId) {
            firstEnded |= inputId == 1;
            secondEnded |= inputId == 2;
            if (firstEnded && secondEnded) {
                output.collect(new StreamRecord<>(asserter.seenRecords()));
            }
        }
    }

    static final class AssertingThreeInputOperatorFactory extends AbstractStreamOperatorFactory<Long> {
        private static final long serialVersionUID = 1L;

        @Override
        @SuppressWarnings("unchecked")
        public <T extends StreamOperator<Long>> T createStreamOperator(StreamOperatorParameters<Long> parameters) {
            return (T) new AssertingThreeInputOperator(parameters);
        }

        @Override
        public Class<? extends StreamOperator<?>> getStreamOperatorClass(ClassLoader classLoader) {
            return AssertingThreeInputOperator.class;
        }
    }

    static final class AssertingThreeInputOperator extends AbstractStreamOperatorV2<Long>
            implements MultipleInputStreamOperator<Long>, BoundedMultiInput {
        private final KeyOrderAsserter asserter = new KeyOrderAsserter();
        private int endedInputs;

        AssertingThreeInputOperator(StreamOperatorParameters<Long> parameters) {
            super(parameters, 3);
        }

        @Override
        @SuppressWarnings("rawtypes")
        public List<Input> getInputs() {
            return List.of(new AssertingInput(this, 1), new AssertingInput(this, 2), new AssertingInput(this, 3));
        }

        @Override
        public void endInput(int inputId) {
            if (++endedInputs == 3) {
                output.collect(new StreamRecord<>(asserter.seenRecords()));
            }
        }

        private final class AssertingInput extends AbstractInput<Integer, Long> {
            AssertingInput(AbstractStreamOperatorV2<Long> owner, int inputId) {
                super(owner, inputId);
            }

            @Override
            public void processElement(StreamRecord<Integer> element) {
                asserter.processElement(element.getValue());
            }
        }
    }

    static final class InputGenerator extends SplittableIterator<Integer> {
        private static final long serialVersionUID = 1L;
        private final long count;
        private long generated;

        InputGenerator(long count) {
            this.count = count;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Iterator<Integer>[] split(int numPartitions) {
            long perPartition = count / numPartitions;
            Iterator<Integer>[] parts = new Iterator[numPartitions];
            for (int i = 0; i < numPartitions - 1; i++) {
                parts[i] = new InputGenerator(perPartition);
            }
            parts[numPartitions - 1] = new InputGenerator(perPartition + count % numPartitions);
            return parts;
        }

        @Override
        public int getMaximumNumberOfSplits() {
            return (int) Math.min(count, Integer.MAX_VALUE);
        }

        @Override
        public boolean hasNext() {
            return generated < count;
        }

        @Override
        public Integer next() {
            if (!hasNext()) {
                throw new NoSuchElementException("all " + count + " keys generated");
            }
            generated++;
            return INDICES.get((int) (generated % INDICES.size()));
        }
    }
}
