package anchor.suite;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.legacy.DiscardingSink;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.TwoInputStreamOperator;
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
 * Twin of Weir's {@code TwoInputBenchmark}: two long sources connected into a two-input operator
 * that doubles every element, into a discarding sink, checkpoints every 100 ms, parallelism 1.
 * {@code twoInputMapSink}: both sources emit 12,500,000 longs at once (buffer timeout 1 ms);
 * {@code twoInputOneIdleMapSink}: the first source emits 14,999,999 while the second waits, then
 * the second emits one.
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
        Check.equal(expected, both, "twoInputMapSink: both inputs doubled");

        env = cluster.environment();
        env.enableCheckpointing(CHECKPOINT_INTERVAL_MS);
        List<Long> oneIdle = Check.collect(oneIdleMapSink(env, CHECK_RECORDS));
        // the order across the two inputs is not part of the program
        Collections.sort(oneIdle);
        List<Long> expectedOneIdle = new ArrayList<>();
        expectedOneIdle.add(0L); // the second source's one element
        LongStream.range(0, CHECK_RECORDS - 1).forEach(i -> expectedOneIdle.add(2 * i));
        Check.equal(expectedOneIdle, oneIdle, "twoInputOneIdleMapSink: every record of both sources doubled");
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long twoInputMapSink(SuiteCluster cluster, ProcessCpuTime cpu) throws Exception {
        StreamExecutionEnvironment env = cluster.environment();
        env.enableCheckpointing(CHECKPOINT_INTERVAL_MS);
        env.setBufferTimeout(1);
        mapSink(env, RECORDS).addSink(new DiscardingSink<>());
        return SuiteCluster.execute(env, "twoInputMapSink", RECORDS, cpu);
    }

    @Benchmark
    @OperationsPerInvocation(ONE_IDLE_RECORDS)
    public long twoInputOneIdleMapSink(SuiteCluster cluster, ProcessCpuTime cpu) throws Exception {
        StreamExecutionEnvironment env = cluster.environment();
        env.enableCheckpointing(CHECKPOINT_INTERVAL_MS);
        oneIdleMapSink(env, ONE_IDLE_RECORDS).addSink(new DiscardingSink<>());
        return SuiteCluster.execute(env, "twoInputOneIdleMapSink", ONE_IDLE_RECORDS, cpu);
    }

    /** Two sources of {@code records / 2} longs each, connected and doubled. */
    static DataStream<Long> mapSink(StreamExecutionEnvironment env, long records) {
        DataStream<Long> first = env.addSource(new LongSource(records / 2));
        DataStream<Long> second = env.addSource(new LongSource(records / 2));
        return first.connect(second).transform("custom operator", TypeInformation.of(Long.class),
                new MultiplyByTwoCoStreamMap());
    }

    /** A source of {@code records - 1} longs, then one of a single long, connected and doubled. */
    static DataStream<Long> oneIdleMapSink(StreamExecutionEnvironment env, long records) {
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
