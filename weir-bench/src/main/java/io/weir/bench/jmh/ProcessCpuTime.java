package io.weir.bench.jmh;

import java.lang.management.ManagementFactory;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The CPU time the whole JVM spent on the jobs of an iteration, the part of it its JIT compiler
 * threads took, and the jobs' records: JMH reports all three next to the wall time, and
 * {@code (cpuNanos - jitNanos) / records} is the CPU cost per record of the running code. On a
 * machine shared with other work the wall time favours a job that runs more threads (each gets its
 * share of the CPUs); the CPU time does not.
 *
 * <p>The JIT share is kept apart because it is not a cost per record: after JMH's short warm-ups
 * ({@code -w 1}) the compiler threads still work in the measured iterations, at times more than
 * the job itself (async wait UNORDERED, 2026-12-05: 434 and 267 ns/record of C2 in the first two
 * measured iterations, 20 in the third), which made the same build's figure swing between runs.
 * The process's CPU time counts 10 ms clock ticks (Linux {@code times}); the JIT share is read in
 * nanoseconds from /proc ({@link ThreadCpu}).
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class ProcessCpuTime {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    public long cpuNanos;
    public long jitNanos;
    public long records;
    private long cpuAtStart;
    private long jitAtStart;

    @Setup(Level.Iteration)
    public void reset() {
        cpuNanos = 0;
        jitNanos = 0;
        records = 0;
    }

    /** A job starts (returns nothing: JMH reports every public method that returns a number as a counter). */
    public void jobStarts() {
        ThreadCpu.jobStarts();
        jitAtStart = ThreadCpu.compilerNanos();
        cpuAtStart = OS.getProcessCpuTime();
    }

    /** Adds the job that began at {@link #jobStarts} and processed {@code jobRecords} records. */
    public void jobEnded(long jobRecords) {
        long job = OS.getProcessCpuTime() - cpuAtStart;
        cpuNanos += job;
        jitNanos += ThreadCpu.compilerNanos() - jitAtStart;
        records += jobRecords;
        ThreadCpu.jobEnded(job, jobRecords);
    }
}
