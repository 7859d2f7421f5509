package io.weir.tests.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A JobManager or TaskManager in a JVM of its own, started with this JVM's classpath (so the tests'
 * job classes are on the cluster's classpath). Its log (stderr) goes to a file; its stdout is read
 * for the line that says it is ready.
 */
final class ClusterProcess implements AutoCloseable {
    private final Process process;
    private final CompletableFuture<String> readyLine = new CompletableFuture<>();
    private final String name;
    /** Every line of stdout so far, for {@link #awaitLine}; guarded by itself. */
    private final List<String> lines = new ArrayList<>();
    private boolean ended;

    private ClusterProcess(String name, Process process, Predicate<String> isReadyLine) {
        this.name = name;
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (isReadyLine.test(line)) {
                        readyLine.complete(line);
                    }
                    synchronized (lines) {
                        lines.add(line);
                        lines.notifyAll();
                    }
                }
            } catch (IOException e) {
                readyLine.completeExceptionally(e);
            }
            synchronized (lines) {
                ended = true;
                lines.notifyAll();
            }
            readyLine.completeExceptionally(new IllegalStateException(name + " ended before it was ready; see its log"));
        }, name + "-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code mainClass} with {@code -D} settings; its log goes to {@code logDir/<name>.log}. */
    static ClusterProcess start(String name, String mainClass, Path logDir, Predicate<String> isReadyLine,
            String... settings) throws IOException {
        return start(name, mainClass, logDir, List.of(), isReadyLine, settings);
    }

    /** As {@link #start(String, String, Path, Predicate, String...)}, with more options for the JVM. */
    static ClusterProcess start(String name, String mainClass, Path logDir, List<String> jvmOptions,
            Predicate<String> isReadyLine, String... settings) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        for (String setting : settings) {
            command.add("-D" + setting);
        }
        Process process = new ProcessBuilder(command)
                .redirectError(logDir.resolve(name + ".log").toFile())
                .start();
        return new ClusterProcess(name, process, isReadyLine);
    }

    /**
     * Starts a JobManager on loopback, its RPC on a free port, with these further {@code -D} settings;
     * {@link #awaitJobManagerPort} waits until it is ready.
     */
    static ClusterProcess startJobManager(Path logDir, String... settings) throws IOException {
        List<String> all = new ArrayList<>(List.of("jobmanager.rpc.address=127.0.0.1", "jobmanager.rpc.port=0"));
        all.addAll(List.of(settings));
        return start("jobmanager", "io.weir.cluster.JobManagerProcess", logDir,
                line -> line.startsWith("JobManager ready at "), all.toArray(String[]::new));
    }

    /** The RPC port of a JobManager started by {@link #startJobManager}, once it is ready. */
    int awaitJobManagerPort(long seconds) throws Exception {
        String ready = awaitReady(seconds);
        return Integer.parseInt(ready.substring(ready.lastIndexOf(':') + 1).trim());
    }

    /**
     * Starts a TaskManager on loopback with {@code slots} slots and heartbeats every 100 ms, which
     * registers at the JobManager on {@code jobManagerPort}; {@link #awaitReady} waits for that.
     */
    static ClusterProcess startTaskManager(String name, Path logDir, int jobManagerPort, int slots) throws IOException {
        return start(name, "io.weir.cluster.TaskManagerProcess", logDir,
                line -> line.startsWith("TaskManager ") && line.endsWith(" registered"),
                "jobmanager.rpc.address=127.0.0.1", "jobmanager.rpc.port=" + jobManagerPort,
                "taskmanager.host=127.0.0.1", "taskmanager.numberOfTaskSlots=" + slots, "heartbeat.interval=100 ms");
    }

    /** The line that said the process is ready; fails if it ends first or takes longer than {@code seconds}. */
    String awaitReady(long seconds) throws Exception {
        return readyLine.get(seconds, TimeUnit.SECONDS);
    }

    /** The first line of stdout that matches; fails if the process ends first or it takes longer than {@code seconds}. */
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
                    throw new java.util.concurrent.TimeoutException(name + (ended ? " ended" : " took longer than "
                            + seconds + " s") + " before it printed the line awaited; see its log");
                }
                lines.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }

    /** The exit code once the process ended by itself; fails if it takes longer than {@code seconds}. */
    int awaitExit(long seconds) throws Exception {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new java.util.concurrent.TimeoutException(name + " did not end within " + seconds + " s");
        }
        return process.exitValue();
    }

    /** SIGTERM, then the exit code once the process ended; fails if it takes longer than {@code seconds}. */
    int terminate(long seconds) throws Exception {
        process.destroy();
        return awaitExit(seconds);
    }

    /** The operating system's id of the process (for {@code jcmd}, {@code kill -STOP}). */
    long pid() {
        return process.pid();
    }

    /** {@code kill -9}: the process gets no chance to say goodbye. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy(); // SIGTERM: the graceful shutdown
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
