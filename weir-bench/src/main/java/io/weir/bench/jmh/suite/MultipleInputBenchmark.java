package io.weir.bench.jmh.suite;

import io.weir.api.connector.source.lib.NumberSequenceSource;
import io.weir.api.datastream.DataStream;
import io.weir.api.datastream.MultipleConnectedStreams;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.MapFunction;
import io.weir.api.functions.sink.DiscardingSink;
import io.weir.api.operators.AbstractInput;
import io.weir.api.operators.AbstractStreamOperatorFactory;
import io.weir.api.operators.AbstractStreamOperatorV2;
import io.weir.api.operators.ChainingStrategy;
import io.weir.api.operators.Input;
import io.weir.api.operators.MultipleInputStreamOperator;
import io.weir.api.operators.StreamOperator;
import io.weir.api.operators.StreamOperatorParameters;
import io.weir.api.operators.StreamRecord;
import io.weir.api.transformations.MultipleInputTransformation;
import io.weir.api.types.TypeInformation;
import io.weir.api.types.Types;
import io.weir.bench.jmh.ProcessCpuTime;
import java.util.List;
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
 * flink-benchmarks' {@code MultipleInputBenchmark}: {@link TwoInputBenchmark}'s two programs with a
 * multiple-input operator (an {@code AbstractStreamOperatorV2} with two {@code AbstractInput}s,
 * created by its factory) in place of the two-input one: two long sources into the operator that
 * doubles every element, into a discarding sink, checkpoints every 100 ms, parallelism 1.
 * {@code multiInputMapSink}: both sources emit 12,500,000 longs at once; {@code multiInputOneIdleMapSink}:
 * the first source emits 14,999,999 while the second waits, then the second emits one.
 * {@code multiInputChainedIdleSource}: FLIP-27 sources, a {@code NumberSequenceSource} of 25,000,000
 * longs and an {@link IdlingSource} that stays idle until every long passed, into the same operator
 * set to {@code ChainingStrategy.HEAD_WITH_SOURCES}, no checkpoints (as flink-benchmarks). Both engines
 * chain both sources into the operator's task (one task, no exchange). flink-benchmarks' sink ends the
 * idle source; here a counting map after the operator does (so the program's result can be
 * collected), on both engines.
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

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long multiInputMapSink(ProcessCpuTime cpu) throws Exception {
        StreamExecutionEnvironment env = SuiteEnvironment.create();
        env.enableCheckpointing(CHECKPOINT_INTERVAL_MS);
        mapSink(env, RECORDS).addSink(new DiscardingSink<>());
        return SuiteEnvironment.execute(env, "multiInputMapSink", RECORDS, cpu);
    }

    @Benchmark
    @OperationsPerInvocation(ONE_IDLE_RECORDS)
    public long multiInputOneIdleMapSink(ProcessCpuTime cpu) throws Exception {
        StreamExecutionEnvironment env = SuiteEnvironment.create();
        env.enableCheckpointing(CHECKPOINT_INTERVAL_MS);
        oneIdleMapSink(env, ONE_IDLE_RECORDS).addSink(new DiscardingSink<>());
        return SuiteEnvironment.execute(env, "multiInputOneIdleMapSink", ONE_IDLE_RECORDS, cpu);
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long multiInputChainedIdleSource(ProcessCpuTime cpu) throws Exception {
        StreamExecutionEnvironment env = SuiteEnvironment.create();
        chainedIdleSource(env, RECORDS).addSink(new DiscardingSink<>());
        return SuiteEnvironment.execute(env, "multiInputChainedIdleSource", RECORDS, cpu);
    }

    /**
     * The longs {@code 1..records} and an idle source into the doubling operator (HEAD_WITH_SOURCES),
     * then a map that lets the idle source end once {@code records} elements passed it.
     */
    public static DataStream<Long> chainedIdleSource(StreamExecutionEnvironment env, long records) {
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

    /** Passes its elements on; after the {@code records}-th, lets the {@link IdlingSource} end. */
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

    /** Two sources of {@code records / 2} longs each, into the doubling two-input multiple-input operator. */
    public static DataStream<Long> mapSink(StreamExecutionEnvironment env, long records) {
        return connect(env, env.addSource(new LongSource(records / 2)), env.addSource(new LongSource(records / 2)));
    }

    /** A source of {@code records - 1} longs, then one of a single long, into the doubling operator. */
    public static DataStream<Long> oneIdleMapSink(StreamExecutionEnvironment env, long records) {
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
    }

    /** Doubles the elements of both inputs, reusing their record objects. */
    static final class MultiplyByTwoOperator extends AbstractStreamOperatorV2<Long>
            implements MultipleInputStreamOperator<Long> {
        private static final long serialVersionUID = 1L;

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
