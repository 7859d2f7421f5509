package io.weir.bench.jmh;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a JVM's CPU time went, by thread: the nanoseconds each live thread of this process ran,
 * read from Linux's {@code /proc/self/task/<tid>/schedstat} (the scheduler's own count, in
 * nanoseconds, unlike {@code getProcessCpuTime}, which counts 10 ms clock ticks), grouped by the
 * thread's name with its digits dropped ({@code pool-3-thread-1} → {@code pool-#-thread-#}). It sees
 * the JVM's own threads too: GC workers, JIT compilers. A diagnostic for a benchmark's CPU figure;
 * {@link ProcessCpuTime} prints it per job when {@code -Dweir.bench.cpuByThread=true} is set.
 *
 * <p>Threads that ended between two snapshots are not in the later one: their time in the interval
 * shows only in the process's total ({@link #ENDED}).
 */
public final class ThreadCpu {
    /** The group of time that the process's total counts and no live thread does. */
    public static final String ENDED = "(ended threads)";
    private static final Path TASKS = Path.of("/proc/self/task");
    private static final String SLEEPS = "voluntary_ctxt_switches:";
    /** Whether {@link #jobStarts} and {@link #jobEnded} print each job's CPU by thread group. */
    static final boolean PRINT_PER_JOB = Boolean.getBoolean("weir.bench.cpuByThread");
    private static Map<Long, Sample> atJobStart;

    private ThreadCpu() {}

    /** Nanoseconds on a CPU so far by thread id, each with its name; empty where /proc is missing. */
    public static Map<Long, Sample> snapshot() {
        Map<Long, Sample> threads = new HashMap<>();
        if (!Files.isDirectory(TASKS)) {
            return threads;
        }
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                try {
                    String schedstat = Files.readString(task.resolve("schedstat"));
                    long nanos = Long.parseLong(schedstat.substring(0, schedstat.indexOf(' ')));
                    String name = Files.readString(task.resolve("comm")).strip();
                    threads.put(Long.parseLong(task.getFileName().toString()),
                            new Sample(name, nanos, sleeps(Files.readString(task.resolve("status")))));
                } catch (IOException ended) {
                    // the thread ended while we listed the others (Linux says ENOENT or ESRCH)
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + TASKS + ": " + e.getMessage(), e);
        }
        return threads;
    }

    /**
     * The CPU time between two snapshots by thread group (name without digits), largest first in
     * iteration order of a sorted map by name; {@code processNanos} is the process's CPU time over
     * the same interval, whose rest goes to {@link #ENDED}.
     */
    public static Map<String, Long> byGroup(Map<Long, Sample> before, Map<Long, Sample> after, long processNanos) {
        Map<String, Long> groups = new TreeMap<>();
        long live = 0;
        for (Map.Entry<Long, Sample> thread : after.entrySet()) {
            Sample earlier = before.get(thread.getKey());
            long nanos = thread.getValue().nanos() - (earlier == null ? 0 : earlier.nanos());
            live += nanos;
            groups.merge(group(thread.getValue()), nanos, Long::sum);
        }
        groups.put(ENDED, Math.max(0, processNanos - live));
        return groups;
    }

    /**
     * The nanoseconds the JVM's JIT compiler threads ({@code C1/C2 CompilerThread}) ran so far, as far
     * as they are alive (HotSpot ends idle compiler threads; their time is then no longer counted);
     * 0 where /proc is missing.
     */
    public static long compilerNanos() {
        long nanos = 0;
        for (Sample thread : snapshot().values()) {
            if (isCompiler(thread.name())) {
                nanos += thread.nanos();
            }
        }
        return nanos;
    }

    /** Whether a thread's (15-character) name is one of HotSpot's compiler threads'. */
    static boolean isCompiler(String name) {
        return name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre");
    }

    /** A job starts (on the benchmark's thread): remembers the threads' CPU time if printing is on. */
    public static void jobStarts() {
        if (PRINT_PER_JOB) {
            atJobStart = snapshot();
        }
    }

    /** The job that {@link #jobStarts} saw start ended after {@code processNanos} of process CPU time: prints where it went. */
    static void jobEnded(long processNanos, long records) {
        if (!PRINT_PER_JOB || atJobStart == null) {
            return;
        }
        Map<Long, Sample> now = snapshot();
        Map<String, Long> groups = byGroup(atJobStart, now, processNanos);
        Map<String, Long> sleeps = sleepsByGroup(atJobStart, now);
        atJobStart = null;
        StringBuilder line = new StringBuilder("cpu-by-thread ns/record:");
        groups.entrySet().stream()
                .filter(group -> group.getValue() * 100 >= processNanos) // 1 % or more
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .forEach(group -> line.append(String.format(" [%s] %.0f (%.1f sleeps/1000)", group.getKey(),
                        group.getValue() / (double) records, sleeps.getOrDefault(group.getKey(), 0L) * 1000.0 / records)));
        line.append(String.format(" | process %.0f", processNanos / (double) records));
        System.out.println(line);
    }

    /** The {@code voluntary_ctxt_switches} of a thread's {@code status}: how often it went to sleep (parked, waited). */
    private static long sleeps(String status) {
        int at = status.indexOf(SLEEPS);
        if (at < 0) {
            return 0;
        }
        int end = status.indexOf('\n', at);
        return Long.parseLong(status.substring(at + SLEEPS.length(), end < 0 ? status.length() : end).strip());
    }

    /** The times the threads of each group went to sleep between two snapshots (live threads only). */
    public static Map<String, Long> sleepsByGroup(Map<Long, Sample> before, Map<Long, Sample> after) {
        Map<String, Long> groups = new TreeMap<>();
        for (Map.Entry<Long, Sample> thread : after.entrySet()) {
            Sample earlier = before.get(thread.getKey());
            groups.merge(group(thread.getValue()), thread.getValue().sleeps() - (earlier == null ? 0 : earlier.sleeps()),
                    Long::sum);
        }
        return groups;
    }

    private static String group(Sample thread) {
        return thread.name().replaceAll("[0-9]+", "#");
    }

    /** One thread's name, its nanoseconds on a CPU so far and how often it went to sleep. */
    public record Sample(String name, long nanos, long sleeps) {}
}
