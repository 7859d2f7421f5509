package io.weir.tests.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.common.serialization.SimpleStringEncoder;
import io.weir.api.configuration.Configuration;
import io.weir.api.connector.datagen.DataGeneratorSource;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.types.Types;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import io.weir.cluster.RemoteExecutor;
import io.weir.connector.file.sink.FileSink;
import io.weir.connector.file.sink.bucketassigners.BasePathBucketAssigner;
import io.weir.testutils.SelfSignedKeyStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster of processes on loopback with TLS everywhere: a JobManager and two TaskManagers, each its
 * own JVM, with {@code security.ssl.internal.*} (RPC and data plane, mutual authentication) and
 * {@code security.ssl.rest.*} (HTTPS REST API), using a self-signed certificate that keytool makes
 * for the test. A keyed, windowed job runs across both TaskManagers and writes what a local run
 * writes; {@code weir list} works over HTTPS with the trust store in its config.yaml; plain HTTP, a
 * client without TLS, and a TaskManager with a wrong key store password are refused.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class TlsClusterTest {
    private static final String PASSWORD = "cluster-secret";
    private static final long RECORDS = 4_000;

    @TempDir
    static Path dir;
    private static Path keystore;
    private static ClusterProcess jobManager;
    private static final List<ClusterProcess> taskManagers = new ArrayList<>();
    private static InetSocketAddress jobManagerAddress;
    /** {@code https://127.0.0.1:<port>}, as the JobManager logged it. */
    private static String restUrl;

    /** The TLS settings every process and client of the cluster shares. */
    private static Map<String, String> tlsSettings() {
        return Map.of("security.ssl.internal.enabled", "true",
                "security.ssl.internal.keystore", keystore.toString(),
                "security.ssl.internal.keystore-password", PASSWORD,
                "security.ssl.internal.truststore", keystore.toString(),
                "security.ssl.internal.truststore-password", PASSWORD,
                "security.ssl.rest.enabled", "true",
                "security.ssl.rest.keystore", keystore.toString(),
                "security.ssl.rest.keystore-password", PASSWORD,
                "security.ssl.rest.truststore", keystore.toString(),
                "security.ssl.rest.truststore-password", PASSWORD);
    }

    private static String[] withTls(String... settings) {
        List<String> all = new ArrayList<>(List.of(settings));
        tlsSettings().forEach((key, value) -> all.add(key + "=" + value));
        return all.toArray(String[]::new);
    }

    @BeforeAll
    static void startCluster() throws Exception {
        keystore = SelfSignedKeyStore.create(dir.resolve("cluster.p12"), PASSWORD, "weir-cluster");
        jobManager = ClusterProcess.start("jobmanager", "io.weir.cluster.JobManagerProcess", dir,
                line -> line.startsWith("JobManager ready at "), withTls("jobmanager.rpc.address=127.0.0.1",
                        "jobmanager.rpc.port=0", "rest.port=0", "rest.address=127.0.0.1", "rest.bind-address=127.0.0.1"));
        String ready = jobManager.awaitReady(60);
        int port = Integer.parseInt(ready.substring(ready.lastIndexOf(':') + 1).trim());
        jobManagerAddress = new InetSocketAddress("127.0.0.1", port);
        for (int i = 1; i <= 2; i++) {
            taskManagers.add(startTaskManager("taskmanager-" + i, port, withTls()));
        }
        for (ClusterProcess taskManager : taskManagers) {
            taskManager.awaitReady(60);
        }
        Matcher url = Pattern.compile("REST API of the cluster at (\\S+)").matcher(Files.readString(dir.resolve("jobmanager.log")));
        assertTrue(url.find(), "the JobManager logs its REST address");
        restUrl = url.group(1);
    }

    private static ClusterProcess startTaskManager(String name, int jobManagerPort, String... extra) throws IOException {
        List<String> settings = new ArrayList<>(List.of("jobmanager.rpc.address=127.0.0.1",
                "jobmanager.rpc.port=" + jobManagerPort, "taskmanager.host=127.0.0.1", "taskmanager.numberOfTaskSlots=1",
                "heartbeat.interval=500 ms"));
        settings.addAll(List.of(extra));
        return ClusterProcess.start(name, "io.weir.cluster.TaskManagerProcess", dir,
                line -> line.startsWith("TaskManager ") && line.endsWith(" registered"), settings.toArray(String[]::new));
    }

    @AfterAll
    static void stopCluster() throws Exception {
        for (ClusterProcess process : taskManagers) {
            process.close();
        }
        if (jobManager != null) {
            jobManager.close();
        }
    }

    @Test
    void aJobAcrossTwoTaskManagersOverTlsWritesWhatALocalRunWrites() throws Exception {
        Path local = dir.resolve("local");
        StreamExecutionEnvironment localEnv = StreamExecutionEnvironment.getExecutionEnvironment(new Configuration());
        defineJob(localEnv, local);
        localEnv.execute("windows, local");
        List<String> expected = committedLines(local);
        assertEquals(RECORDS, expected.stream().mapToLong(line -> Long.parseLong(line.split(",")[3])).sum());

        // parallelism 2 on two TaskManagers of one slot each: each runs a subtask, and the keyBy crosses between them
        Path remote = Files.createDirectories(dir.resolve("remote"));
        Configuration client = new Configuration();
        tlsSettings().forEach(client::setString);
        try (RemoteExecutor executor = new RemoteExecutor(jobManagerAddress, client)) {
            StreamExecutionEnvironment env = new StreamExecutionEnvironment(executor, new Configuration());
            defineJob(env, remote);
            try {
                env.executeAsync("windows over TLS").getJobExecutionResult().get(240, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("the job did not end within 240 s; the processes' logs:\n" + logs(), e);
            }
        }
        assertEquals(expected, committedLines(remote));
        String out = weir(true, "list", "-m", restUrl.substring("https://".length()));
        assertTrue(out.contains(": windows over TLS (FINISHED)"), out);
    }

    @Test
    void plainHttpIsRefused() throws Exception {
        assertTrue(restUrl.startsWith("https://"), restUrl);
        String plain = "http://" + restUrl.substring("https://".length());
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        assertThrows(IOException.class, () -> http.send(HttpRequest.newBuilder(URI.create(plain + "/overview"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()));
        String out = weir(false, "list", "-m", restUrl.substring("https://".length()));
        assertTrue(out.contains("security.ssl.rest.enabled"), "the CLI without TLS settings says what to set:\n" + out);
    }

    @Test
    void aClientWithoutTlsIsRefusedAndTheJobManagerLogsWhoAndWhy() throws Exception {
        try (RemoteExecutor plaintext = new RemoteExecutor(jobManagerAddress, new Configuration())) {
            StreamExecutionEnvironment env = new StreamExecutionEnvironment(plaintext, new Configuration());
            defineJob(env, dir.resolve("never"));
            assertThrows(Exception.class, () -> env.executeAsync("without TLS").getJobExecutionResult()
                    .get(60, TimeUnit.SECONDS));
        } catch (IllegalStateException refusedAtConnect) {
            // refused while connecting: equally right
        }
        assertFalse(Files.exists(dir.resolve("never")) && Files.list(dir.resolve("never")).findAny().isPresent());
        String log = Files.readString(dir.resolve("jobmanager.log"));
        assertTrue(log.contains("Refused a control-plane connection from /127.0.0.1:")
                && log.contains("the peer does not speak TLS"), log);
    }

    @Test
    void aTaskManagerWithAWrongKeyStorePasswordStopsWithAClearMessage() throws Exception {
        List<String> settings = new ArrayList<>(List.of(withTls()));
        settings.removeIf(s -> s.startsWith("security.ssl.internal.keystore-password="));
        settings.add("security.ssl.internal.keystore-password=wrong");
        ClusterProcess wrong = startTaskManager("taskmanager-wrong-password", jobManagerAddress.getPort(),
                settings.toArray(String[]::new));
        try {
            assertEquals(1, wrong.awaitExit(60));
        } finally {
            wrong.close();
        }
        String log = Files.readString(dir.resolve("taskmanager-wrong-password.log"));
        assertTrue(log.contains("The TaskManager could not start: Cannot open " + keystore.toAbsolutePath()
                + " (security.ssl.internal.keystore): wrong security.ssl.internal.keystore-password."), log);
        assertFalse(log.contains("\tat "), "no stack trace:\n" + log);
    }

    /** {@code bin/weir ...} in a JVM of its own, with the REST TLS settings in its config.yaml or none; its output. */
    private static String weir(boolean tls, String... args) throws Exception {
        Path conf = Files.createDirectories(dir.resolve(tls ? "client-conf-tls" : "client-conf-plain"));
        StringBuilder yaml = new StringBuilder();
        if (tls) {
            tlsSettings().forEach((key, value) -> {
                if (key.startsWith("security.ssl.rest.")) {
                    yaml.append(key).append(": ").append(value).append('\n');
                }
            });
        }
        Files.writeString(conf.resolve("config.yaml"), yaml);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-cp", System.getProperty("java.class.path"), "io.weir.cli.WeirCli"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("WEIR_CONF_DIR", conf.toString());
        Process process = builder.start();
        CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("bin/weir " + String.join(" ", args) + " did not end within 60 s");
        }
        String output = read.get(10, TimeUnit.SECONDS);
        assertEquals(tls ? 0 : 2, process.exitValue(), output);
        return output;
    }

    private static void defineJob(StreamExecutionEnvironment env, Path out) {
        env.setParallelism(2);
        env.enableCheckpointing(100);
        env.fromSource(new DataGeneratorSource<>(i -> i, RECORDS, Types.LONG),
                        WatermarkStrategy.<Long>forBoundedOutOfOrderness(Duration.ofMillis(100))
                                .withTimestampAssigner((value, ts) -> value * 10), "numbers")
                .keyBy(v -> v % 5)
                .window(TumblingEventTimeWindows.of(Duration.ofSeconds(1)))
                .process(new TaskManagerKillTest.CountWindow()).returns(Types.STRING)
                .sinkTo(FileSink.forRowFormat(out, new SimpleStringEncoder<String>())
                        .withBucketAssigner(new BasePathBucketAssigner<>()).build());
    }

    private static String logs() throws IOException {
        StringBuilder logs = new StringBuilder();
        for (String name : List.of("jobmanager", "taskmanager-1", "taskmanager-2")) {
            logs.append("--- ").append(name).append('\n').append(Files.readString(dir.resolve(name + ".log")));
        }
        return logs.toString();
    }

    /** The lines of the visible (committed) part files, sorted. */
    private static List<String> committedLines(Path out) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (!file.getFileName().toString().startsWith(".")) {
                    lines.addAll(Files.readAllLines(file));
                }
            }
        }
        Collections.sort(lines);
        return lines;
    }
}
