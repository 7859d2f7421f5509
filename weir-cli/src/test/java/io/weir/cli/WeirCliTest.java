package io.weir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.web.WebOptions;
import java.util.List;
import java.util.Optional;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class WeirCliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @AfterEach
    void forgetRecordedArguments() {
        RecordingJob.lastArgs = null;
        RecordingJob.lastRestPort = null;
    }

    private int weir(String... args) {
        CommandLine cli = WeirCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void helpNamesEveryCommand() {
        assertEquals(0, weir("--help"));
        assertTrue(out.toString().contains("run"), out.toString());
        assertTrue(out.toString().contains("example"), out.toString());
        assertTrue(out.toString().contains("version"), out.toString());
        assertTrue(out.toString().contains("bin/weir bench"), out.toString());
    }

    @Test
    void noCommandIsAUsageError() {
        assertEquals(WeirCli.USER_ERROR, weir());
        assertTrue(err.toString().contains("Missing command"), err.toString());
    }

    @Test
    void versionPrintsTheBuiltVersionAndTheJava() {
        assertEquals(0, weir("version"));
        String[] lines = out.toString().split("\\R");
        assertTrue(lines[0].matches("Weir \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), lines[0]);
        assertTrue(lines[1].startsWith("Java " + System.getProperty("java.version")), lines[1]);
    }

    @Test
    void exampleListShowsEveryExampleWithItsDescription() {
        assertEquals(0, weir("example", "--list"));
        List<String> lines = out.toString().lines().toList();
        assertEquals(Example.values().length, lines.size());
        for (Example example : Example.values()) {
            assertTrue(lines.stream().anyMatch(l -> l.startsWith(example.shortName() + " ")
                    && l.endsWith(example.description())), out.toString());
        }
    }

    @Test
    void unknownExampleIsAOneLineUserErrorNamingTheKnownOnes() {
        assertEquals(WeirCli.USER_ERROR, weir("example", "wordcunt"));
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().contains("wordcount, running-count"), err.toString());
    }

    @Test
    void exampleHelpAfterTheNamePrintsTheExamplesUsageInsteadOfRunningIt() {
        assertEquals(0, weir("example", "wordcount", "--help"));
        assertEquals(List.of("Usage: weir example [-D key=value]... [-p <parallelism>] wordcount"
                        + " [--input <file>] [--parallelism <n>] [--streaming]", Example.WORDCOUNT.description()),
                out.toString().lines().toList());
        assertEquals("", err.toString());
    }

    @Test
    void runOnAHighlyAvailableClusterWhoseZooKeeperIsUnreachableSaysWhichQuorumAndOption() {
        assertEquals(WeirCli.USER_ERROR, weir("run", "-D", "high-availability.type=zookeeper",
                "-D", "high-availability.zookeeper.quorum=127.0.0.1:1",
                "-D", "high-availability.zookeeper.client.connection-timeout=200 ms",
                RecordingJob.class.getName()));
        assertTrue(err.toString().contains("Cannot reach ZooKeeper at 127.0.0.1:1 (high-availability.zookeeper.quorum)"),
                err.toString());
        assertEquals(1, err.toString().lines().count(), "one line, no stack trace: " + err);
    }

    @Test
    void runOnAHighlyAvailableClusterWithoutQuorumSaysWhichOptionToSet() {
        assertEquals(WeirCli.USER_ERROR, weir("run", "-D", "high-availability.type=zookeeper",
                RecordingJob.class.getName()));
        assertTrue(err.toString().contains("high-availability.zookeeper.quorum is not set"), err.toString());
    }

    @Test
    void aJobRejectingItsArgumentsIsAUserErrorWithoutStackTrace() {
        assertEquals(WeirCli.USER_ERROR, weir("run", ArgumentCheckingJob.class.getName(), "--bogus"));
        assertEquals(List.of("Error: invalid arguments for " + ArgumentCheckingJob.class.getName()
                + ": Unknown argument '--bogus'. Usage: checking [--n <count>]"), err.toString().lines().toList());
        assertEquals(WeirCli.USER_ERROR, weir("run", ArgumentCheckingJob.class.getName(), "--n", "x"));
        assertTrue(err.toString().contains("For input string: \"x\""), err.toString());
    }

    @Test
    void theApisSystemLoggerLogsThroughSlf4jSoTheCliHasOneLogFormat() {
        String logger = System.getLogger("io.weir.api.types.TypeExtractor").getClass().getName();
        assertTrue(logger.startsWith("org.slf4j."), "System.Logger is " + logger + ", not SLF4J's");
    }

    @Test
    void exampleWithoutNameIsAUserError() {
        assertEquals(WeirCli.USER_ERROR, weir("example"));
        assertTrue(err.toString().contains("weir example --list"), err.toString());
    }

    @Test
    void runCallsMainWithEveryArgumentAfterTheClassNameIncludingOptions() {
        assertEquals(0, weir("run", RecordingJob.class.getName(), "--input", "x", "-c", "y"));
        assertEquals(List.of("--input", "x", "-c", "y"), RecordingJob.lastArgs);
        assertEquals("", err.toString());
    }

    @Test
    void runWithWebGivesTheJobsEnvironmentARestPortOnlyWhileMainRuns() {
        assertEquals(0, weir("run", "--web", "--web-port", "0", RecordingJob.class.getName(), "a"));
        assertEquals(Optional.of(0), RecordingJob.lastRestPort);
        assertEquals(List.of("a"), RecordingJob.lastArgs);
        assertEquals(Optional.empty(), StreamExecutionEnvironment.getExecutionEnvironment().getConfiguration()
                .getOptional(WebOptions.PORT), "the context environment is reset after main");
        assertEquals(0, weir("run", RecordingJob.class.getName()));
        assertEquals(Optional.empty(), RecordingJob.lastRestPort);
        assertEquals(2, weir("run", "--web", "--web-port", "70000", RecordingJob.class.getName()));
        assertTrue(err.toString().contains("--web-port must be between 0 and 65535"), err.toString());
    }

    @Test
    void runLoadsTheJobFromAClassDirectoryGivenWithClasspath(@TempDir Path dir) throws IOException {
        Path source = dir.resolve("src/demo/Hello.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "package demo; public class Hello { public static void main(String[] a) {"
                + " System.setProperty(\"weir.cli.test.hello\", String.join(\",\", a)); } }");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "-d", classes.toString(), source.toString()));

        try {
            assertEquals(0, weir("run", "-c", classes.toString(), "demo.Hello", "a", "b"));
            assertEquals("a,b", System.getProperty("weir.cli.test.hello"));
        } finally {
            System.clearProperty("weir.cli.test.hello");
        }
    }

    @Test
    void runWithAnUnknownClassSaysHowToPassTheJar() {
        assertEquals(WeirCli.USER_ERROR, weir("run", "com.example.Nope"));
        String message = err.toString();
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.contains("'com.example.Nope' was not found"), message);
        assertTrue(message.contains("-c <jar>"), message);
    }

    @Test
    void runWithAMissingClasspathEntryIsAUserError() {
        assertEquals(WeirCli.USER_ERROR, weir("run", "-c", "/no/such/job.jar", RecordingJob.class.getName()));
        assertTrue(err.toString().contains("'/no/such/job.jar' does not exist"), err.toString());
    }

    @Test
    void runWithAClassWithoutMainIsAUserError() {
        assertEquals(WeirCli.USER_ERROR, weir("run", NoMain.class.getName()));
        assertTrue(err.toString().contains("has no 'public static void main(String[] args)'"), err.toString());
    }

    @Test
    void failingJobPrintsTheCauseChainAndOnlyTheJobsFramesOfTheRootCause() {
        assertEquals(WeirCli.JOB_FAILED, weir("run", FailingJob.class.getName()));
        List<String> lines = err.toString().lines().toList();
        assertEquals("Job failed: Job execution failed: Task 'Map (1/2)' failed: ArithmeticException: / by zero",
                lines.get(0));
        assertEquals("Root cause: java.lang.ArithmeticException", lines.get(1), "the message is said once, above");
        assertTrue(lines.get(2).contains(FailingJob.class.getName() + ".divide"), lines.get(2));
        assertTrue(lines.get(lines.size() - 1).endsWith("frames of the Weir launcher"), err.toString());
        assertFalse(err.toString().contains("reflect"), err.toString());
    }

    @Test
    void failureSummarySkipsWrappersThatOnlyRepeatTheirCause() {
        Throwable root = new IllegalStateException("no input");
        Throwable wrapped = new RuntimeException(new RuntimeException(root));
        assertEquals("IllegalStateException: no input",
                JobFailureReport.summary(JobFailureReport.causeChain(wrapped)));
    }

    @Test
    void failureSummaryDoesNotRepeatACauseTheWrapperAlreadyQuotes() {
        Throwable root = new ArithmeticException("/ by zero");
        Throwable wrapped = new IllegalStateException("task 'Map (2/2)' failed: " + root, root);
        assertEquals("task 'Map (2/2)' failed: java.lang.ArithmeticException: / by zero",
                JobFailureReport.summary(JobFailureReport.causeChain(wrapped)));
    }

    /** Remembers the arguments it was started with. */
    public static final class RecordingJob {
        static List<String> lastArgs;
        static Optional<Integer> lastRestPort;

        public static void main(String[] args) {
            lastArgs = List.of(args);
            lastRestPort = StreamExecutionEnvironment.getExecutionEnvironment().getConfiguration()
                    .getOptional(WebOptions.PORT);
        }
    }

    /** Throws the way a failed execution does: the task failure wrapped by the job failure. */
    public static final class FailingJob {
        public static void main(String[] args) {
            try {
                divide(0);
            } catch (ArithmeticException e) {
                throw new IllegalStateException("Job execution failed",
                        new RuntimeException("Task 'Map (1/2)' failed", e));
            }
        }

        private static int divide(int by) {
            return 1 / by;
        }
    }

    /** Has a main method, but not one the JVM would start. */
    /** Parses its arguments as the examples do, and builds no job. */
    public static final class ArgumentCheckingJob {
        public static void main(String[] args) {
            for (int i = 0; i < args.length; i += 2) {
                if (!args[i].equals("--n")) {
                    throw new IllegalArgumentException("Unknown argument '" + args[i] + "'. Usage: checking [--n <count>]");
                }
                Integer.parseInt(args[i + 1]);
            }
        }
    }

    public static final class NoMain {
        public void main(String[] args) {}
    }
}
