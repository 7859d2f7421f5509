package anchor.suite;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;
import org.apache.flink.streaming.api.functions.sink.legacy.DiscardingSink;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Twin of Weir's {@code AsyncWaitOperatorBenchmark}: 1,000,000 longs through an async function that
 * completes each on a thread pool (one thread per CPU) with the value doubled, ordered or unordered,
 * no timeout, checkpoints every 100 ms, parallelism 1, into a discarding sink.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
@OperationsPerInvocation(AsyncWaitOperatorBenchmark.RECORDS)
public class AsyncWaitOperatorBenchmark {
    static final int RECORDS = 1_000_000;
    static final long CHECKPOINT_INTERVAL_MS = 100;
    private static final int CHECK_RECORDS = 1_000;
    /** The pool the async function completes on; static because the function is serialized into the job. */
    private static ExecutorService executor;

    @Param({"ORDERED", "UNORDERED"})
    public AsyncDataStream.OutputMode outputMode;

    /** Starts the pool, then, before timing, checks the program doubles every element (in order if ORDERED). */
    @Setup(Level.Trial)
    public void setUp(SuiteCluster cluster) throws Exception {
        executor = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        List<Long> out = Check.collect(program(cluster.environment(), CHECK_RECORDS, outputMode));
        if (outputMode == AsyncDataStream.OutputMode.UNORDERED) {
            Collections.sort(out);
        }
        Check.equal(LongStream.range(0, CHECK_RECORDS).map(i -> 2 * i).boxed().toList(), out,
                "asyncWait " + outputMode + ": every element doubled");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        executor.shutdown();
    }

    @Benchmark
    public long asyncWait(SuiteCluster cluster, ProcessCpuTime cpu) throws Exception {
        StreamExecutionEnvironment env = cluster.environment();
        env.enableCheckpointing(CHECKPOINT_INTERVAL_MS);
        program(env, RECORDS, outputMode).addSink(new DiscardingSink<>());
        return SuiteCluster.execute(env, "asyncWait", RECORDS, cpu);
    }

    /** The job up to its sink. */
    static DataStream<Long> program(StreamExecutionEnvironment env, long records, AsyncDataStream.OutputMode mode) {
        DataStream<Long> source = env.addSource(new LongSource(records));
        return mode == AsyncDataStream.OutputMode.ORDERED
                ? AsyncDataStream.orderedWait(source, new DoubleOnPool(), 0, TimeUnit.MILLISECONDS)
                : AsyncDataStream.unorderedWait(source, new DoubleOnPool(), 0, TimeUnit.MILLISECONDS);
    }

    static final class DoubleOnPool extends RichAsyncFunction<Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public void asyncInvoke(Long input, ResultFuture<Long> resultFuture) {
            executor.execute(() -> resultFuture.complete(Collections.singleton(input * 2)));
        }
    }
}
