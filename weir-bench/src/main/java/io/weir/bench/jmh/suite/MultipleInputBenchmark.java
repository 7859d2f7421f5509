package io.weir.bench.jmh.suite;

import io.weir.api.datastream.DataStream;
import io.weir.api.datastream.MultipleConnectedStreams;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.sink.DiscardingSink;
import io.weir.api.operators.AbstractInput;
import io.weir.api.operators.AbstractStreamOperatorFactory;
import io.weir.api.operators.AbstractStreamOperatorV2;
import io.weir.api.operators.Input;
import io.weir.api.operators.MultipleInputStreamOperator;
import io.weir.api.operators.StreamOperator;
import io.weir.api.operators.StreamOperatorParameters;
import io.weir.api.operators.StreamRecord;
import io.weir.api.transformations.MultipleInputTransformation;
import io.weir.api.types.TypeInformation;
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
 * ({@code multiInputChainedIdleSource}, which chains FLIP-27 sources into the operator, is not ported:
 * Weir does not chain sources into a multiple-input operator.)
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
