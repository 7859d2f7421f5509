package io.weir.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * One short round of {@code bench recovery --cluster}: a JobManager and two TaskManager JVMs, one
 * killed with {@code kill -9}. Checks the report is well formed and ordered (the job leaves RUNNING,
 * runs again, then processes a record), and that no process of the cluster outlives the command.
 * The same with {@code --kill jobmanager}: ZooKeeper, two JobManagers and two TaskManagers, the
 * leader killed; the standby leads, then the recovered job processes a record. Not a timed test: no
 * figure is compared with a bound.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ClusterRecoveryTest {
    private static final Pattern RUN = Pattern.compile("run 1: after the kill, job left RUNNING (\\d+\\.\\d) ms, "
            + "RUNNING again (\\d+\\.\\d) ms, first record after the restore (\\d+\\.\\d) ms");

    private static final Pattern JOB_MANAGER_RUN = Pattern.compile("run 1: after the kill, the standby led (\\d+\\.\\d) ms,"
            + " first record after the restore (\\d+\\.\\d) ms");

    @TempDir
    Path logs;

    @Test
    void oneRoundWithTheLeadingJobManagerKilledReportsTheNewLeaderThenTheFirstRecord() throws Exception {
        List<ProcessHandle> before = ProcessHandle.current().children().toList();
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = System.out;
        int exit;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            exit = new CommandLine(new RecoveryCommand()).execute("--cluster", "--kill", "jobmanager", "--runs", "1",
                    "--keys", "100", "--session-timeout", "2 s", "--log-dir", logs.toString());
        } finally {
            System.setOut(out);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        out.print(output);
        assertEquals(0, exit, output);

        Matcher run = JOB_MANAGER_RUN.matcher(output);
        assertTrue(run.find(), output);
        double leader = Double.parseDouble(run.group(1));
        double first = Double.parseDouble(run.group(2));
        // the new leader's ready line and the recovered job's first record come close together, in either order
        assertTrue(0 <= leader && 0 < first, output);
        for (String summary : List.of("kill to the standby leading (detection", "new leader to first record",
                "kill to first record after the restore")) {
            assertTrue(Pattern.compile(Pattern.quote(summary) + ".*: median -?\\d+\\.\\d ms \\(min -?\\d+\\.\\d, max -?\\d+\\.\\d\\)")
                    .matcher(output).find(), summary + " in\n" + output);
        }
        assertTrue(output.contains("ZooKeeper session timeout 2 s"), output);
        try (Stream<Path> files = Files.list(logs.resolve("run-1"))) {
            assertEquals(5, files.filter(f -> f.toString().endsWith(".log")).count(),
                    "one log per process: ZooKeeper, two JobManagers, two TaskManagers");
        }
        List<ProcessHandle> leftOver = ProcessHandle.current().children().filter(p -> !before.contains(p)).toList();
        assertTrue(leftOver.isEmpty(), "every process of the cluster ended: " + leftOver);
    }

    @Test
    void oneRoundReportsDetectionRestartAndFirstRecordInOrder() throws Exception {
        List<ProcessHandle> before = ProcessHandle.current().children().toList();
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = System.out;
        int exit;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            exit = new CommandLine(new RecoveryCommand()).execute("--cluster", "--runs", "1", "--keys", "100",
                    "--heartbeat-interval", "100 ms", "--heartbeat-timeout", "1 s", "--log-dir", logs.toString());
        } finally {
            System.setOut(out);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        out.print(output);
        assertEquals(0, exit, output);

        Matcher run = RUN.matcher(output);
        assertTrue(run.find(), output);
        double left = Double.parseDouble(run.group(1));
        double running = Double.parseDouble(run.group(2));
        double first = Double.parseDouble(run.group(3));
        assertTrue(0 <= left && left <= running && running <= first, output);
        for (String summary : List.of("kill to job left RUNNING", "kill to RUNNING again (detection",
                "RUNNING again to first record (restore)", "kill to first record after the restore")) {
            assertTrue(Pattern.compile(Pattern.quote(summary) + ".*: median \\d+\\.\\d ms \\(min \\d+\\.\\d, max \\d+\\.\\d\\)")
                    .matcher(output).find(), summary + " in\n" + output);
        }
        assertTrue(output.contains("heartbeat interval 100 ms, timeout 1 s"), output);

        try (Stream<Path> files = Files.list(logs)) {
            assertEquals(3, files.filter(f -> f.toString().endsWith(".log")).count(), "one log per process");
        }
        List<ProcessHandle> leftOver = ProcessHandle.current().children().filter(p -> !before.contains(p)).toList();
        assertTrue(leftOver.isEmpty(), "every process of the cluster ended: " + leftOver);
    }
}
