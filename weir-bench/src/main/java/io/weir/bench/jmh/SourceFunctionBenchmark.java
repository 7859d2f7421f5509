package io.weir.bench.jmh;

import io.weir.api.connector.sink.DiscardingSink;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.source.SourceFunction;
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
 * The cost per record of a source function: a one-task job from a {@code SourceFunction} emitting
 * longs to a discarding sink, which runs inside each {@code collect} on the source's thread, holding
 * the checkpoint lock. Compare with {@code MailboxBenchmark.emptyJobPerRecord}, the same job on a
 * split source read by the task's own thread.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class SourceFunctionBenchmark {
    static final int RECORDS = 10_000_000;

    /** Emits 0..count-1. */
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

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long sourceFunctionJobPerRecord() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.addSource(new Longs(RECORDS)).sinkTo(new DiscardingSink<>());
        return env.execute("source function benchmark").getNetRuntime();
    }
}
