package io.weir.bench.jmh;

import io.weir.bench.nexmark.Event;
import io.weir.bench.nexmark.NexmarkConfig;
import io.weir.bench.nexmark.NexmarkGenerator;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The Nexmark generator, per event, over the real mix (1 person : 3 auctions : 46 bids). */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class NexmarkGeneratorBenchmark {
    private NexmarkGenerator generator;
    private long index;

    @Setup
    public void setUp() {
        generator = new NexmarkGenerator(NexmarkConfig.defaults()).prepare();
    }

    @Benchmark
    public Event event() {
        return generator.event(index++);
    }
}
