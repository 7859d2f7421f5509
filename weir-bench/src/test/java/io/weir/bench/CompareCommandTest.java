package io.weir.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CompareCommandTest {
    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(2.0, samples(3, 1, 2).median());
        assertEquals(2.5, samples(4, 1, 3, 2).median());
        assertEquals(7.0, samples(7).median());
    }

    @Test
    void cellShowsTheMedianWithMinAndMaxOnlyForSeveralValues() {
        assertEquals("1,500", samples(1500).cell());
        assertEquals("2,000 (1,000-3,000)", samples(3000, 1000, 2000).cell());
        assertEquals("0.50 (0.25-0.75)", samples(0.75, 0.25, 0.5).cell("%.2f"));
    }

    @Test
    void readsAFieldOfTheHarnessResultLine() {
        String line = "RESULT query=q0 parallelism=2 events=5000000 seed=42 tps=10000000 submit_to_finish_s=12.918 "
                + "net_runtime_s=7.649 events_per_s=653680 main_to_submit_s=2.950";
        assertEquals("653680", CompareCommand.field(line, "events_per_s"));
        assertEquals("7.649", CompareCommand.field(line, "net_runtime_s"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> CompareCommand.field(line, "events_per_cpu_s"));
        assertTrue(e.getMessage().contains("No events_per_cpu_s"), e.getMessage());
    }

    @Test
    void tableHasRatiosAndSaysWhetherTheBarIsMet() {
        CompareCommand command = command();
        CompareCommand.Results r = new CompareCommand.Results();
        r.weirRate.put("q0 p1", samples(4_000_000, 3_000_000));
        r.weirRate.put("q1 p1", samples(300_000));
        r.flinkRate.put("q0 p1", samples(250_000));
        r.flinkRate.put("q1 p1", samples(250_000));
        r.ceiling.put("p1", samples(5_000_000));
        add(r.weirStartup, 0.4, 0.3, 0.5);
        add(r.flinkStartup, 8.5);

        String table = command.table(r);

        assertTrue(table.startsWith("Weir vs Apache Flink (anchor harness), 5,000,000 events"), table);
        assertTrue(table.contains("| q0 | 1 | 3,500,000 (3,000,000-4,000,000) | 250,000 | 14.00 | 70% |"), table);
        assertTrue(table.contains("| q1 | 1 | 300,000 | 250,000 | 1.20 | 6% |"), table);
        assertTrue(table.contains("| generator-only | 1 | 5,000,000 | | | |"), table);
        assertTrue(table.contains("Weir 0.400 (0.300-0.500), Flink 8.50"), table);
        assertTrue(table.contains("every query >= 1.5x Flink (goal 3x): lowest 1.20x, NOT met"), table);
        assertTrue(table.contains("q0 >= 70% of generator-only: lowest 70%, met"), table);
        assertTrue(table.contains("trivial job < 1 s whole process (goal 0.5 s): 0.400 s, met"), table);
        assertTrue(table.contains("--api datastream --query q0,q1 --events 5000000 --parallelism 1 --runs 2"), table);
        assertFalse(table.contains("SQL bar"), table);
    }

    @Test
    void sqlTableComparesWeirSqlWithFlinkSqlAndNamesTheQueriesBelowTheBar() {
        CompareCommand command = command();
        command.apis = List.of("sql");
        command.queries = List.of("q1", "q4", "q5");
        CompareCommand.Results r = new CompareCommand.Results();
        r.weirRate.put("q1-sql p1", samples(1_000_000));
        r.weirRate.put("q4-sql p1", samples(150_000, 200_000));
        r.weirRate.put("q5-sql p1", samples(600_000));
        r.flinkRate.put("q1 p1", samples(250_000));
        r.flinkRate.put("q4 p1", samples(100_000));
        r.flinkRate.put("q5 p1", samples(100_000));
        r.ceiling.put("p1", samples(2_000_000));
        add(r.weirSqlStartup, 0.9);
        add(r.flinkStartup, 12.0);

        String table = command.table(r);

        assertTrue(table.startsWith("Weir SQL vs Apache Flink SQL"), table);
        // Each SQL row against Flink's run of the same query; the row is named by the query alone.
        assertTrue(table.contains("| q1 | 1 | 1,000,000 | 250,000 | 4.00 | 50% |"), table);
        assertTrue(table.contains("| q4 | 1 | 175,000 (150,000-200,000) | 100,000 | 1.75 | 9% |"), table);
        assertTrue(table.contains("Weir `bin/weir sql -f` 0.900, Flink 12.00"), table);
        assertTrue(table.contains("every query >= 2x Flink SQL: lowest 1.75x (below 2x: q4 p=1 1.75x), NOT met"), table);
        assertTrue(table.contains("goal 5x on q4, q5, q7: q4 p=1 1.75x, q5 p=1 6.00x, NOT met"), table);
        assertTrue(table.contains("--api sql --query q1,q4,q5"), table);
        // No DataStream rows, so neither the bar of issue 4 nor its trivial job.
        assertFalse(table.contains("issue 4"), table);
        assertFalse(table.contains("Trivial job (q0"), table);
    }

    @Test
    void sqlBarIsMetWhenEveryQueryReachesTwiceFlink() {
        CompareCommand command = command();
        command.apis = List.of("sql");
        CompareCommand.Results r = new CompareCommand.Results();
        r.weirRate.put("q0-sql p1", samples(500_000));
        r.flinkRate.put("q0 p1", samples(250_000));
        r.ceiling.put("p1", samples(1_000_000));
        add(r.flinkStartup, 12.0);

        String table = command.table(r);

        assertTrue(table.contains("every query >= 2x Flink SQL: lowest 2.00x, met"), table);
        assertTrue(table.contains("Weir not measured (no bin/weir)"), table);
        // q4, q5 and q7 did not run: no goal line.
        assertFalse(table.contains("goal 5x"), table);
    }

    @Test
    void withBothApisEachQueryHasARowPerApiAgainstTheSameFlinkRuns() {
        CompareCommand command = command();
        command.apis = List.of("datastream", "sql");
        CompareCommand.Results r = new CompareCommand.Results();
        r.weirRate.put("q0 p1", samples(2_000_000));
        r.weirRate.put("q0-sql p1", samples(1_000_000));
        r.flinkRate.put("q0 p1", samples(250_000));
        r.ceiling.put("p1", samples(2_500_000));
        add(r.weirStartup, 0.5);
        add(r.weirSqlStartup, 0.8);
        add(r.flinkStartup, 10.0);

        String table = command.table(r);

        assertTrue(table.contains("| q0 | 1 | 2,000,000 | 250,000 | 8.00 | 80% |"), table);
        assertTrue(table.contains("| q0 (SQL) | 1 | 1,000,000 | 250,000 | 4.00 | 40% |"), table);
        assertTrue(table.contains("every query >= 1.5x Flink (goal 3x): lowest 8.00x, met"), table);
        assertTrue(table.contains("q0 >= 70% of generator-only: lowest 80%, met"), table);
        assertTrue(table.contains("every query >= 2x Flink SQL: lowest 4.00x, met"), table);
    }

    @Test
    void planningTableHasWeirsPlanningAndBothEnginesSubmissionOverhead() {
        CompareCommand command = command();
        command.apis = List.of("sql");
        CompareCommand.Results r = new CompareCommand.Results();
        r.weirPlan.put("q4-sql p1", samples(0.25, 0.35));
        r.weirOverhead.put("q4-sql p1", samples(0.4));
        r.flinkOverhead.put("q4 p1", samples(6.0, 7.0));

        String table = command.planningTable(r);

        assertTrue(table.contains("| q4 | 1 | 0.300 (0.250-0.350) | 0.400 | 6.50 (6.00-7.00) |"), table);
        assertEquals("", command.planningTable(new CompareCommand.Results()));
    }

    @Test
    void cpuTableDividesEventsByTheJobsCpuAndNetsOutEachEnginesOwnFixedCost() {
        CompareCommand command = command();
        CompareCommand.Results r = new CompareCommand.Results();
        r.weirCpu.put("q0 p1", samples(2.5, 3.5));
        r.flinkCpu.put("q0 p1", samples(30.0));
        add(r.weirTrivialCpu, 0.5);
        add(r.flinkTrivialCpu, 10.0);

        String table = command.cpuTable(r);

        // Gross: 5,000,000 / 2.5 and / 3.5 (median 1,714,286), Flink 5,000,000 / 30; 1,714,286 / 166,667 = 10.29.
        // Net: Weir 5,000,000 / (2.5 - 0.5) and / (3.5 - 0.5); Flink 5,000,000 / (30 - 10).
        assertTrue(table.contains("| q0 | 1 | 1,714,286 (1,428,571-2,000,000) | 166,667 | 10.29 "
                + "| 2,083,333 (1,666,667-2,500,000) | 250,000 | 8.33 |"), table);
        assertTrue(table.contains("(Weir 0.50 s, Flink 10.00 s)"), table);
    }

    @Test
    void cpuTableLeavesOutANetFigureWhoseFixedCostIsMostOfARun() {
        CompareCommand command = command();
        CompareCommand.Results r = new CompareCommand.Results();
        r.weirCpu.put("q0 p1", samples(2.0));
        // Flink's trivial job took 6.2 and 10.98 CPU-s, its q0 12.5 and 14: 8.59 > 0.5 * 12.5.
        r.flinkCpu.put("q0 p1", samples(12.5, 14.0));
        add(r.weirTrivialCpu, 0.5);
        add(r.flinkTrivialCpu, 6.2, 10.98);

        String table = command.cpuTable(r);

        // Gross: 5,000,000 / 2 = 2,500,000; Flink median of 400,000 and 357,143 = 378,571; ratio 6.60.
        assertTrue(table.contains("| q0 | 1 | 2,500,000 | 378,571 (357,143-400,000) | 6.60 | 3,333,333 | - | - |"),
                table);
        assertTrue(table.contains("Flink 8.59 (6.20-10.98) s"), table);
        // Exactly half of a run is still netted out: 5,000,000 / (20 - 10).
        r.flinkCpu.put("q0 p1", samples(20.0));
        add(r.flinkTrivialCpu, 10.0);
        assertTrue(command.cpuTable(r).contains("| 3,333,333 | 500,000 | 6.67 |"), command.cpuTable(r));
    }

    @Test
    void cpuTableChargesSqlRowsTheTrivialSqlJob() {
        CompareCommand command = command();
        command.apis = List.of("datastream", "sql");
        CompareCommand.Results r = new CompareCommand.Results();
        r.weirCpu.put("q0 p1", samples(2.5));
        r.weirCpu.put("q0-sql p1", samples(3.0));
        r.flinkCpu.put("q0 p1", samples(30.0));
        add(r.weirTrivialCpu, 0.5);
        add(r.weirSqlTrivialCpu, 1.0);
        add(r.flinkTrivialCpu, 10.0);

        String table = command.cpuTable(r);

        // DataStream net: 5,000,000 / (2.5 - 0.5); SQL net: 5,000,000 / (3.0 - 1.0).
        assertTrue(table.contains("| q0 | 1 | 2,000,000 | 166,667 | 12.00 | 2,500,000 | 250,000 | 10.00 |"), table);
        assertTrue(table.contains("| q0 (SQL) | 1 | 1,666,667 | 166,667 | 10.00 | 2,500,000 | 250,000 | 10.00 |"),
                table);
        assertTrue(table.contains("(Weir 0.50 s, Weir SQL 1.00 s, Flink 10.00 s)"), table);
    }

    @Test
    void refusesAHarnessThatIsNotBuilt(@TempDir Path dir) {
        CompareCommand command = command();
        command.flinkDir = dir;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, command::call);
        assertTrue(e.getMessage().contains("is not built: run ./run.sh build"), e.getMessage());
    }

    @Test
    void apiOptionIsParsedAndCheckedBeforeAnyRun(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("target"));
        Files.writeString(dir.resolve("target/classpath.txt"), "");

        CompareCommand both = new CompareCommand();
        new CommandLine(both).parseArgs("--flink", dir.toString(), "--api", "datastream,sql", "--query", "q4,q11");
        assertEquals(List.of("datastream", "sql"), both.apis);
        both.validate();

        CompareCommand byDefault = new CompareCommand();
        new CommandLine(byDefault).parseArgs("--flink", dir.toString());
        assertEquals(List.of("datastream"), byDefault.apis);

        assertRefused(dir, "--api takes datastream and sql, not 'table'", "--api", "table");
        assertRefused(dir, "--api takes datastream, sql or datastream,sql", "--api", "sql,sql");
        assertRefused(dir, "its result depends on the wall clock", "--api", "sql", "--query", "q0,q12");
        assertRefused(dir, "leave it out of --query", "--query", "generator-only");
        assertRefused(dir, "--parallelism must be positive", "--parallelism", "0");
        assertRefused(dir, "is not an executable file", "--api", "sql", "--weir-launcher", dir.resolve("nope").toString());
        // Nor a DataStream comparison (the harness has no q12 either).
        assertRefused(dir, "its result depends on the wall clock", "--query", "q12");
    }

    private static void assertRefused(Path harness, String message, String... args) {
        CompareCommand command = new CompareCommand();
        List<String> all = new java.util.ArrayList<>(List.of("--flink", harness.toString()));
        all.addAll(List.of(args));
        new CommandLine(command).parseArgs(all.toArray(String[]::new));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, command::validate);
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    private static void add(CompareCommand.Samples samples, double... values) {
        for (double value : values) {
            samples.add(value);
        }
    }

    private static CompareCommand command() {
        CompareCommand command = new CompareCommand();
        command.queries = List.of("q0", "q1");
        command.parallelisms = List.of(1);
        command.events = 5_000_000;
        command.runs = 2;
        command.startupRuns = 3;
        command.heap = "4g";
        command.apis = List.of("datastream");
        return command;
    }

    private static CompareCommand.Samples samples(double... values) {
        CompareCommand.Samples samples = new CompareCommand.Samples();
        for (double value : values) {
            samples.add(value);
        }
        return samples;
    }
}
