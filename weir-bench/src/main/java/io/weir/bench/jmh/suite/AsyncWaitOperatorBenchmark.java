package io.weir.bench.jmh.suite;

import io.weir.api.datastream.AsyncDataStream;
import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.async.ResultFuture;
import io.weir.api.functions.async.RichAsyncFunction;
import io.weir.api.functions.sink.DiscardingSink;
import io.weir.bench.jmh.ProcessCpuTime;
import java.util.Collections;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * flink-benchmarks' {@code AsyncWaitOperatorBenchmark}: 1,000,000 longs through an async function
 * that completes each on a thread pool (one thread per CPU) with the value doubled, ordered or
 * unordered, no timeout, checkpoints every 100 ms, parallelism 1, into a discarding sink.
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
    /** The pool the async function completes on; static because the function is serialized into the job. */
    private static ExecutorService executor;

    @Param({"ORDERED", "UNORDERED"})
    public AsyncDataStream.OutputMode outputMode;

    @Setup
    public void setUp() {
        executor = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
    }

    @TearDown
    public void tearDown() {
        executor.shutdown();
    }

    @Benchmark
    public long asyncWait(ProcessCpuTime cpu) throws Exception {
        StreamExecutionEnvironment env = SuiteEnvironment.create();
        env.enableCheckpointing(CHECKPOINT_INTERVAL_MS);
        program(env, RECORDS, outputMode).addSink(new DiscardingSink<>());
        return SuiteEnvironment.execute(env, "asyncWait", RECORDS, cpu);
    }

    /** The job up to its sink; uses the pool set by {@link #useExecutor} or {@link #setUp}. */
    public static DataStream<Long> program(StreamExecutionEnvironment env, long records,
            AsyncDataStream.OutputMode mode) {
        DataStream<Long> source = env.addSource(new LongSource(records));
        return mode == AsyncDataStream.OutputMode.ORDERED
                ? AsyncDataStream.orderedWait(source, new DoubleOnPool(), 0, TimeUnit.MILLISECONDS)
                : AsyncDataStream.unorderedWait(source, new DoubleOnPool(), 0, TimeUnit.MILLISECONDS);
    }

    /** Sets the pool the async function completes on (for a run outside JMH). */
    public static void useExecutor(ExecutorService pool) {
        executor = pool;
    }

    static final class DoubleOnPool extends RichAsyncFunction<Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public void asyncInvoke(Long input, ResultFuture<Long> resultFuture) {
            executor.execute(() -> resultFuture.complete(Collections.singleton(input * 2)));
        }
    }
}
