package io.weir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.sink.DiscardingSink;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code weir info}: the plan of a program's job, printed without running the job; clear errors for bad input. */
class InfoCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int weir(String... args) {
        CommandLine cli = WeirCli.commandLine(null);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    /** Counts the records its map saw: a planned job must see none. */
    static final AtomicLong MAPPED = new AtomicLong();
    static volatile boolean afterExecute;

    /** Source, a map, a keyed reduce, a sink; the sink's parallelism is its own. */
    public static final class PlannedJob {
        public static void main(String[] args) throws Exception {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            env.fromSequence(1, Long.parseLong(args[0])).name("numbers")
                    .map(x -> MAPPED.incrementAndGet() * 0 + x).name("identity")
                    .keyBy(x -> x % 3)
                    .reduce(Long::sum).name("sums")
                    .addSink(new DiscardingSink<>()).name("sink").setParallelism(1);
            try {
                env.execute("planned");
            } catch (Exception caught) {
                // a program that catches failures of execute() still stops there
            }
            afterExecute = true;
        }
    }

    public static final class NoJob {
        public static void main(String[] args) {}
    }

    @Test
    void infoPrintsTheVerticesParallelismAndEdgesOfTheJobWithoutRunningIt() throws IOException {
        assertEquals(0, weir("info", "-p", "3", PlannedJob.class.getName(), "1000"), err.toString());
        assertEquals(0, MAPPED.get(), "the job did not run");
        assertTrue(!afterExecute, "the program stopped at execute()");

        JsonNode plan = new ObjectMapper().readTree(out.toString()).get("plan");
        assertEquals("planned", plan.get("name").asText());
        List<String> descriptions = new ArrayList<>();
        List<Integer> parallelism = new ArrayList<>();
        List<String> strategies = new ArrayList<>();
        for (JsonNode node : plan.get("nodes")) {
            descriptions.add(node.get("description").asText());
            parallelism.add(node.get("parallelism").asInt());
            if (node.has("inputs")) {
                for (JsonNode input : node.get("inputs")) {
                    strategies.add(input.get("ship_strategy").asText());
                }
            }
        }
        assertEquals(List.of("numbers -> identity", "sums", "sink"), descriptions, out.toString());
        assertEquals(List.of(3, 3, 1), parallelism);
        assertEquals(List.of("HASH", "REBALANCE"), strategies);
    }

    @Test
    void aJarWhoseManifestNamesTheMainClassCanStandForTheClass(@TempDir Path dir) throws IOException {
        Path jar = compiledJar(dir, true);
        assertEquals(0, weir("info", jar.toString()), err.toString());
        JsonNode plan = new ObjectMapper().readTree(out.toString()).get("plan");
        assertEquals("from a jar", plan.get("name").asText());
        assertEquals(2, plan.get("nodes").size(), out.toString());
    }

    @Test
    void aJarWithoutMainClassInItsManifestSaysHowToNameTheClass(@TempDir Path dir) throws IOException {
        Path jar = compiledJar(dir, false);
        assertEquals(WeirCli.USER_ERROR, weir("info", jar.toString()));
        assertTrue(err.toString().contains("names no Main-Class in its manifest")
                && err.toString().contains("bin/weir info -c " + jar + " <main-class>"), err.toString());
        assertEquals(0, weir("info", "-c", jar.toString(), "demo.FromJar"), err.toString());
    }

    @Test
    void aCorruptOrMissingJarIsAOneLineUserError(@TempDir Path dir) throws IOException {
        Path corrupt = Files.writeString(dir.resolve("broken.jar"), "not a zip");
        assertEquals(WeirCli.USER_ERROR, weir("info", corrupt.toString()));
        assertTrue(err.toString().contains("'" + corrupt + "' is not a readable jar"), err.toString());
        assertEquals(1, err.toString().lines().count(), err.toString());

        err.getBuffer().setLength(0);
        assertEquals(WeirCli.USER_ERROR, weir("info", "-c", dir.resolve("missing.jar").toString(), "demo.FromJar"));
        assertTrue(err.toString().contains("missing.jar' does not exist"), err.toString());
    }

    @Test
    void anUnknownMainClassOrAProgramWithoutJobSaysWhatToCheck() {
        assertEquals(WeirCli.USER_ERROR, weir("info", "com.example.Nope"));
        assertTrue(err.toString().contains("'com.example.Nope' was not found") && err.toString().contains("-c <jar>"),
                err.toString());
        err.getBuffer().setLength(0);
        assertEquals(WeirCli.USER_ERROR, weir("info", NoJob.class.getName()));
        assertTrue(err.toString().contains("returned without executing a job"), err.toString());
        err.getBuffer().setLength(0);
        assertEquals(WeirCli.USER_ERROR, weir("info", PlannedJob.class.getName(), "many"));
        assertTrue(err.toString().contains("invalid arguments for " + PlannedJob.class.getName()), err.toString());
    }

    /** A jar holding demo.FromJar, a two-vertex job; with {@code Main-Class: demo.FromJar} if asked. */
    private static Path compiledJar(Path dir, boolean withMainClass) throws IOException {
        Path source = dir.resolve("src/demo/FromJar.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, """
                package demo;
                public class FromJar {
                    public static void main(String[] args) throws Exception {
                        var env = io.weir.api.environment.StreamExecutionEnvironment.getExecutionEnvironment();
                        env.fromSequence(1, 10).rebalance().addSink(new io.weir.api.functions.sink.DiscardingSink<>());
                        env.execute("from a jar");
                    }
                }
                """);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "-cp", System.getProperty("java.class.path"), "-d",
                classes.toString(), source.toString()));
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (withMainClass) {
            manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "demo.FromJar");
        }
        Path jar = dir.resolve("from-jar.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream entries = new JarOutputStream(file, manifest);
                Stream<Path> compiled = Files.walk(classes)) {
            for (Path clazz : compiled.filter(Files::isRegularFile).toList()) {
                entries.putNextEntry(new JarEntry(classes.relativize(clazz).toString().replace('\\', '/')));
                Files.copy(clazz, entries);
                entries.closeEntry();
            }
        }
        return jar;
    }
}
