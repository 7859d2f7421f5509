package anchor.suite;

import java.lang.management.ManagementFactory;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The twin of Weir's {@code io.weir.bench.jmh.ProcessCpuTime}: the CPU time the whole JVM spent on
 * the jobs of an iteration, and their records, reported by JMH as the secondary results
 * {@code cpuNanos} and {@code records} next to the wall time; {@code cpuNanos / records} is the CPU
 * cost per record that {@code bin/weir bench compare-suite} compares.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class ProcessCpuTime {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    public long cpuNanos;
    public long records;

    @Setup(Level.Iteration)
    public void reset() {
        cpuNanos = 0;
        records = 0;
    }

    /** The JVM's CPU time so far, in nanoseconds (not public: JMH would report a public method as a counter). */
    static long now() {
        return OS.getProcessCpuTime();
    }

    /** Adds a job that began at CPU time {@code start} and processed {@code jobRecords} records. */
    void add(long start, long jobRecords) {
        cpuNanos += now() - start;
        records += jobRecords;
    }
}
