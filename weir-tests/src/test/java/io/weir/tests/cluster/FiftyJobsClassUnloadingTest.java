package io.weir.tests.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.configuration.Configuration;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.cluster.RemoteExecutor;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * One class loader per job, and no metaspace leak: 50 jobs from a job jar that no process has on its
 * classpath run one after the other on a JobManager and two TaskManagers (each a JVM of its own),
 * and once they have ended no process keeps a job's class loader, and the number of classes a
 * process holds is back where it was after the first jobs.
 *
 * <p>The processes are asked with {@code jcmd} (the JDK's own diagnostic command, attached to the
 * process): {@code GC.class_histogram} runs a full collection and counts the live
 * {@code ChildFirstClassLoader}s, {@code PerfCounter.print} gives the classes loaded and unloaded.
 * The cluster's JVMs run with {@code -XX:SoftRefLRUPolicyMSPerMB=0}: the JDK's serialization keeps a
 * softly referenced descriptor of every class it read (JDK 17's {@code ObjectStreamClass} cache),
 * which the JVM clears only under memory pressure (at the latest before metaspace runs out); the
 * option makes every full collection clear it, so a loader that is still there is held by something
 * stronger: a leak.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class FiftyJobsClassUnloadingTest {
    private static final int JOBS = 50;
    private static final int WARM_UP_JOBS = 5;
    private static final String JOB_CLASS = "shipped.TotalsJob";
    private static final String LOADER_CLASS = "io.weir.cluster.ChildFirstClassLoader";

    private static final String JOB_SOURCE = """
            package shipped;

            import io.weir.api.environment.StreamExecutionEnvironment;
            import io.weir.api.functions.KeySelector;
            import io.weir.api.functions.MapFunction;
            import io.weir.api.functions.ReduceFunction;
            import io.weir.api.functions.sink.DiscardingSink;

            /** Keyed running totals of a POJO of the job's own, across both TaskManagers. */
            public final class TotalsJob {
                public static void define(StreamExecutionEnvironment env) {
                    env.setParallelism(2);
                    env.fromSequence(1, 2_000).map(new ToTotal()).keyBy(new ByKey()).reduce(new Add())
                            .addSink(new DiscardingSink<>());
                }

                public static final class Total {
                    public long key;
                    public long sum;

                    public Total() {}
                }

                static final class ToTotal implements MapFunction<Long, Total> {
                    @Override
                    public Total map(Long value) {
                        Total total = new Total();
                        total.key = value % 13;
                        total.sum = value;
                        return total;
                    }
                }

                static final class ByKey implements KeySelector<Total, Long> {
                    @Override
                    public Long getKey(Total total) {
                        return total.key;
                    }
                }

                static final class Add implements ReduceFunction<Total> {
                    @Override
                    public Total reduce(Total a, Total b) {
                        a.sum += b.sum;
                        return a;
                    }
                }
            }
            """;

    @TempDir
    static Path dir;
    private static ClusterProcess jobManager;
    private static final List<ClusterProcess> taskManagers = new ArrayList<>();
    private static InetSocketAddress jobManagerAddress;

    @BeforeAll
    static void startCluster() throws Exception {
        List<String> jvm = List.of("-XX:SoftRefLRUPolicyMSPerMB=0");
        Path blobs = Files.createDirectories(dir.resolve("blobs"));
        jobManager = ClusterProcess.start("jobmanager", "io.weir.cluster.JobManagerProcess", dir, jvm,
                line -> line.startsWith("JobManager ready at "),
                "jobmanager.rpc.address=127.0.0.1", "jobmanager.rpc.port=0", "blob.storage.directory=" + blobs);
        String ready = jobManager.awaitReady(60);
        int port = Integer.parseInt(ready.substring(ready.lastIndexOf(':') + 1).trim());
        jobManagerAddress = new InetSocketAddress("127.0.0.1", port);
        for (int i = 1; i <= 2; i++) {
            taskManagers.add(ClusterProcess.start("taskmanager-" + i, "io.weir.cluster.TaskManagerProcess", dir, jvm,
                    line -> line.startsWith("TaskManager ") && line.endsWith(" registered"),
                    "jobmanager.rpc.address=127.0.0.1", "jobmanager.rpc.port=" + port, "taskmanager.host=127.0.0.1",
                    "taskmanager.numberOfTaskSlots=1", "blob.storage.directory=" + blobs));
        }
        for (ClusterProcess taskManager : taskManagers) {
            taskManager.awaitReady(60);
        }
    }

    @AfterAll
    static void stopCluster() throws Exception {
        for (ClusterProcess taskManager : taskManagers) {
            taskManager.close();
        }
        if (jobManager != null) {
            jobManager.close();
        }
    }

    @Test
    void fiftyJobsLeaveNoClassLoaderAndNoClassesBehind() throws Exception {
        Path jar = TestJobJar.compile(dir, JOB_CLASS, JOB_SOURCE, dir.resolve("totals-job.jar"));
        List<ClusterProcess> processes = new ArrayList<>(taskManagers);
        processes.add(0, jobManager);

        for (int i = 0; i < WARM_UP_JOBS; i++) {
            runJob(jar, i);
        }
        assertNoJobClassLoaderLeft(processes);
        Map<ClusterProcess, Long> classesAfterWarmUp = new LinkedHashMap<>();
        for (ClusterProcess process : processes) {
            classesAfterWarmUp.put(process, liveClasses(process));
        }
        for (int i = WARM_UP_JOBS; i < JOBS; i++) {
            runJob(jar, i);
        }
        assertNoJobClassLoaderLeft(processes);
        for (ClusterProcess process : processes) {
            long grown = liveClasses(process) - classesAfterWarmUp.get(process);
            // each job loads its 5 classes (and their serialization accessors) in every process it reaches:
            // a leak of every job's loader would add at least 5 * 45 classes
            assertTrue(grown < JOBS - WARM_UP_JOBS, process + " holds " + grown + " more classes after "
                    + (JOBS - WARM_UP_JOBS) + " more jobs than after the first " + WARM_UP_JOBS);
        }
    }

    private static void assertNoJobClassLoaderLeft(List<ClusterProcess> processes) throws Exception {
        List<String> leaks = new ArrayList<>();
        for (ClusterProcess process : processes) {
            long loaders = awaitNoJobClassLoader(process);
            if (loaders > 0) {
                leaks.add(process + " still holds " + loaders + " job class loader(s)");
            }
        }
        assertTrue(leaks.isEmpty(), leaks + " 60 s after the last job ended: a leak (`jcmd <pid> GC.heap_dump`"
                + " shows what holds them)");
    }

    /** Runs one job from the jar as a client would: main's class loader over the jar, on top of the test's. */
    private static void runJob(Path jar, int number) throws Exception {
        try (URLClassLoader loader = new URLClassLoader("client-job-" + number, new URL[] {jar.toUri().toURL()},
                FiftyJobsClassUnloadingTest.class.getClassLoader()); RemoteExecutor executor = new RemoteExecutor(
                jobManagerAddress)) {
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try {
                StreamExecutionEnvironment env = new StreamExecutionEnvironment(executor, new Configuration());
                Method define = Class.forName(JOB_CLASS, true, loader).getMethod("define",
                        StreamExecutionEnvironment.class);
                define.invoke(null, env);
                env.executeAsync("totals " + number).getJobExecutionResult().get(60, TimeUnit.SECONDS);
            } finally {
                thread.setContextClassLoader(previous);
            }
        }
    }

    /**
     * Waits until a full collection leaves no job class loader in the process, and returns how many
     * are left after 60 s: a process releases a
     * job's code when the job's last task there ended, which may come just after the client heard of
     * the job's end. Each look is a full collection in the process, so it polls every 200 ms.
     */
    private static long awaitNoJobClassLoader(ClusterProcess process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        long loaders;
        while ((loaders = liveInstances(process, LOADER_CLASS)) > 0 && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(200);
        }
        return loaders;
    }

    /** Live instances of a class after a full collection ({@code jcmd GC.class_histogram} collects first). */
    private static long liveInstances(ClusterProcess process, String className) throws Exception {
        Matcher row = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+\\d+\\s+" + Pattern.quote(className) + "(\\s|$)",
                Pattern.MULTILINE).matcher(jcmd(process, "GC.class_histogram"));
        return row.find() ? Long.parseLong(row.group(1)) : 0;
    }

    /** Classes loaded minus classes unloaded: what the process holds now. */
    private static long liveClasses(ClusterProcess process) throws Exception {
        String counters = jcmd(process, "PerfCounter.print");
        return counter(counters, "java.cls.loadedClasses") - counter(counters, "java.cls.unloadedClasses");
    }

    private static long counter(String counters, String name) {
        Matcher value = Pattern.compile("^" + Pattern.quote(name) + "=(\\d+)", Pattern.MULTILINE).matcher(counters);
        assertTrue(value.find(), "jcmd printed no " + name + ":\n" + counters);
        return Long.parseLong(value.group(1));
    }

    private static String jcmd(ClusterProcess process, String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(process.pid()), command).redirectErrorStream(true).start();
        byte[] out = jcmd.getInputStream().readAllBytes();
        assertTrue(jcmd.waitFor(60, TimeUnit.SECONDS), "jcmd " + command + " did not end within 60 s");
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, jcmd.exitValue(), "jcmd " + command + " on " + process + ":\n" + text);
        return text;
    }
}
