package io.weir.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        Map<String, CompareCommand.Samples> weir = new LinkedHashMap<>();
        weir.put("q0 p1", samples(4_000_000, 3_000_000));
        weir.put("q1 p1", samples(300_000));
        Map<String, CompareCommand.Samples> flink = new LinkedHashMap<>();
        flink.put("q0 p1", samples(250_000));
        flink.put("q1 p1", samples(250_000));
        Map<String, CompareCommand.Samples> ceiling = Map.of("p1", samples(5_000_000));

        String table = command.table(weir, flink, ceiling, samples(0.4, 0.3, 0.5), samples(8.5));

        assertTrue(table.contains("| q0 | 1 | 3,500,000 (3,000,000-4,000,000) | 250,000 | 14.00 | 70% |"), table);
        assertTrue(table.contains("| q1 | 1 | 300,000 | 250,000 | 1.20 | 6% |"), table);
        assertTrue(table.contains("| generator-only | 1 | 5,000,000 | | | |"), table);
        assertTrue(table.contains("Weir 0.400 (0.300-0.500), Flink 8.50"), table);
        assertTrue(table.contains("every query >= 1.5x Flink (goal 3x): lowest 1.20x, NOT met"), table);
        assertTrue(table.contains("q0 >= 70% of generator-only: lowest 70%, met"), table);
        assertTrue(table.contains("trivial job < 1 s whole process (goal 0.5 s): 0.400 s, met"), table);
        assertTrue(table.contains("--query q0,q1 --events 5000000 --parallelism 1 --runs 2"), table);
    }

    @Test
    void cpuTableChargesEachEngineItsOwnFixedCost() {
        CompareCommand command = command();
        Map<String, CompareCommand.Samples> weir = new LinkedHashMap<>();
        weir.put("q0 p1", samples(2.5, 3.5));
        Map<String, CompareCommand.Samples> flink = new LinkedHashMap<>();
        flink.put("q0 p1", samples(30.0));
        CompareCommand.CpuSamples cpu = new CompareCommand.CpuSamples(weir, flink, samples(0.5), samples(10.0));

        String table = command.cpuTable(cpu);

        // Weir: 5,000,000 / (2.5 - 0.5) and / (3.5 - 0.5); Flink: 5,000,000 / (30 - 10).
        assertTrue(table.contains("| q0 | 1 | 2,083,333 (1,666,667-2,500,000) | 250,000 | 8.33 |"), table);
        assertTrue(table.contains("Weir 0.50 s, Flink 10.00 s"), table);
    }

    @Test
    void refusesAHarnessThatIsNotBuilt(@TempDir Path dir) {
        CompareCommand command = command();
        command.flinkDir = dir;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, command::call);
        assertTrue(e.getMessage().contains("is not built: run ./run.sh build"), e.getMessage());
    }

    private static CompareCommand command() {
        CompareCommand command = new CompareCommand();
        command.queries = List.of("q0", "q1");
        command.parallelisms = List.of(1);
        command.events = 5_000_000;
        command.runs = 2;
        command.startupRuns = 3;
        command.heap = "4g";
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
