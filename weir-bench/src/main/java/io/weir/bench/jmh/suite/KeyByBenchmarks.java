package io.weir.bench.jmh.suite;

import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.sink.DiscardingSink;
import io.weir.api.functions.source.ParallelSourceFunction;
import io.weir.api.tuple.Tuple2;
import io.weir.bench.jmh.ProcessCpuTime;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * flink-benchmarks' {@code KeyByBenchmarks.tupleKeyBy}: a parallel source emitting
 * {@code Tuple2(key, 1)} with the key cycling over 10 values, keyed by {@code f0} into a discarding
 * sink. As in flink-benchmarks every source subtask emits all 15,000,000 tuples while the figure is
 * per 15,000,000 (so at {@code parallelism} 4 one operation moves 60,000,000 tuples); flink-benchmarks
 * runs it at parallelism 4, issue 9's table at 1 and 4.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class KeyByBenchmarks {
    static final int TUPLE_RECORDS = 15_000_000;

    @Param({"4", "1"})
    public int parallelism;

    @Benchmark
    @OperationsPerInvocation(TUPLE_RECORDS)
    public long tupleKeyBy(ProcessCpuTime cpu) throws Exception {
        StreamExecutionEnvironment env = SuiteEnvironment.create();
        env.setParallelism(parallelism);
        program(env, TUPLE_RECORDS).addSink(new DiscardingSink<>());
        return SuiteEnvironment.execute(env, "tupleKeyBy", (long) TUPLE_RECORDS * parallelism, cpu);
    }

    /** The job up to its sink: every source subtask emits {@code records} tuples, keyed by {@code f0}. */
    public static DataStream<Tuple2<Integer, Integer>> program(StreamExecutionEnvironment env, int records) {
        return env.addSource(new IncreasingTupleSource(records, 10)).keyBy(tuple -> tuple.f0);
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
