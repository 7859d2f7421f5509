package anchor.suite;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The twin of Weir's {@code io.weir.bench.jmh.ProcessCpuTime}: the CPU time the whole JVM spent on
 * the jobs of an iteration, the part of it its JIT compiler threads took, and the jobs' records,
 * reported by JMH as the secondary results {@code cpuNanos}, {@code jitNanos} and {@code records}
 * next to the wall time; {@code (cpuNanos - jitNanos) / records} is the CPU cost per record that
 * {@code bin/weir bench compare-suite} compares. The compiler threads' time is read in nanoseconds
 * from Linux's {@code /proc/self/task/<tid>/schedstat} (0 where /proc is missing).
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class ProcessCpuTime {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final Path TASKS = Path.of("/proc/self/task");

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
        jitAtStart = compilerNanos();
        cpuAtStart = OS.getProcessCpuTime();
    }

    /** Adds the job that began at {@link #jobStarts} and processed {@code jobRecords} records. */
    public void jobEnded(long jobRecords) {
        cpuNanos += OS.getProcessCpuTime() - cpuAtStart;
        jitNanos += compilerNanos() - jitAtStart;
        records += jobRecords;
    }

    /** The nanoseconds HotSpot's live C1/C2 compiler threads ran so far. */
    private static long compilerNanos() {
        if (!Files.isDirectory(TASKS)) {
            return 0;
        }
        long nanos = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                try {
                    String name = Files.readString(task.resolve("comm"));
                    if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                        String schedstat = Files.readString(task.resolve("schedstat"));
                        nanos += Long.parseLong(schedstat.substring(0, schedstat.indexOf(' ')));
                    }
                } catch (IOException ended) {
                    // the thread ended while we listed the others (Linux says ENOENT or ESRCH)
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + TASKS + ": " + e.getMessage(), e);
        }
        return nanos;
    }
}
