package io.weir.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SuiteCompareCommandTest {
    /** As JMH 1.37 writes it with -rf csv (a Weir run of the async benchmark). */
    private static final List<String> WEIR_CSV = List.of(
            "\"Benchmark\",\"Mode\",\"Threads\",\"Samples\",\"Score\",\"Score Error (99.9%)\",\"Unit\",\"Param: outputMode\"",
            "\"io.weir.bench.jmh.suite.AsyncWaitOperatorBenchmark.asyncWait\",\"avgt\",1,1,9907.935116,NaN,\"ns/op\",ORDERED",
            "\"io.weir.bench.jmh.suite.AsyncWaitOperatorBenchmark.asyncWait:cpuNanos\",\"avgt\",1,1,3650000000.000000,NaN,\"#\",ORDERED",
            "\"io.weir.bench.jmh.suite.AsyncWaitOperatorBenchmark.asyncWait:records\",\"avgt\",1,1,1000000.000000,NaN,\"#\",ORDERED",
            "\"io.weir.bench.jmh.suite.AsyncWaitOperatorBenchmark.asyncWait\",\"avgt\",1,1,5756.879097,NaN,\"ns/op\",UNORDERED",
            "\"io.weir.bench.jmh.suite.AsyncWaitOperatorBenchmark.asyncWait:cpuNanos\",\"avgt\",1,1,2570000000.000000,NaN,\"#\",UNORDERED",
            "\"io.weir.bench.jmh.suite.AsyncWaitOperatorBenchmark.asyncWait:records\",\"avgt\",1,1,1000000.000000,NaN,\"#\",UNORDERED");

    private static final List<String> FLINK_CSV = List.of(
            "\"Benchmark\",\"Mode\",\"Threads\",\"Samples\",\"Score\",\"Score Error (99.9%)\",\"Unit\",\"Param: outputMode\"",
            "\"anchor.suite.AsyncWaitOperatorBenchmark.asyncWait\",\"avgt\",1,3,6209.0,NaN,\"ns/op\",ORDERED",
            "\"anchor.suite.AsyncWaitOperatorBenchmark.asyncWait:cpuNanos\",\"avgt\",1,3,7300000000.0,NaN,\"#\",ORDERED",
            "\"anchor.suite.AsyncWaitOperatorBenchmark.asyncWait:records\",\"avgt\",1,3,1000000.0,NaN,\"#\",ORDERED",
            "\"anchor.suite.AsyncWaitOperatorBenchmark.asyncWait\",\"avgt\",1,3,3348.0,NaN,\"ns/op\",UNORDERED",
            "\"anchor.suite.AsyncWaitOperatorBenchmark.asyncWait:cpuNanos\",\"avgt\",1,3,2570000000.0,NaN,\"#\",UNORDERED",
            "\"anchor.suite.AsyncWaitOperatorBenchmark.asyncWait:records\",\"avgt\",1,3,1000000.0,NaN,\"#\",UNORDERED");

    @Test
    void readsScoresAndCountersByBenchmarkAndParameters() {
        Map<String, JmhCsv.Result> results = JmhCsv.parse(WEIR_CSV);
        assertEquals(List.of("AsyncWaitOperatorBenchmark.asyncWait outputMode=ORDERED",
                "AsyncWaitOperatorBenchmark.asyncWait outputMode=UNORDERED"), List.copyOf(results.keySet()));
        JmhCsv.Result ordered = results.get("AsyncWaitOperatorBenchmark.asyncWait outputMode=ORDERED");
        assertEquals(9907.935116, ordered.wallNanosPerOp(), 1e-6);
        assertEquals(3650.0, ordered.cpuNanosPerRecord(), 1e-9);
    }

    @Test
    void leavesOutTheJitCompilersTime() {
        List<String> csv = List.of(WEIR_CSV.get(0), WEIR_CSV.get(1), WEIR_CSV.get(2), WEIR_CSV.get(3),
                "\"io.weir.bench.jmh.suite.AsyncWaitOperatorBenchmark.asyncWait:jitNanos\",\"avgt\",1,1,650000000.000000,NaN,\"#\",ORDERED");
        JmhCsv.Result ordered = JmhCsv.parse(csv).get("AsyncWaitOperatorBenchmark.asyncWait outputMode=ORDERED");
        assertEquals(3000.0, ordered.cpuNanosPerRecord(), 1e-9);
        assertEquals(3650.0, ordered.cpuWithJitNanosPerRecord(), 1e-9);
        assertEquals(650.0 / 3650.0, ordered.jitShare(), 1e-9);
        assertEquals(0.0, JmhCsv.parse(WEIR_CSV).get("AsyncWaitOperatorBenchmark.asyncWait outputMode=ORDERED").jitShare());
    }

    @Test
    void refusesWhatIsNotJmhCsv() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JmhCsv.parse(List.of("Benchmark Mode Cnt Score")));
        assertTrue(e.getMessage().contains("Not a JMH CSV result"), e.getMessage());
    }

    @Test
    void tablesTheRatiosAndTheBar() {
        SuiteCompareCommand command = new SuiteCompareCommand();
        command.benchmarks = List.of("AsyncWaitOperatorBenchmark");
        command.runs = 1;
        command.jmhOptions = "-f 1";
        command.heap = "2g";
        Map<String, List<JmhCsv.Result>> weir = new java.util.LinkedHashMap<>();
        Map<String, List<JmhCsv.Result>> flink = new java.util.LinkedHashMap<>();
        JmhCsv.parse(WEIR_CSV).forEach((k, v) -> weir.put(k, List.of(v)));
        JmhCsv.parse(FLINK_CSV).forEach((k, v) -> flink.put(k, List.of(v)));
        String table = command.table(weir, flink, List.of("1.0"));
        assertTrue(table.contains("| `AsyncWaitOperatorBenchmark.asyncWait outputMode=ORDERED` | 3,650 | 7,300 | 2.00 | 2.00 |"),
                table);
        assertTrue(table.contains("| `AsyncWaitOperatorBenchmark.asyncWait outputMode=UNORDERED` | 2,570 | 2,570 | 1.00 | 1.00 |"),
                table);
        assertTrue(table.contains("| 0 / 0 |"), table);
        assertTrue(table.contains("over 2 benchmarks: 1.41; lowest 1.00 (with JIT: 1.41; lowest 1.00). The bar of "
                + "issue 9 (at least 1.5 on every benchmark, with and without the JIT's time): NOT met."), table);
    }
}
