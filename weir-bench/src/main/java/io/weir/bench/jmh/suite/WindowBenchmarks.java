package io.weir.bench.jmh.suite;

import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.MapFunction;
import io.weir.api.functions.ReduceFunction;
import io.weir.api.functions.sink.DiscardingSink;
import io.weir.api.windowing.assigners.EventTimeSessionWindows;
import io.weir.api.windowing.assigners.GlobalWindows;
import io.weir.api.windowing.assigners.SlidingEventTimeWindows;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import io.weir.api.windowing.assigners.WindowAssigner;
import io.weir.api.windowing.windows.Window;
import io.weir.bench.jmh.ProcessCpuTime;
import io.weir.bench.jmh.suite.IntegerLongSource.Record;
import java.time.Duration;
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
 * flink-benchmarks' {@code WindowBenchmarks}: 7,000,000 records over 1,000 keys, event time = the
 * record's index in ms, mapped (value times two), keyed, reduced (sum) in windows of each kind, at
 * parallelism 1. Without watermarks the windows fire when the input ends: one per key for
 * tumbling (10,000 s) and session (500 s gap) windows, about 17 per key for sliding (10,000 s every
 * 1,000 s), none for the global window (its trigger never fires).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
@OperationsPerInvocation(WindowBenchmarks.RECORDS)
public class WindowBenchmarks {
    static final int RECORDS = 7_000_000;
    static final int KEYS = 1_000;

    @Benchmark
    public long globalWindow(ProcessCpuTime cpu) throws Exception {
        return run(GlobalWindows.create(), "globalWindow", cpu);
    }

    @Benchmark
    public long tumblingWindow(ProcessCpuTime cpu) throws Exception {
        return run(TumblingEventTimeWindows.of(Duration.ofSeconds(10_000)), "tumblingWindow", cpu);
    }

    @Benchmark
    public long slidingWindow(ProcessCpuTime cpu) throws Exception {
        return run(SlidingEventTimeWindows.of(Duration.ofSeconds(10_000), Duration.ofSeconds(1_000)), "slidingWindow",
                cpu);
    }

    @Benchmark
    public long sessionWindow(ProcessCpuTime cpu) throws Exception {
        return run(EventTimeSessionWindows.withGap(Duration.ofSeconds(500)), "sessionWindow", cpu);
    }

    private static long run(WindowAssigner<Object, ? extends Window> windows, String name, ProcessCpuTime cpu)
            throws Exception {
        StreamExecutionEnvironment env = SuiteEnvironment.create();
        program(env, KEYS, RECORDS, windows).addSink(new DiscardingSink<>());
        return SuiteEnvironment.execute(env, name, RECORDS, cpu);
    }

    /** The job up to its sink: source, map, keyBy, window, reduce. */
    public static <W extends Window> DataStream<Record> program(StreamExecutionEnvironment env, int keys,
            long records, WindowAssigner<Object, W> windows) {
        return env.addSource(new IntegerLongSource(keys, records))
                .map(new MultiplyValueByTwo())
                .keyBy(record -> record.key)
                .window(windows)
                .reduce(new SumValues());
    }

    static final class MultiplyValueByTwo implements MapFunction<Record, Record> {
        private static final long serialVersionUID = 1L;

        @Override
        public Record map(Record record) {
            return new Record(record.key, record.value * 2);
        }
    }

    static final class SumValues implements ReduceFunction<Record> {
        private static final long serialVersionUID = 1L;

        @Override
        public Record reduce(Record a, Record b) {
            return new Record(a.key, a.value + b.value);
        }
    }
}
