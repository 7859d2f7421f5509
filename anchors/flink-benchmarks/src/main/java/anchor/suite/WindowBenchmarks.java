package anchor.suite;

import anchor.suite.IntegerLongSource.Record;
import java.time.Duration;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.functions.ReduceFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.legacy.DiscardingSink;
import org.apache.flink.streaming.api.windowing.assigners.EventTimeSessionWindows;
import org.apache.flink.streaming.api.windowing.assigners.GlobalWindows;
import org.apache.flink.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.assigners.WindowAssigner;
import org.apache.flink.streaming.api.windowing.windows.Window;
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
 * Twin of Weir's {@code WindowBenchmarks}: 7,000,000 records over 1,000 keys, event time = the
 * record's index in ms, mapped (value times two), keyed, reduced (sum) in windows of each kind, at
 * parallelism 1, into a discarding sink. Without watermarks the windows fire when the input ends:
 * one per key for tumbling (10,000 s) and session (500 s gap) windows, ten per key for sliding
 * (10,000 s every 1,000 s) over the checked input, none for the global window (its trigger never fires).
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
    private static final int CHECK_KEYS = 10;
    private static final int CHECK_RECORDS = 1_000;

    /** Before timing: the four programs, small, give the sums per key and window Weir's give. */
    @Setup(Level.Trial)
    public void checkResults(SuiteCluster cluster) throws Exception {
        TreeMap<Integer, Long> sums = new TreeMap<>();
        for (int i = 0; i < CHECK_RECORDS; i++) {
            sums.merge(i % CHECK_KEYS, 2L * i, Long::sum);
        }
        for (WindowAssigner<Object, ? extends Window> windows : List.of(
                TumblingEventTimeWindows.of(Duration.ofSeconds(10_000)), EventTimeSessionWindows.withGap(Duration.ofSeconds(500)))) {
            TreeMap<Integer, Long> actual = new TreeMap<>();
            for (Record record : results(cluster, windows)) {
                Check.equal(null, actual.put(record.key, record.value), "one window per key, " + windows);
            }
            Check.equal(sums, actual, "sums per key, " + windows);
        }
        // 1 s of event time lies in the 10 sliding windows of 10,000 s that start every 1,000 s before it
        List<Record> sliding = results(cluster, SlidingEventTimeWindows.of(Duration.ofSeconds(10_000), Duration.ofSeconds(1_000)));
        Check.equal(CHECK_KEYS * 10, sliding.size(), "sliding windows fired");
        for (Record record : sliding) {
            Check.equal(sums.get(record.key), record.value, "sliding window sum of key " + record.key);
        }
        Check.equal(List.of(), results(cluster, GlobalWindows.create()), "global window never fires");
    }

    private static List<Record> results(SuiteCluster cluster, WindowAssigner<Object, ? extends Window> windows)
            throws Exception {
        return Check.collect(program(cluster.environment(), CHECK_KEYS, CHECK_RECORDS, windows));
    }

    @Benchmark
    public long globalWindow(SuiteCluster cluster, ProcessCpuTime cpu) throws Exception {
        return run(cluster, GlobalWindows.create(), "globalWindow", cpu);
    }

    @Benchmark
    public long tumblingWindow(SuiteCluster cluster, ProcessCpuTime cpu) throws Exception {
        return run(cluster, TumblingEventTimeWindows.of(Duration.ofSeconds(10_000)), "tumblingWindow", cpu);
    }

    @Benchmark
    public long slidingWindow(SuiteCluster cluster, ProcessCpuTime cpu) throws Exception {
        return run(cluster, SlidingEventTimeWindows.of(Duration.ofSeconds(10_000), Duration.ofSeconds(1_000)),
                "slidingWindow", cpu);
    }

    @Benchmark
    public long sessionWindow(SuiteCluster cluster, ProcessCpuTime cpu) throws Exception {
        return run(cluster, EventTimeSessionWindows.withGap(Duration.ofSeconds(500)), "sessionWindow", cpu);
    }

    private static long run(SuiteCluster cluster, WindowAssigner<Object, ? extends Window> windows, String name,
            ProcessCpuTime cpu) throws Exception {
        StreamExecutionEnvironment env = cluster.environment();
        program(env, KEYS, RECORDS, windows).addSink(new DiscardingSink<>());
        return SuiteCluster.execute(env, name, RECORDS, cpu);
    }

    /** The job up to its sink: source, map, keyBy, window, reduce. */
    static <W extends Window> DataStream<Record> program(StreamExecutionEnvironment env, int keys, long records,
            WindowAssigner<Object, W> windows) {
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
