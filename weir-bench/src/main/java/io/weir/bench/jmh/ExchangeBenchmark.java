package io.weir.bench.jmh;

import io.weir.api.connector.sink.DiscardingSink;
import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.KeySelector;
import io.weir.api.functions.MapFunction;
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
 * One hash exchange between two tasks, per record: a job {@code sequence -> keyBy -> map -> discard}
 * at parallelism 1 runs as two tasks joined by a HASH edge (serialize, key-group hash, hand over
 * buffers, deserialize). {@code forward} is the same job with the map chained to the source (one
 * task, no exchange); the difference of the two is the exchange's cost. Each invocation is a whole
 * job of {@value #RECORDS} records on a fresh local cluster, so the figure also carries a share
 * of the job's start.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class ExchangeBenchmark {
    static final int RECORDS = 5_000_000;

    @Param({"forward", "hash"})
    public String edge;

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long job() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        DataStream<Long> numbers = env.fromSequence(0, RECORDS - 1);
        if (edge.equals("hash")) {
            numbers = numbers.keyBy(new Identity());
        }
        numbers.map(new Increment()).sinkTo(new DiscardingSink<>());
        return env.execute("exchange benchmark").getNetRuntime();
    }

    static final class Identity implements KeySelector<Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long getKey(Long value) {
            return value;
        }
    }

    static final class Increment implements MapFunction<Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long map(Long value) {
            return value + 1;
        }
    }
}
