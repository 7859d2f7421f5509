package io.weir.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * One short {@code bench nexmark --deployment minicluster,cluster} round: q1 at parallelism 2 on the
 * MiniCluster and on a JobManager with two one-slot TaskManager JVMs (so the job spans both). Checks
 * that both runs are reported and recorded, the cluster's as {@code q1+cluster}, that each cluster
 * process left its log and none outlives the command, and that what a cluster run cannot do is
 * refused. Not a timed test: no figure is compared with a bound.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ClusterNexmarkTest {
    @TempDir
    Path dir;

    @Test
    void oneQueryRunsOnTheMiniClusterAndOnAClusterOfProcesses() throws Exception {
        List<ProcessHandle> before = ProcessHandle.current().children().toList();
        Path logs = dir.resolve("logs");
        Path csv = dir.resolve("nexmark.csv");
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = System.out;
        int exit;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            exit = new CommandLine(new NexmarkCommand()).execute("--query", "q1", "--events", "20000", "--parallelism",
                    "2", "--deployment", "minicluster,cluster", "--heap", "256m", "--log-dir", logs.toString(),
                    "--results", csv.toString());
        } finally {
            System.setOut(out);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        out.print(output);
        assertEquals(0, exit, output);
        for (String label : List.of("q1", "q1+cluster")) {
            assertTrue(output.contains(String.format(Locale.ROOT, "%-15s p=2  20,000 events", label)), output);
        }
        List<String> rows = Files.readAllLines(csv);
        assertEquals(3, rows.size(), "a header and a row per run: " + rows);
        assertTrue(rows.get(1).contains(",q1,2,20000,") && rows.get(2).contains(",q1+cluster,2,20000,"), rows.toString());

        try (Stream<Path> files = Files.list(logs)) {
            assertEquals(3, files.filter(f -> f.toString().endsWith(".log")).count(), "one log per process");
        }
        List<ProcessHandle> leftOver = ProcessHandle.current().children().filter(p -> !before.contains(p)).toList();
        assertTrue(leftOver.isEmpty(), "every process of the cluster ended: " + leftOver);
    }

    @Test
    void clusterRunsRefuseSqlAndCheckSayingWhy() {
        for (List<String> args : List.of(List.of("--cluster", "--sql", "--query", "q1"),
                List.of("--deployment", "cluster", "--check", dir.toString(), "--query", "q1"),
                List.of("--deployment", "yarn", "--query", "q1"))) {
            StringWriter err = new StringWriter();
            CommandLine cli = new CommandLine(new NexmarkCommand());
            cli.setErr(new PrintWriter(err, true));
            cli.setExecutionExceptionHandler((e, line, parsed) -> {
                line.getErr().println(e.getMessage());
                return 2;
            });
            assertEquals(2, cli.execute(args.toArray(String[]::new)), err.toString());
            assertTrue(err.toString().contains("--deployment") || err.toString().contains("cluster runs take"),
                    err.toString());
        }
    }
}
