package anchor.suite;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.lib.NumberSequenceSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.MultipleConnectedStreams;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.legacy.DiscardingSink;
import org.apache.flink.streaming.api.operators.AbstractInput;
import org.apache.flink.streaming.api.operators.AbstractStreamOperatorFactory;
import org.apache.flink.streaming.api.operators.AbstractStreamOperatorV2;
import org.apache.flink.streaming.api.operators.ChainingStrategy;
import org.apache.flink.streaming.api.operators.Input;
import org.apache.flink.streaming.api.operators.MultipleInputStreamOperator;
import org.apache.flink.streaming.api.operators.StreamOperator;
import org.apache.flink.streaming.api.operators.StreamOperatorParameters;
import org.apache.flink.streaming.api.transformations.MultipleInputTransformation;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
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
 * Twin of Weir's {@code MultipleInputBenchmark}: two long sources into a multiple-input operator
 * (an {@code AbstractStreamOperatorV2} with two inputs, created by its factory) that doubles every
 * element, into a discarding sink, checkpoints every 100 ms, parallelism 1.
 * {@code multiInputMapSink}: both sources emit 12,500,000 longs at once; {@code multiInputOneIdleMapSink}:
 * the first source emits 14,999,999 while the second waits, then the second emits one.
 * {@code multiInputChainedIdleSource}: FLIP-27 sources (a {@code NumberSequenceSource} of 25,000,000
 * longs and an {@link IdlingSource} idle until every long passed) into the same operator, set to
 * {@code ChainingStrategy.HEAD_WITH_SOURCES} (Flink chains both sources into its task), no
 * checkpoints; a counting map after the operator lets the idle source end, as in Weir's.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class MultipleInputBenchmark {
    static final int RECORDS = TwoInputBenchmark.RECORDS;
    static final int ONE_IDLE_RECORDS = TwoInputBenchmark.ONE_IDLE_RECORDS;
    static final long CHECKPOINT_INTERVAL_MS = TwoInputBenchmark.CHECKPOINT_INTERVAL_MS;
    private static final int CHECK_RECORDS = 1_000;

    /** Before timing: both programs, small and with checkpoints, double every element of both inputs. */
    @Setup(Level.Trial)
    public void checkResults(SuiteCluster cluster) throws Exception {
        StreamExecutionEnvironment env = cluster.environment();
        env.enableCheckpointing(CHECKPOINT_INTERVAL_MS);
        List<Long> both = Check.collect(mapSink(env, CHECK_RECORDS));
        Collections.sort(both);
        List<Long> expected = new ArrayList<>();
        LongStream.range(0, CHECK_RECORDS / 2).forEach(i -> {
            expected.add(2 * i);
            expected.add(2 * i);
        });
        Check.equal(expected, both, "multiInputMapSink: both inputs doubled");

        env = cluster.environment();
        env.enableCheckpointing(CHECKPOINT_INTERVAL_MS);
        List<Long> oneIdle = Check.collect(oneIdleMapSink(env, CHECK_RECORDS));
        Collections.sort(oneIdle); // the order across the two inputs is not part of the program
        List<Long> expectedOneIdle = new ArrayList<>();
        expectedOneIdle.add(0L); // the second source's one element
        LongStream.range(0, CHECK_RECORDS - 1).forEach(i -> expectedOneIdle.add(2 * i));
        Check.equal(expectedOneIdle, oneIdle, "multiInputOneIdleMapSink: every record of both sources doubled");

        List<Long> chained = Check.collect(chainedIdleSource(cluster.environment(), CHECK_RECORDS));
        Check.equal(LongStream.rangeClosed(1, CHECK_RECORDS).map(i -> 2 * i).boxed().toList(), chained,
                "multiInputChainedIdleSource: every number doubled, in order, and the idle source ended");
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long multiInputMapSink(SuiteCluster cluster, ProcessCpuTime cpu) throws Exception {
        StreamExecutionEnvironment env = cluster.environment();
        env.enableCheckpointing(CHECKPOINT_INTERVAL_MS);
        mapSink(env, RECORDS).addSink(new DiscardingSink<>());
        return SuiteCluster.execute(env, "multiInputMapSink", RECORDS, cpu);
    }

    @Benchmark
    @OperationsPerInvocation(ONE_IDLE_RECORDS)
    public long multiInputOneIdleMapSink(SuiteCluster cluster, ProcessCpuTime cpu) throws Exception {
        StreamExecutionEnvironment env = cluster.environment();
        env.enableCheckpointing(CHECKPOINT_INTERVAL_MS);
        oneIdleMapSink(env, ONE_IDLE_RECORDS).addSink(new DiscardingSink<>());
        return SuiteCluster.execute(env, "multiInputOneIdleMapSink", ONE_IDLE_RECORDS, cpu);
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long multiInputChainedIdleSource(SuiteCluster cluster, ProcessCpuTime cpu) throws Exception {
        StreamExecutionEnvironment env = cluster.environment();
        chainedIdleSource(env, RECORDS).addSink(new DiscardingSink<>());
        return SuiteCluster.execute(env, "multiInputChainedIdleSource", RECORDS, cpu);
    }

    static DataStream<Long> chainedIdleSource(StreamExecutionEnvironment env, long records) {
        IdlingSource.reset();
        DataStream<Long> numbers = env.fromSource(new NumberSequenceSource(1, records),
                WatermarkStrategy.noWatermarks(), "source-1");
        DataStream<Integer> idle = env.fromSource(new IdlingSource(), WatermarkStrategy.noWatermarks(), "source-2",
                Types.INT);
        MultipleInputTransformation<Long> transform = new MultipleInputTransformation<>("custom operator",
                new MultiplyByTwoOperatorFactory(), TypeInformation.of(Long.class), 1);
        transform.addInput(numbers.getTransformation());
        transform.addInput(idle.getTransformation());
        transform.setChainingStrategy(ChainingStrategy.HEAD_WITH_SOURCES);
        env.addOperator(transform);
        return new MultipleConnectedStreams(env).transform(transform)
                .map(new FinishIdlingSourceAfter(records)).returns(Types.LONG).setParallelism(1);
    }

    static final class FinishIdlingSourceAfter implements MapFunction<Long, Long> {
        private static final long serialVersionUID = 1L;
        private final long records;
        private long seen;

        FinishIdlingSourceAfter(long records) {
            this.records = records;
        }

        @Override
        public Long map(Long value) {
            if (++seen == records) {
                IdlingSource.signalCanFinish();
            }
            return value;
        }
    }

    static DataStream<Long> mapSink(StreamExecutionEnvironment env, long records) {
        return connect(env, env.addSource(new LongSource(records / 2)), env.addSource(new LongSource(records / 2)));
    }

    static DataStream<Long> oneIdleMapSink(StreamExecutionEnvironment env, long records) {
        QueuingLongSource.reset();
        return connect(env, env.addSource(new QueuingLongSource(1, records - 1)),
                env.addSource(new QueuingLongSource(2, 1)));
    }

    private static DataStream<Long> connect(StreamExecutionEnvironment env, DataStream<Long> first,
            DataStream<Long> second) {
        MultipleInputTransformation<Long> transform = new MultipleInputTransformation<>("custom operator",
                new MultiplyByTwoOperatorFactory(), TypeInformation.of(Long.class), 1);
        transform.addInput(first.getTransformation());
        transform.addInput(second.getTransformation());
        env.addOperator(transform);
        return new MultipleConnectedStreams(env).transform(transform);
    }

    static final class MultiplyByTwoOperatorFactory extends AbstractStreamOperatorFactory<Long> {
        private static final long serialVersionUID = 1L;

        @Override
        @SuppressWarnings("unchecked")
        public <T extends StreamOperator<Long>> T createStreamOperator(StreamOperatorParameters<Long> parameters) {
            return (T) new MultiplyByTwoOperator(parameters);
        }

        @Override
        public Class<? extends StreamOperator<?>> getStreamOperatorClass(ClassLoader classLoader) {
            return MultiplyByTwoOperator.class;
        }
    }

    /** Doubles the elements of both inputs, reusing their record objects. */
    static final class MultiplyByTwoOperator extends AbstractStreamOperatorV2<Long>
            implements MultipleInputStreamOperator<Long> {
        MultiplyByTwoOperator(StreamOperatorParameters<Long> parameters) {
            super(parameters, 2);
        }

        @Override
        @SuppressWarnings("rawtypes")
        public List<Input> getInputs() {
            return List.of(new MultiplyByTwoInput(this, 1), new MultiplyByTwoInput(this, 2));
        }
    }

    static final class MultiplyByTwoInput extends AbstractInput<Long, Long> {
        MultiplyByTwoInput(AbstractStreamOperatorV2<Long> owner, int inputId) {
            super(owner, inputId);
        }

        @Override
        public void processElement(StreamRecord<Long> element) {
            output.collect(element.replace(element.getValue() * 2));
        }
    }
}
