package io.weir.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench compare-suite}: the same-program suite (flink-benchmarks' programs, written once for
 * each engine) on Weir and on the Apache Flink twin harness, interleaved benchmark class by
 * benchmark class (Weir, then Flink, then the next class; then the next repetition), each in JMH's
 * own forked JVM with the same JMH options and heap. Prints a Markdown table of CPU nanoseconds per
 * record and wall nanoseconds per operation with the ratios Flink / Weir (above 1: Weir is faster),
 * and writes it to {@code --out}. JMH's output of every run goes to a log file beside it.
 */
@Command(name = "compare-suite", mixinStandardHelpOptions = true,
        description = {"Runs the same-program suite on Weir and on the Flink twin harness, interleaved, and prints "
                + "the comparison table.",
                "Example: bin/weir bench compare-suite --flink anchors/flink-benchmarks --benchmarks WindowBenchmarks"})
final class SuiteCompareCommand implements Callable<Integer> {
    /** The suite's benchmark classes; both harnesses have each under the same simple name. */
    static final List<String> SUITE = List.of("WindowBenchmarks", "KeyByBenchmarks", "TwoInputBenchmark", "MultipleInputBenchmark",
            "ProcessingTimerBenchmark", "AsyncWaitOperatorBenchmark", "InputBenchmark",
            "SerializationFrameworkMiniBenchmarks", "MemoryStateBackendBenchmark", "RocksStateBackendBenchmark",
            "ContinuousFileReaderOperatorBenchmark", "SortingBoundedInputBenchmarks");

    @Option(names = "--flink", required = true, paramLabel = "DIR",
            description = "The Flink twin harness, built (its target/classes and target/classpath.txt exist).")
    Path flinkDir;

    @Option(names = "--benchmarks", split = ",", paramLabel = "CLASS",
            description = "Benchmark classes to compare (default: the whole suite, ${DEFAULT-VALUE}).")
    List<String> benchmarks = SUITE;

    @Option(names = "--runs", defaultValue = "1",
            description = "Repetitions of the whole interleaved sequence (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--jmh", defaultValue = "-f 1 -wi 1 -w 1 -i 3 -r 1", paramLabel = "OPTIONS",
            description = "JMH options for both engines, space-separated (default \"${DEFAULT-VALUE}\").")
    String jmhOptions;

    @Option(names = "--heap", defaultValue = "2g", description = "Maximum heap of both engines' JVMs (default ${DEFAULT-VALUE}).")
    String heap;

