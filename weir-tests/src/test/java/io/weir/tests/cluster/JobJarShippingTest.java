package io.weir.tests.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * User code that exists only in a jar: the test compiles a job into a jar of its own, which no
 * process's classpath holds, and submits it with {@code weir run -m <JobManager> -c <jar>} from a
 * client process to a cluster of a JobManager and two TaskManagers, each a JVM of its own. The
 * client uploads the jar to the JobManager's blob service, the TaskManagers fetch it and run the
 * job's functions in a class loader of the job's own; when the job has ended, no process keeps a
 * copy of the jar.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class JobJarShippingTest {
    private static final String JOB_CLASS = "shipped.SquaresJob";

    private static final String JOB_SOURCE = """
            package shipped;

            import io.weir.api.environment.StreamExecutionEnvironment;
            import io.weir.api.functions.MapFunction;
            import io.weir.api.functions.sink.SinkFunction;
            import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
            import java.nio.file.Path;
            import java.nio.file.StandardOpenOption;

            public final class SquaresJob {
                public static void main(String[] args) throws Exception {
                    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
                    env.setParallelism(2);
                    env.fromSequence(1, 1000).map(new Square()).addSink(new LineSink(args[0]));
                    env.execute("squares from a shipped jar");
                }

                static final class Square implements MapFunction<Long, Long> {
                    @Override
                    public Long map(Long value) {
                        return value * value;
                    }
                }

                /** Appends "value,class loader" to a file per sink instance. */
                static final class LineSink implements SinkFunction<Long> {
                    private final String directory;
                    private final String file = java.util.UUID.randomUUID().toString();

                    LineSink(String directory) {
                        this.directory = directory;
                    }

                    @Override
                    public void invoke(Long value) throws Exception {
                        Files.writeString(Path.of(directory, file), value + "," + getClass().getClassLoader().getName()
                                + "\\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                    }
                }
            }
            """;

    @TempDir
    static Path dir;
    private static Path blobs;
    private static ClusterProcess jobManager;
    private static final List<ClusterProcess> taskManagers = new ArrayList<>();
    private static String jobManagerAddress;

    @BeforeAll
    static void startCluster() throws Exception {
        blobs = Files.createDirectories(dir.resolve("blobs"));
        jobManager = ClusterProcess.start("jobmanager", "io.weir.cluster.JobManagerProcess", dir,
                line -> line.startsWith("JobManager ready at "),
                "jobmanager.rpc.address=127.0.0.1", "jobmanager.rpc.port=0", "blob.storage.directory=" + blobs,
                "rest.port=0", "rest.address=127.0.0.1");
        String ready = jobManager.awaitReady(60);
        int port = Integer.parseInt(ready.substring(ready.lastIndexOf(':') + 1).trim());
        jobManagerAddress = "127.0.0.1:" + port;
        for (int i = 1; i <= 2; i++) {
            taskManagers.add(ClusterProcess.start("taskmanager-" + i, "io.weir.cluster.TaskManagerProcess", dir,
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
    void aJobWhoseClassesAreOnlyInItsJarRunsOnTheTaskManagersFromThatJar() throws Exception {
        Path jar = compileJobJar();
        assertThrows(ClassNotFoundException.class, () -> Class.forName(JOB_CLASS),
                "the job's classes must not be on the test's (and so the cluster's) classpath");
        Path out = Files.createDirectories(dir.resolve("out"));

        assertEquals(0, runClient("run", "-m", jobManagerAddress, "-c", jar.toString(), JOB_CLASS, out.toString()),
                "the client's log:\n" + Files.readString(dir.resolve("client-run.log")));

        List<String> lines = linesIn(out);
        assertEquals(1000, lines.size(), "every square written once");
        long sum = lines.stream().mapToLong(line -> Long.parseLong(line.split(",")[0])).sum();
        assertEquals(1000L * 1001 * 2001 / 6, sum, "the sum of the squares of 1..1000");
        Set<String> loaders = lines.stream().map(line -> line.split(",")[1]).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(1, loaders.size(), "one class loader for the job: " + loaders);
        assertTrue(loaders.iterator().next().startsWith("weir-job-"), "the job's own class loader: " + loaders);
        for (int i = 1; i <= 2; i++) {
            String log = Files.readString(dir.resolve("taskmanager-" + i + ".log"));
            assertTrue(log.contains("Loaded 1 jar(s) of job"), "taskmanager-" + i + " fetched the jar:\n" + log);
        }
        awaitNoJarCopies();
    }

    @Test
    void aJarUploadedToTheJobManagersRestApiRunsOnTheTaskManagers() throws Exception {
        Path jar = compileJobJar();
        Path out = Files.createDirectories(dir.resolve("out-rest"));
        String rest = restAddress();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

        String boundary = "weir-" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\"squares-job.jar\""
                + "\r\nContent-Type: application/java-archive\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> uploaded = http.send(HttpRequest.newBuilder(URI.create(rest + "/jars/upload"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, Files.readAllBytes(jar), tail)))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, uploaded.statusCode(), uploaded.body());
        String jarId = field(uploaded.body(), "filename");
        jarId = jarId.substring(jarId.lastIndexOf('/') + 1);

        String body = "{\"entryClass\": \"" + JOB_CLASS + "\", \"programArgsList\": [\"" + out + "\"]}";
        HttpResponse<String> run = http.send(HttpRequest.newBuilder(URI.create(rest + "/jars/" + jarId + "/run"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(90)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, run.statusCode(), run.body());
        String jobId = field(run.body(), "jobid");

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        String state;
        do {
            state = field(http.send(HttpRequest.newBuilder(URI.create(rest + "/jobs/" + jobId)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body(), "state");
            assertTrue(System.nanoTime() < deadline, "the job did not end within 90 s: " + state);
            TimeUnit.MILLISECONDS.sleep(20);
        } while (!List.of("FINISHED", "FAILED", "CANCELED").contains(state));
        assertEquals("FINISHED", state, "the job's end; the JobManager's log:\n"
                + Files.readString(dir.resolve("jobmanager.log")));
        List<String> lines = linesIn(out);
        assertEquals(1000, lines.size(), "every square written once");
        assertTrue(lines.stream().allMatch(line -> line.split(",")[1].startsWith("weir-job-")),
                "the TaskManagers ran the job's classes from the shipped jar");
    }

    /** A top-level string field of a JSON answer (the answers here are flat enough for a pattern). */
    private static String field(String json, String name) {
        Matcher value = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        assertTrue(value.find(), "no " + name + " in " + json);
        return value.group(1);
    }

    /** The REST address the JobManager logged when it started (it listens on a free port). */
    private static String restAddress() throws IOException {
        Matcher url = Pattern.compile("REST API of the cluster at (http://\\S+)")
                .matcher(Files.readString(dir.resolve("jobmanager.log")));
        assertTrue(url.find(), "the JobManager logs its REST address");
        return url.group(1);
    }

    private static List<String> linesIn(Path out) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(out)) {
            for (Path file : files.toList()) {
                lines.addAll(Files.readAllLines(file));
            }
        }
        return lines;
    }

    /** {@code weir run ...} in a JVM of its own with the test's classpath, which lacks the job's classes. */
    private static int runClient(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), "io.weir.cli.WeirCli"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("client-run.log").toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the client did not end within 120 s");
        }
        return process.exitValue();
    }

    /**
     * Each TaskManager deletes its copy when its last task of the job ends, before it reports the
     * end; the JobManager deletes the uploaded jar when the job's result is complete, which may be
     * just after the client has it: polls the files for that, up to a deadline.
     */
    private static void awaitNoJarCopies() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        List<Path> left;
        do {
            try (Stream<Path> files = Files.walk(blobs)) {
                left = files.filter(file -> file.toString().endsWith(".jar")).toList();
            }
            if (left.isEmpty()) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(10);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("jars left behind after the job ended: " + left);
    }

    private static synchronized Path compileJobJar() throws IOException {
        Path jar = dir.resolve("squares-job.jar");
        if (Files.exists(jar)) {
            return jar;
        }
        Path sources = Files.createDirectories(dir.resolve("src/shipped"));
        Files.writeString(sources.resolve("SquaresJob.java"), JOB_SOURCE);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        int result = compiler.run(null, null, null, "--release", "17", "-cp", System.getProperty("java.class.path"),
                "-d", classes.toString(), sources.resolve("SquaresJob.java").toString());
        assertEquals(0, result, "the job compiles");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
                Stream<Path> compiled = Files.walk(classes)) {
            for (Path clazz : compiled.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(clazz).toString().replace('\\', '/')));
                Files.copy(clazz, out);
                out.closeEntry();
            }
        }
        return jar;
    }
}
