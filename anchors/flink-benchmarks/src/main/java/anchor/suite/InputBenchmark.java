package anchor.suite;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.legacy.DiscardingSink;
import org.apache.flink.streaming.api.functions.source.legacy.SourceFunction;
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
 * Twin of Weir's {@code io.weir.bench.jmh.InputBenchmark}, per record, at parallelism 1: a
 * {@code SourceFunction} emitting 15,000,000 longs, a map (times two), a discarding sink;
 * {@code mapRebalanceMapSink} puts a rebalance exchange and an identity map after the first map.
 * Checkpoints every 100 ms, as flink-benchmarks' {@code InputBenchmark} sets them. As Weir's program
 * (which predates the suite): object reuse off and a source that collects without taking the
 * checkpoint lock (flink-benchmarks' own source takes the lock; the twin runs Weir's program).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class InputBenchmark {
    static final int RECORDS = 15_000_000;
    static final long CHECKPOINT_INTERVAL_MS = 100;
    private static final int CHECK_RECORDS = 1_000;

    /** Before timing: both programs, small, give every long doubled, in order (one source, p=1). */
    @Setup(Level.Trial)
    public void checkResults(SuiteCluster cluster) throws Exception {
        List<Long> expected = LongStream.range(0, CHECK_RECORDS).map(i -> 2 * i).boxed().toList();
        Check.equal(expected, Check.collect(mapSink(environment(cluster), CHECK_RECORDS)), "mapSink");
        Check.equal(expected, Check.collect(mapRebalanceMapSink(environment(cluster), CHECK_RECORDS)),
                "mapRebalanceMapSink");
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long mapSink(SuiteCluster cluster, ProcessCpuTime cpu) throws Exception {
        StreamExecutionEnvironment env = environment(cluster);
        mapSink(env, RECORDS).addSink(new DiscardingSink<>());
        return SuiteCluster.execute(env, "mapSink", RECORDS, cpu);
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long mapRebalanceMapSink(SuiteCluster cluster, ProcessCpuTime cpu) throws Exception {
        StreamExecutionEnvironment env = environment(cluster);
        mapRebalanceMapSink(env, RECORDS).addSink(new DiscardingSink<>());
        return SuiteCluster.execute(env, "mapRebalanceMapSink", RECORDS, cpu);
    }

    /** As Weir's {@code InputBenchmark}: the cluster's environment without object reuse, checkpoints every 100 ms. */
    private static StreamExecutionEnvironment environment(SuiteCluster cluster) {
        StreamExecutionEnvironment env = cluster.environment();
        env.getConfig().disableObjectReuse();
        env.enableCheckpointing(CHECKPOINT_INTERVAL_MS);
        return env;
    }

    static DataStream<Long> mapSink(StreamExecutionEnvironment env, long records) {
        return env.addSource(new Longs(records)).map(new MultiplyByTwo());
    }

    static DataStream<Long> mapRebalanceMapSink(StreamExecutionEnvironment env, long records) {
        return env.addSource(new Longs(records)).map(new MultiplyByTwo()).rebalance().map(new Identity());
    }

    /** Weir's {@code SourceFunctionBenchmark.Longs}: the longs {@code 0 .. count - 1}, collected without the lock. */
    static final class Longs implements SourceFunction<Long> {
        private static final long serialVersionUID = 1L;
        private final long count;
        private volatile boolean running = true;

        Longs(long count) {
            this.count = count;
        }

        @Override
        public void run(SourceContext<Long> ctx) {
            for (long i = 0; running && i < count; i++) {
                ctx.collect(i);
            }
        }

        @Override
        public void cancel() {
            running = false;
        }
    }

    static final class MultiplyByTwo implements MapFunction<Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long map(Long value) {
            return value * 2;
        }
    }

    static final class Identity implements MapFunction<Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long map(Long value) {
            return value;
        }
    }
}
