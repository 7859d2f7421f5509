package io.weir.bench.jmh.suite;

import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.ExecutionOptions;
import io.weir.api.datastream.DataStream;
import io.weir.api.datastream.KeyedStream;
import io.weir.api.datastream.MultipleConnectedStreams;
import io.weir.api.environment.RuntimeExecutionMode;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.sink.DiscardingSink;
import io.weir.api.functions.source.SplittableIterator;
import io.weir.api.operators.AbstractInput;
import io.weir.api.operators.AbstractStreamOperator;
import io.weir.api.operators.AbstractStreamOperatorFactory;
import io.weir.api.operators.AbstractStreamOperatorV2;
import io.weir.api.operators.BoundedMultiInput;
import io.weir.api.operators.BoundedOneInput;
import io.weir.api.operators.Input;
import io.weir.api.operators.MultipleInputStreamOperator;
import io.weir.api.operators.OneInputStreamOperator;
import io.weir.api.operators.StreamOperator;
import io.weir.api.operators.StreamOperatorParameters;
import io.weir.api.operators.StreamRecord;
import io.weir.api.operators.TwoInputStreamOperator;
import io.weir.api.transformations.KeyedMultipleInputTransformation;
import io.weir.api.transformations.Transformation;
import io.weir.api.types.Types;
import io.weir.bench.jmh.ProcessCpuTime;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * flink-benchmarks' {@code SortingBoundedInputBenchmarks}: a BATCH job whose keyed operator must
 * get all records of one key before the next key. {@code fromParallelCollection} sources emit
 * 1,500,000 integers cycling over the ten keys 0-9 in a shuffled order (a fixed seed here, so
 * both engines get the same order; flink-benchmarks shuffles per JVM); the operator counts the
 * records and fails the job if a key comes back after another one, and emits the count when its
 * input(s) end. {@code sortedOneInput}: one source, {@code keyBy}; {@code sortedTwoInput}: two
 * sources of half the records each, connected and keyed on both sides (one sort over both);
 * {@code sortedMultiInput}: three sources of a third of the records each, keyed, into a keyed
 * {@code MultipleInputStreamOperator} (a {@code KeyedMultipleInputTransformation}, one sort over all three).
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
    private static final List<Integer> INDICES = shuffledKeys();

    private static List<Integer> shuffledKeys() {
        List<Integer> keys = new ArrayList<>();
        for (int key = 0; key < 10; key++) {
            keys.add(key);
        }
        Collections.shuffle(keys, new Random(42));
        return List.copyOf(keys);
    }

    @Benchmark
    public long sortedOneInput(ProcessCpuTime cpu) throws Exception {
        StreamExecutionEnvironment env = environment();
        oneInput(env, RECORDS).addSink(new DiscardingSink<>());
        return SuiteEnvironment.execute(env, "sortedOneInput", RECORDS, cpu);
    }

    @Benchmark
    public long sortedTwoInput(ProcessCpuTime cpu) throws Exception {
        StreamExecutionEnvironment env = environment();
        twoInput(env, RECORDS).addSink(new DiscardingSink<>());
        return SuiteEnvironment.execute(env, "sortedTwoInput", RECORDS, cpu);
    }

    @Benchmark
    public long sortedMultiInput(ProcessCpuTime cpu) throws Exception {
        StreamExecutionEnvironment env = environment();
        multiInput(env, RECORDS).addSink(new DiscardingSink<>());
        return SuiteEnvironment.execute(env, "sortedMultiInput", RECORDS, cpu);
    }

    /** The suite's environment in BATCH mode. */
    public static StreamExecutionEnvironment environment() {
        StreamExecutionEnvironment env = SuiteEnvironment.create();
        env.configure(new Configuration().set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH));
        return env;
    }

    /** One source of {@code records} keys, keyed into the asserting operator: emits the count per subtask. */
    public static DataStream<Long> oneInput(StreamExecutionEnvironment env, long records) {
        return env.fromParallelCollection(new InputGenerator(records), Types.INT)
                .keyBy(element -> element)
                .transform("Asserting operator", Types.LONG, new AssertingOperator());
    }

    /** Two sources of {@code records / 2} keys each, connected and keyed: emits the count per subtask. */
    public static DataStream<Long> twoInput(StreamExecutionEnvironment env, long records) {
        DataStream<Integer> first = env.fromParallelCollection(new InputGenerator(records / 2), Types.INT);
        DataStream<Integer> second = env.fromParallelCollection(new InputGenerator(records / 2), Types.INT);
        return first.connect(second)
                .keyBy(element -> element, element -> element)
                .transform("Asserting operator", Types.LONG, new AssertingTwoInputOperator());
    }

    /**
     * Three sources of {@code records / 3} keys each, keyed, into the asserting three-input operator
     * (at the job's parallelism, as flink-benchmarks' -1): emits the count per subtask.
     */
    public static DataStream<Long> multiInput(StreamExecutionEnvironment env, long records) {
        KeyedMultipleInputTransformation<Long> transform = new KeyedMultipleInputTransformation<>(
                "Asserting operator", new AssertingThreeInputOperatorFactory(), Types.LONG,
                Transformation.DEFAULT_PARALLELISM, Types.INT);
        for (int input = 0; input < 3; input++) {
            KeyedStream<Integer, Integer> keyed = env.fromParallelCollection(new InputGenerator(records / 3), Types.INT)
                    .keyBy(element -> element);
            transform.addInput(keyed.getTransformation(), keyed.getKeySelector());
        }
        env.addOperator(transform);
        return new MultipleConnectedStreams(env).transform(transform);
    }

    /** Counts the records and fails on a key that comes back after another key. */
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
                            + " came back after key " + currentKey + "; BATCH must give each key's records together");
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
    }

    /** Counts the records of its three inputs together; emits the count once all three ended. */
    static final class AssertingThreeInputOperator extends AbstractStreamOperatorV2<Long>
            implements MultipleInputStreamOperator<Long>, BoundedMultiInput {
        private static final long serialVersionUID = 1L;
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

    /** {@code count} keys cycling over the shuffled {@code 0..9}; splits into parts of equal size (the last takes the rest). */
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
                throw new java.util.NoSuchElementException("all " + count + " keys generated");
            }
            generated++;
            return INDICES.get((int) (generated % INDICES.size()));
        }
    }
}
