package io.weir.bench.jmh;

import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.MapFunction;
import io.weir.api.functions.sink.DiscardingSink;
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
 * The programs of flink-benchmarks' {@code InputBenchmark}, per record, at parallelism 1: a
 * {@code SourceFunction} emitting longs, a map, a discarding sink function. {@code mapSink} runs as
 * one task (the map and the sink chained to the source); {@code mapRebalanceMapSink} puts a
 * rebalance exchange after the first map, so it runs as two tasks. Checkpoints every 100 ms, as
 * flink-benchmarks' {@code InputBenchmark} sets them (and the Flink twin). Each invocation is a whole job
 * on a fresh local cluster, so the figure also carries a share of the job's start. The secondary
 * results {@code cpuNanos} and {@code records} give the CPU time per record ({@link ProcessCpuTime}).
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

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long mapSink(ProcessCpuTime cpu) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.enableCheckpointing(CHECKPOINT_INTERVAL_MS);
        env.addSource(new SourceFunctionBenchmark.Longs(RECORDS))
                .map(new MultiplyByTwo())
                .addSink(new DiscardingSink<>());
        return execute(env, "mapSink", cpu);
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long mapRebalanceMapSink(ProcessCpuTime cpu) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.enableCheckpointing(CHECKPOINT_INTERVAL_MS);
        env.addSource(new SourceFunctionBenchmark.Longs(RECORDS))
                .map(new MultiplyByTwo())
                .rebalance()
                .map(new Identity())
                .addSink(new DiscardingSink<>());
        return execute(env, "mapRebalanceMapSink", cpu);
    }

    private static long execute(StreamExecutionEnvironment env, String name, ProcessCpuTime cpu) throws Exception {
        cpu.jobStarts();
        long runtime = env.execute(name).getNetRuntime();
        cpu.jobEnded(RECORDS);
        return runtime;
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
