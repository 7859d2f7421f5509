package io.weir.bench.jmh;

import io.weir.api.connector.sink.DiscardingSink;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.runtime.task.Mailbox;
import io.weir.runtime.task.TaskWakeup;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The task loop's own costs. {@code hasMail}: the one check made between input batches;
 * {@code putAndRun}: one action put into the mailbox and run by the task thread (a timer, an
 * operator event); {@code emptyJobPerRecord}: a one-task job, number sequence to a discarding sink,
 * per record: the loop, the source reader and the chain with no user work.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class MailboxBenchmark {
    static final int RECORDS = 10_000_000;

    private Mailbox mailbox;
    private long ran;

    @Setup
    public void setUp() {
        TaskWakeup wakeup = new TaskWakeup();
        wakeup.bindToCurrentThread();
        mailbox = new Mailbox(wakeup);
    }

    @Benchmark
    public boolean hasMail() {
        return mailbox.hasMail();
    }

    @Benchmark
    public long putAndRun() throws Exception {
        mailbox.put(() -> ran++);
        mailbox.runAll();
        return ran;
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public long emptyJobPerRecord() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.fromSequence(0, RECORDS - 1).sinkTo(new DiscardingSink<>());
        return env.execute("mailbox benchmark").getNetRuntime();
    }
}