    @Option(names = "--out", defaultValue = "bench-results/compare-suite.md",
            description = "Where the Markdown table is written (default ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws Exception {
        Path flinkClasspath = flinkDir.resolve("target/classpath.txt");
        if (!Files.isRegularFile(flinkClasspath) || !Files.isDirectory(flinkDir.resolve("target/classes"))) {
            throw new IllegalArgumentException("The Flink twin harness in " + flinkDir + " is not built: run "
                    + "`mvn -q package -DskipTests` there (it writes target/classpath.txt) first");
        }
        for (String benchmark : benchmarks) {
            if (!SUITE.contains(benchmark)) {
                throw new IllegalArgumentException("Unknown suite benchmark '" + benchmark + "'; the suite has " + SUITE);
            }
        }
        String weirClasspath = System.getProperty("java.class.path");
        String flinkClasses = flinkDir.resolve("target/classes") + File.pathSeparator
                + Files.readString(flinkClasspath, StandardCharsets.UTF_8).trim();
        Path logs = logDirectory();
        Map<String, List<JmhCsv.Result>> weir = new LinkedHashMap<>();
        Map<String, List<JmhCsv.Result>> flink = new LinkedHashMap<>();
        List<String> loads = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            for (String benchmark : benchmarks) {
                collect(weir, runJmh("weir", benchmark, run, weirClasspath,
                        "^io\\.weir\\.bench\\.jmh\\.(suite\\.)?" + benchmark + "\\.", logs));
                collect(flink, runJmh("flink", benchmark, run, flinkClasses, "^anchor\\.suite\\." + benchmark + "\\.", logs));
                loads.add(CompareCommand.load());
            }
        }
        String table = table(weir, flink, loads);
        System.out.println();
        System.out.println(table);
        Files.writeString(out, table, StandardCharsets.UTF_8);
        System.out.println("Table written to " + out + "; JMH's output of each run is in " + logs);
        return 0;
    }

    private Path logDirectory() throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        Path logs = parent.resolve("compare-suite-logs");
        Files.createDirectories(logs);
        return logs;
    }

    private static void collect(Map<String, List<JmhCsv.Result>> into, Map<String, JmhCsv.Result> results) {
        results.forEach((name, result) -> into.computeIfAbsent(name, k -> new ArrayList<>()).add(result));
    }

    /** One JMH invocation in its own JVM; JMH forks the measured JVMs from it with the same options. */
    private Map<String, JmhCsv.Result> runJmh(String engine, String benchmark, int run, String classpath, String include,
            Path logs) throws IOException, InterruptedException {
        Path csv = logs.resolve(engine + "-" + benchmark + "-" + run + ".csv");
        Path log = logs.resolve(engine + "-" + benchmark + "-" + run + ".log");
        Files.deleteIfExists(csv);
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-Djmh.ignoreLock=true", "-cp", classpath, "org.openjdk.jmh.Main"));
        command.addAll(List.of(jmhOptions.trim().split("\\s+")));
        // JMH forks its measured JVMs with this JVM's options, the heap among them
        command.addAll(List.of("-rf", "csv", "-rff", csv.toString(), include));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        int exit = process.waitFor();
        if (exit != 0 || !Files.isRegularFile(csv)) {
            throw new IllegalStateException(engine + "'s JMH run of " + benchmark + " failed (exit " + exit
                    + "); its output is in " + log);
        }
        Map<String, JmhCsv.Result> results = JmhCsv.parse(Files.readAllLines(csv, StandardCharsets.UTF_8));
        System.out.printf(Locale.ROOT, "%-5s %-28s run %d: %d results in %.0f s, load %s%n", engine, benchmark, run,
                results.size(), (System.nanoTime() - start) / 1e9, CompareCommand.load());
        return results;
    }

    /** The comparison: medians over the runs of each benchmark both engines reported. */
    String table(Map<String, List<JmhCsv.Result>> weir, Map<String, List<JmhCsv.Result>> flink, List<String> loads) {
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "Weir vs Apache Flink, same-program suite, JMH `%s`, -Xmx%s, %d interleaved "
                + "run(s); medians over the runs. Measured %s on %d CPUs, load average after each pair %s.%n%n",
                jmhOptions, heap, runs, Instant.now().truncatedTo(ChronoUnit.SECONDS),
                Runtime.getRuntime().availableProcessors(), String.join(", ", loads)));
        t.append(String.format(Locale.ROOT, "Reproduce: bin/weir bench compare-suite --flink DIR --benchmarks %s --runs %d "
                + "--jmh \"%s\" --heap %s%n%n", String.join(",", benchmarks), runs, jmhOptions, heap));
        t.append("Flink / Weir above 1 means Weir is faster. CPU per record leaves out the JIT compiler threads' "
                + "time, which the last column shows as a share of each engine's CPU time; the column \"with JIT\" "
                + "is the ratio of the whole JVM's CPU time per record.\n\n");
        t.append("| benchmark | Weir CPU ns/record | Flink CPU ns/record | Flink / Weir (CPU) | Flink / Weir (CPU with JIT) "
                + "| Weir wall ns/op | Flink wall ns/op | Flink / Weir (wall) | JIT % Weir / Flink |\n");
        t.append("|---|---|---|---|---|---|---|---|---|\n");
        double logSum = 0;
        double logSumWithJit = 0;
        int compared = 0;
        double lowest = Double.POSITIVE_INFINITY;
        double lowestWithJit = Double.POSITIVE_INFINITY;
        List<String> oneSided = new ArrayList<>();
        for (Map.Entry<String, List<JmhCsv.Result>> e : weir.entrySet()) {
            List<JmhCsv.Result> f = flink.get(e.getKey());
            if (f == null) {
                oneSided.add(e.getKey() + " (Weir only)");
                continue;
            }
            double weirCpu = median(e.getValue(), JmhCsv.Result::cpuNanosPerRecord);
            double flinkCpu = median(f, JmhCsv.Result::cpuNanosPerRecord);
            double weirWall = median(e.getValue(), JmhCsv.Result::wallNanosPerOp);
            double flinkWall = median(f, JmhCsv.Result::wallNanosPerOp);
            double cpuRatio = flinkCpu / weirCpu;
            double withJitRatio = median(f, JmhCsv.Result::cpuWithJitNanosPerRecord)
                    / median(e.getValue(), JmhCsv.Result::cpuWithJitNanosPerRecord);
            t.append(String.format(Locale.ROOT, "| `%s` | %,.0f | %,.0f | %.2f | %.2f | %,.0f | %,.0f | %.2f | %.0f / %.0f |%n",
                    e.getKey(), weirCpu, flinkCpu, cpuRatio, withJitRatio, weirWall, flinkWall, flinkWall / weirWall,
                    100 * median(e.getValue(), JmhCsv.Result::jitShare), 100 * median(f, JmhCsv.Result::jitShare)));
            if (!Double.isNaN(cpuRatio)) {
                logSum += Math.log(cpuRatio);
                logSumWithJit += Math.log(withJitRatio);
                compared++;
                lowest = Math.min(lowest, cpuRatio);
                lowestWithJit = Math.min(lowestWithJit, withJitRatio);
            }
        }
        flink.keySet().stream().filter(name -> !weir.containsKey(name)).forEach(name -> oneSided.add(name + " (Flink only)"));
        if (compared > 0) {
            t.append(String.format(Locale.ROOT, "%nGeometric mean of Flink / Weir (CPU) over %d benchmarks: %.2f; lowest "
                    + "%.2f (with JIT: %.2f; lowest %.2f). The bar of issue 9 (at least 1.5 on every benchmark, "
                    + "with and without the JIT's time): %s.%n", compared,
                    Math.exp(logSum / compared), lowest, Math.exp(logSumWithJit / compared), lowestWithJit,
                    lowest >= 1.5 && lowestWithJit >= 1.5 ? "met" : "NOT met"));
        }
        if (!oneSided.isEmpty()) {
            t.append(String.format(Locale.ROOT, "%nNot compared (one engine only): %s.%n", String.join(", ", oneSided)));
        }
        return t.toString();
    }

    private static double median(List<JmhCsv.Result> results, java.util.function.ToDoubleFunction<JmhCsv.Result> figure) {
        double[] values = results.stream().mapToDouble(figure).sorted().toArray();
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
