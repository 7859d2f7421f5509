package io.weir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.environment.StreamExecutionEnvironment;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code weir migrate} on a sample Flink 1.x project (src/test/resources/migrate/flink1-job): the
 * rewritten files equal the expected ones, the places it cannot rewrite are reported by line, and
 * the rewritten job compiles against Weir's API and runs.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class MigrateCommandTest {
    private static final Path SAMPLE = Path.of("src", "test", "resources", "migrate", "flink1-job");
    private static final Path EXPECTED = Path.of("src", "test", "resources", "migrate", "expected");
    private static final Path PACKAGE = Path.of("src", "main", "java", "com", "example");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path project;

    private int weir(String... args) {
        CommandLine cli = WeirCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void rewritesTheSampleProjectAsExpectedAndReportsWhatIsLeftByLine() throws Exception {
        copy(SAMPLE, project);
        assertEquals(0, weir("migrate", project.toString()), err.toString());
        for (String file : List.of("WordCount.java", "Unported.java")) {
            assertEquals(Files.readString(EXPECTED.resolve(PACKAGE).resolve(file)),
                    Files.readString(project.resolve(PACKAGE).resolve(file)), file);
        }
        String unported = project.resolve(PACKAGE).resolve("Unported.java").toString();
        List<String> report = out.toString().lines().toList();
        assertEquals(List.of(
                unported + ":17: keyBy(\"user\") keys by a field expression, which Flink 2 removed: write a"
                        + " KeySelector, e.g. keyBy(value -> value.getUser())",
                unported + ":21: Time.of(...) has no direct Duration form here: write a java.time.Duration"
                        + " (Duration.of(amount, ChronoUnit...))",
                unported + ":25: if this is a RuntimeContext, getIndexOfThisSubtask() moved to its TaskInfo: write"
                        + " getTaskInfo().getIndexOfThisSubtask()",
                unported + ":31: open(Configuration) is open(OpenContext) in Flink 2, and this one reads its"
                        + " parameter 'config': take the settings from the job's configuration or the function's"
                        + " constructor, then change the parameter to OpenContext",
                unported + ":3: no Weir class for org.apache.flink.api.java.ExecutionEnvironment: see"
                        + " docs/migrating-from-flink.md for what Weir has instead",
                "Rewrote 2 of 2 Java files; 5 places need your attention (listed above)."), report);
    }

    @Test
    void theRewrittenJobCompilesAgainstWeirAndRuns() throws Exception {
        copy(SAMPLE, project);
        Files.delete(project.resolve(PACKAGE).resolve("Unported.java"));
        assertEquals(0, weir("migrate", project.toString()), err.toString());
        assertTrue(out.toString().contains("Rewrote 1 of 1 Java files; 0 places need your attention."), out.toString());

        Path classes = Files.createDirectory(project.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        String weirApi = Path.of(StreamExecutionEnvironment.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI()).toString();
        int status = javac.run(null, null, new java.io.OutputStream() {
            @Override
            public void write(int b) {
                diagnostics.write(b);
            }
        }, "-classpath", weirApi, "-d", classes.toString(),
                project.resolve(PACKAGE).resolve("WordCount.java").toString());
        assertEquals(0, status, "the migrated job does not compile: " + diagnostics);

        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                getClass().getClassLoader())) {
            Method main = loader.loadClass("com.example.WordCount").getMethod("main", String[].class);
            ClassLoader previous = Thread.currentThread().getContextClassLoader();
            Thread.currentThread().setContextClassLoader(loader); // the job's classes, as bin/weir run sets them
            try {
                main.invoke(null, (Object) new String[0]); // runs the job on a local cluster; returns when it ends
            } finally {
                Thread.currentThread().setContextClassLoader(previous);
            }
        }
    }

    @Test
    void dryRunWritesNothing() throws Exception {
        copy(SAMPLE, project);
        assertEquals(0, weir("migrate", "--dry-run", project.toString()), err.toString());
        assertTrue(out.toString().contains("Would rewrite 2 of 2 Java files"), out.toString());
        assertEquals(Files.readString(SAMPLE.resolve(PACKAGE).resolve("WordCount.java")),
                Files.readString(project.resolve(PACKAGE).resolve("WordCount.java")));
    }

    @Test
    void aMissingDirectoryIsAUserErrorWithoutStackTrace() {
        assertEquals(WeirCli.USER_ERROR, weir("migrate", project.resolve("nope").toString()));
        assertTrue(err.toString().startsWith("Error: migrate needs a directory of Java sources"), err.toString());
        assertTrue(!err.toString().contains("\tat "), err.toString());
    }

    @Test
    void aFileThatDoesNotParseIsReportedAndLeftAlone() throws Exception {
        Path broken = Files.writeString(project.resolve("Broken.java"), "class Broken { void f( }\n");
        assertEquals(0, weir("migrate", project.toString()), err.toString());
        assertTrue(out.toString().contains("Broken.java:1: not rewritten: the file does not parse as Java 17"),
                out.toString());
        assertEquals("class Broken { void f( }\n", Files.readString(broken));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
