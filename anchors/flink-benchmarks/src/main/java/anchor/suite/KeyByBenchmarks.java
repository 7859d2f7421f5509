package anchor.suite;

import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.legacy.DiscardingSink;
import org.apache.flink.streaming.api.functions.source.legacy.ParallelSourceFunction;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Twin of Weir's {@code KeyByBenchmarks.tupleKeyBy}: a parallel source emitting {@code Tuple2(key, 1)}
 * with the key cycling over 10 values, keyed by {@code f0} into a discarding sink. Every source
 * subtask emits all 15,000,000 tuples while the figure is per 15,000,000, as in flink-benchmarks.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class KeyByBenchmarks {
    static final int TUPLE_RECORDS = 15_000_000;
    private static final int CHECK_RECORDS = 1_000;
    private static final int KEYS = 10;

    @Param({"4", "1"})
    public int parallelism;

    /** Before timing: at parallelism 2 every tuple of both subtasks arrives (count per key). */
    @Setup(Level.Trial)
    public void checkResults(SuiteCluster cluster) throws Exception {
        StreamExecutionEnvironment env = cluster.environment();
        env.setParallelism(2);
        TreeMap<Integer, Integer> perKey = new TreeMap<>();
        for (Tuple2<Integer, Integer> tuple : Check.collect(program(env, CHECK_RECORDS))) {
            perKey.merge(tuple.f0, tuple.f1, Integer::sum);
        }
        TreeMap<Integer, Integer> expected = new TreeMap<>();
        for (int key = 0; key < KEYS; key++) {
            expected.put(key, 2 * CHECK_RECORDS / KEYS);
        }
        Check.equal(expected, perKey, "tupleKeyBy: tuples per key from 2 subtasks");
    }

    @Benchmark
    @OperationsPerInvocation(TUPLE_RECORDS)
    public long tupleKeyBy(SuiteCluster cluster, ProcessCpuTime cpu) throws Exception {
        StreamExecutionEnvironment env = cluster.environment();
        env.setParallelism(parallelism);
        program(env, TUPLE_RECORDS).addSink(new DiscardingSink<>());
        return SuiteCluster.execute(env, "tupleKeyBy", (long) TUPLE_RECORDS * parallelism, cpu);
    }

    /** The job up to its sink: every source subtask emits {@code records} tuples, keyed by {@code f0}. */
    static DataStream<Tuple2<Integer, Integer>> program(StreamExecutionEnvironment env, int records) {
        return env.addSource(new IncreasingTupleSource(records, KEYS)).keyBy(tuple -> tuple.f0);
    }

    /** Emits {@code Tuple2(key, 1)}, the key cycling over {@code keys} values, in every subtask. */
    static final class IncreasingTupleSource implements ParallelSourceFunction<Tuple2<Integer, Integer>> {
        private static final long serialVersionUID = 1L;
        private final int keys;
        private int remaining;

        IncreasingTupleSource(int records, int keys) {
            this.remaining = records;
            this.keys = keys;
        }

        @Override
        public void run(SourceContext<Tuple2<Integer, Integer>> out) {
            int key = 0;
            while (--remaining >= 0) {
                Tuple2<Integer, Integer> element = new Tuple2<>(key, 1);
                synchronized (out.getCheckpointLock()) {
                    out.collect(element);
                }
                key = key + 1 == keys ? 0 : key + 1;
            }
        }

        @Override
        public void cancel() {
            remaining = 0;
        }
    }
}
