package io.weir.bench.jmh.suite;

import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.sink.DiscardingSink;
import io.weir.api.operators.AbstractStreamOperator;
import io.weir.api.operators.StreamRecord;
import io.weir.api.operators.TwoInputStreamOperator;
import io.weir.api.types.TypeInformation;
import io.weir.bench.jmh.ProcessCpuTime;
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
 * flink-benchmarks' {@code TwoInputBenchmark}: two long sources connected into a two-input operator
 * that doubles every element, into a discarding sink, checkpoints every 100 ms, parallelism 1.
 * {@code twoInputMapSink}: both sources emit 12,500,000 longs at once (buffer timeout 1 ms, as
 * flink-benchmarks sets it); {@code twoInputOneIdleMapSink}: the first source emits 14,999,999 while
 * the second waits, then the second emits one, so one input is idle for almost the whole job.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class TwoInputBenchmark {
    static final int RECORDS = 25_000_000;
    static final int ONE_IDLE_RECORDS = 15_000_000;
    static final long CHECKPOINT_INTERVAL_MS = 100;

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long twoInputMapSink(ProcessCpuTime cpu) throws Exception {
        StreamExecutionEnvironment env = SuiteEnvironment.create();
        env.enableCheckpointing(CHECKPOINT_INTERVAL_MS);
        env.setBufferTimeout(1);
        mapSink(env, RECORDS).addSink(new DiscardingSink<>());
        return SuiteEnvironment.execute(env, "twoInputMapSink", RECORDS, cpu);
    }

    @Benchmark
    @OperationsPerInvocation(ONE_IDLE_RECORDS)
    public long twoInputOneIdleMapSink(ProcessCpuTime cpu) throws Exception {
        StreamExecutionEnvironment env = SuiteEnvironment.create();
        env.enableCheckpointing(CHECKPOINT_INTERVAL_MS);
        oneIdleMapSink(env, ONE_IDLE_RECORDS).addSink(new DiscardingSink<>());
        return SuiteEnvironment.execute(env, "twoInputOneIdleMapSink", ONE_IDLE_RECORDS, cpu);
    }

    /** Two sources of {@code records / 2} longs each, connected and doubled. */
    public static DataStream<Long> mapSink(StreamExecutionEnvironment env, long records) {
        DataStream<Long> first = env.addSource(new LongSource(records / 2));
        DataStream<Long> second = env.addSource(new LongSource(records / 2));
        return first.connect(second).transform("custom operator", TypeInformation.of(Long.class),
                new MultiplyByTwoCoStreamMap());
    }

    /** A source of {@code records - 1} longs, then one of a single long, connected and doubled. */
    public static DataStream<Long> oneIdleMapSink(StreamExecutionEnvironment env, long records) {
        QueuingLongSource.reset();
        DataStream<Long> first = env.addSource(new QueuingLongSource(1, records - 1));
        DataStream<Long> second = env.addSource(new QueuingLongSource(2, 1));
        return first.connect(second).transform("custom operator", TypeInformation.of(Long.class),
                new MultiplyByTwoCoStreamMap());
    }

    /** Doubles the elements of both inputs, reusing their record objects. */
    static final class MultiplyByTwoCoStreamMap extends AbstractStreamOperator<Long>
            implements TwoInputStreamOperator<Long, Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement1(StreamRecord<Long> element) {
            output.collect(element.replace(element.getValue() * 2));
        }

        @Override
        public void processElement2(StreamRecord<Long> element) {
            output.collect(element.replace(element.getValue() * 2));
        }
    }
}
