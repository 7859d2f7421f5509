package anchor.suite;

import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.functions.sink.legacy.DiscardingSink;
import org.apache.flink.streaming.api.functions.source.legacy.RichParallelSourceFunction;
import org.apache.flink.util.Collector;
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
 * Twin of Weir's {@code ProcessingTimerBenchmark.fireProcessingTimers}: a source emits one string and
 * then waits; a keyed process function registers 150,000 processing-time timers for it, all in the
 * past, and counts them as they fire; the last one releases the source, which ends the job.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class ProcessingTimerBenchmark {
    static final int TIMERS = 150_000;
    private static final int CHECK_TIMERS = 10_000;
    /** Opened when the last timer fired; the source and the function run in this JVM. */
    private static volatile CountDownLatch allFired = new CountDownLatch(1);

    /** Before timing: all timers fire (else the job would not end) and the function emits nothing. */
    @Setup(Level.Trial)
    public void checkResults(SuiteCluster cluster) throws Exception {
        Check.equal(List.of(), Check.collect(program(cluster.environment(), CHECK_TIMERS)),
                "fireProcessingTimers: output of the timer function");
        Check.equal(0L, allFired.getCount(), "fireProcessingTimers: every timer fired");
    }

    @Benchmark
    @OperationsPerInvocation(TIMERS)
    public long fireProcessingTimers(SuiteCluster cluster, ProcessCpuTime cpu) throws Exception {
        StreamExecutionEnvironment env = cluster.environment();
        program(env, TIMERS).addSink(new DiscardingSink<>());
        return SuiteCluster.execute(env, "fireProcessingTimers", TIMERS, cpu);
    }

    /** The job up to its sink; its output is empty (the function only counts timers). */
    static DataStream<String> program(StreamExecutionEnvironment env, int timers) {
        allFired = new CountDownLatch(1);
        return env.addSource(new SingleRecordSource())
                .keyBy(String::hashCode)
                .process(new TimerRegistering(timers));
    }

    /** Emits one random number as a string, then waits until every timer fired (ten minutes at most). */
    static final class SingleRecordSource extends RichParallelSourceFunction<String> {
        private static final long serialVersionUID = 1L;
        private transient Random random;

        @Override
        public void open(OpenContext openContext) {
            random = new Random();
        }

        @Override
        public void run(SourceContext<String> ctx) throws Exception {
            synchronized (ctx.getCheckpointLock()) {
                ctx.collect(String.valueOf(random.nextLong()));
            }
            if (!allFired.await(10, TimeUnit.MINUTES)) {
                throw new TimeoutException("The timers of ProcessingTimerBenchmark did not all fire in 10 minutes.");
            }
        }

        @Override
        public void cancel() {
            allFired.countDown();
        }
    }

    /** Per element, registers {@code timers} processing-time timers in the past; counts them as they fire. */
    static final class TimerRegistering extends KeyedProcessFunction<Integer, String, String> {
        private static final long serialVersionUID = 1L;
        private final long timers;
        private long fired;

        TimerRegistering(long timers) {
            this.timers = timers;
        }

        @Override
        public void open(OpenContext openContext) {
            fired = 0;
        }

        @Override
        public void processElement(String value, Context ctx, Collector<String> out) {
            long now = System.currentTimeMillis();
            for (int i = 0; i < timers; i++) {
                ctx.timerService().registerProcessingTimeTimer(now - timers + i);
            }
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
            if (++fired == timers) {
                allFired.countDown();
            }
        }
    }
}
