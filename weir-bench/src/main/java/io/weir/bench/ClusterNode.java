package io.weir.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A JobManager or TaskManager JVM of a benchmark's cluster on loopback, started with this JVM's java
 * and class path: its log (stderr) goes to a file, its stdout is kept line by line for the benchmark
 * to read (readiness, and what the job's tasks print).
 *
 * <p>Threading: used from the benchmark's thread; a reader thread per process fills the lines.
 */
final class ClusterNode implements AutoCloseable {
    private static final long READY_SECONDS = 60;

    private final String name;
    private final Process process;
    private final Path logFile;
    private final Predicate<String> isReadyLine;
    private final List<String> lines = new ArrayList<>(); // guarded by itself
    /** When each line was read, {@link System#nanoTime}. */
    private final List<Long> readAt = new ArrayList<>(); // guarded by lines
    private boolean ended; // guarded by lines

    private ClusterNode(String name, Process process, Path logFile, Predicate<String> isReadyLine) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.isReadyLine = isReadyLine;
        Thread reader = new Thread(this::read, name + "-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code mainClass} with {@code -D} for each of {@code settings}; {@code isReadyLine} picks
     * the stdout line {@link #awaitReady} waits for.
     */
    static ClusterNode start(String name, String mainClass, Path logDir, String heap, Predicate<String> isReadyLine,
            String... settings) throws IOException {
        List<String> arguments = new ArrayList<>();
        for (String setting : settings) {
            arguments.add("-D" + setting);
        }
        return start(name, mainClass, logDir, heap, isReadyLine, arguments);
    }

    /** Starts any other program of the class path ({@code mainClass arguments...}), which prints no ready line. */
    static ClusterNode startProgram(String name, String mainClass, Path logDir, String heap, List<String> arguments)
            throws IOException {
        return start(name, mainClass, logDir, heap, line -> false, arguments);
    }

    private static ClusterNode start(String name, String mainClass, Path logDir, String heap,
            Predicate<String> isReadyLine, List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(arguments);
        Files.createDirectories(logDir);
        Path log = logDir.resolve(name + ".log");
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        return new ClusterNode(name, process, log, isReadyLine);
    }

    private void read() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                long now = System.nanoTime();
                synchronized (lines) {
                    lines.add(line);
                    readAt.add(now);
                    lines.notifyAll();
                }
            }
        } catch (IOException e) {
            // the process was killed; its output ends here
        }
        synchronized (lines) {
            ended = true;
            lines.notifyAll();
        }
    }

    /** Waits up to a minute for the ready line and returns it. */
    String awaitReady() throws Exception {
        return awaitLine(isReadyLine, READY_SECONDS);
    }

    /** Waits up to {@code seconds} for a line that {@code matches} and returns it. */
    String awaitLine(Predicate<String> matches, long seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        synchronized (lines) {
            while (true) {
                for (String line : lines) {
                    if (matches.test(line)) {
                        return line;
                    }
                }
                long left = deadline - System.nanoTime();
                if (ended || left <= 0) {
                    throw new IllegalStateException(name + (ended ? " ended" : " took longer than " + seconds
                            + " s") + " before it printed the line waited for; see its log " + logFile);
                }
                lines.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }

    /** When the first line that {@code matches} was read ({@link System#nanoTime}); it must have been. */
    long lineReadAt(Predicate<String> matches) {
        synchronized (lines) {
            for (int i = 0; i < lines.size(); i++) {
                if (matches.test(lines.get(i))) {
                    return readAt.get(i);
                }
            }
        }
        throw new IllegalStateException(name + " printed no such line");
    }

    String findLine(Predicate<String> matches) {
        synchronized (lines) {
            return lines.stream().filter(matches).findFirst().orElse(null);
        }
    }

    List<String> lines(Predicate<String> matches) {
        synchronized (lines) {
            return lines.stream().filter(matches).toList();
        }
    }

    void checkAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " ended with exit code " + process.exitValue() + "; see its log "
                    + logFile);
        }
    }

    /** The directory of the process's log. */
    Path logDir() {
        return logFile.getParent();
    }

    /** The CPU time the process used so far, in ms, or -1 where the platform does not say. */
    long cpuMillis() {
        return process.toHandle().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
    }

    /** {@code kill -9}. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
