package io.weir.bench;

import io.weir.bench.nexmark.NexmarkConfig;
import io.weir.bench.nexmark.NexmarkRun;
import io.weir.bench.nexmark.query.GeneratorOnly;
import io.weir.bench.nexmark.query.NexmarkQueries;
import io.weir.bench.nexmark.query.Q0;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench compare}: Weir against the Apache Flink anchor harness in one session, interleaved
 * run by run (Weir then Flink for each query and parallelism, then the next repetition), with the
 * same events, seed, event-time rate, heap and parallelism, one fresh JVM per run on both sides.
 * Prints a Markdown table of medians (min-max) and the ratio Weir / Flink, plus the generator-only
 * ceiling and the startup figure of both, and writes the table to {@code --out}.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Runs Weir and the Flink anchor harness interleaved and prints the comparison table.",
                "Example: bin/weir bench compare --flink ../shared/anchors/flink-nexmark --runs 2"})
final class CompareCommand implements Callable<Integer> {
    @Option(names = "--flink", required = true, paramLabel = "DIR",
            description = "The Flink anchor harness, built (its target/classpath.txt exists: ./run.sh build).")
    Path flinkDir;

    @Option(names = "--query", split = ",", defaultValue = "q0,q1,q2", paramLabel = "NAME",
            description = "Queries to compare (default ${DEFAULT-VALUE}).")
    List<String> queries;

    @Option(names = "--events", defaultValue = "5000000", description = "Events per run (default ${DEFAULT-VALUE}).")
    long events;

    @Option(names = "--parallelism", split = ",", defaultValue = "1,2", paramLabel = "P",
            description = "Parallelism values (default ${DEFAULT-VALUE}).")
    List<Integer> parallelisms;

    @Option(names = "--runs", defaultValue = "2", description = "Repetitions per query and parallelism (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--startup-runs", defaultValue = "3", description = "Trivial-job runs per engine (default ${DEFAULT-VALUE}).")
    int startupRuns;

    @Option(names = "--heap", defaultValue = "4g", description = "Maximum heap of every JVM, both engines (default ${DEFAULT-VALUE}).")
    String heap;

    @Option(names = "--results", defaultValue = "bench-results/nexmark.csv",
            description = "CSV file Weir's runs are appended to (default ${DEFAULT-VALUE}).")
    Path resultsFile;

    @Option(names = "--out", defaultValue = "bench-results/compare-flink.md",
            description = "Where the Markdown table is written (default ${DEFAULT-VALUE}).")
    Path out;

    private static final long SEED = NexmarkConfig.DEFAULT_SEED;
    private static final long TPS = NexmarkConfig.DEFAULT_EVENTS_PER_SECOND;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(flinkDir.resolve("target/classpath.txt"))) {
            throw new IllegalArgumentException("The Flink harness in " + flinkDir + " is not built: run ./run.sh build "
                    + "there (or in a writable copy of it) first");
        }
        for (String query : queries) {
            NexmarkQueries.byName(query);
        }
        ForkedJvm weir = new ForkedJvm(heap, List.of());
        ResultsCsv csv = new ResultsCsv(resultsFile);
        String commit = ResultsCsv.currentCommit();
        Map<String, Samples> weirRate = new LinkedHashMap<>();
        Map<String, Samples> flinkRate = new LinkedHashMap<>();
        Map<String, Samples> ceiling = new LinkedHashMap<>();
        CpuSamples cpu = new CpuSamples(new LinkedHashMap<>(), new LinkedHashMap<>(), new Samples(), new Samples());
        for (int run = 1; run <= runs; run++) {
            for (int p : parallelisms) {
                ceiling.computeIfAbsent("p" + p, k -> new Samples()).add(
                        runWeir(weir, csv, commit, new GeneratorOnly(), p).eventsPerSecond());
            }
            for (String query : queries) {
                for (int p : parallelisms) {
                    String key = query + " p" + p;
                    Run w = runWeir(weir, csv, commit, NexmarkQueries.byName(query), p);
                    weirRate.computeIfAbsent(key, k -> new Samples()).add(w.eventsPerSecond());
                    cpu.weir().computeIfAbsent(key, k -> new Samples()).add(w.cpuSeconds());
                    Run f = runFlink(query, events, p);
                    flinkRate.computeIfAbsent(key, k -> new Samples()).add(f.eventsPerSecond());
                    cpu.flink().computeIfAbsent(key, k -> new Samples()).add(f.cpuSeconds());
                }
            }
        }
        Samples weirStartup = new Samples();
        Samples flinkStartup = new Samples();
        for (int run = 0; run < startupRuns; run++) {
            ForkedJvm.Outcome trivial = weir.runNexmark(
                    new NexmarkRun.Spec(new Q0(), NexmarkConfig.defaults(), StartupCommand.EVENTS, 1, null, false));
            weirStartup.add(trivial.processSeconds());
            cpu.weirTrivial().add(trivial.seconds("cpu_ms"));
            System.out.printf(Locale.ROOT, "weir  startup: process %.3f s%n", trivial.processSeconds());
            Run f = runFlink("q0", StartupCommand.EVENTS, 1);
            flinkStartup.add(f.processSeconds());
            cpu.flinkTrivial().add(f.cpuSeconds());
        }
        String table = table(weirRate, flinkRate, ceiling, weirStartup, flinkStartup) + cpuTable(cpu);
        System.out.println();
        System.out.println(table);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, table, StandardCharsets.UTF_8);
        System.out.println("Table written to " + out + "; Weir's runs appended to " + csv.file());
        return 0;
    }

    private Run runWeir(ForkedJvm jvm, ResultsCsv csv, String commit, io.weir.bench.nexmark.query.NexmarkQuery<?> query,
            int p) throws Exception {
        Instant start = Instant.now();
        ForkedJvm.Outcome outcome = jvm.runNexmark(
                new NexmarkRun.Spec(query, NexmarkConfig.defaults(), events, p, null, true));
        double jobSeconds = outcome.seconds("job_ms");
        double rate = events / jobSeconds;
        System.out.printf(Locale.ROOT, "weir  %-15s p=%d %,12.0f events/s  job %.3f s  process %.3f s  load %s%n",
                query.name(), p, rate, jobSeconds, outcome.processSeconds(), load());
        csv.append(new ResultsCsv.Row(start, query.name(), p, events, SEED, TPS, jobSeconds, rate,
                outcome.processSeconds(), outcome.seconds("gc_ms"), commit));
        return new Run(rate, outcome.seconds("cpu_ms"), outcome.processSeconds());
    }

    /**
     * One run of either engine: events / job net runtime, the process's CPU seconds from job
     * submission to its end (all threads), and the wall seconds of the whole process.
     */
    record Run(double eventsPerSecond, double cpuSeconds, double processSeconds) {
    }

    /**
     * CPU seconds per query and parallelism, and of the trivial job, for both engines. Unlike wall
     * time, CPU time hardly depends on what else the machine runs.
     */
    record CpuSamples(Map<String, Samples> weir, Map<String, Samples> flink, Samples weirTrivial,
            Samples flinkTrivial) {
    }

    /** One fresh JVM of the harness: {@code jrun.sh bench <q> <events> <p> <seed> <tps>}. */
    private Run runFlink(String query, long n, int p) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(flinkDir.resolve("jrun.sh").toString(), "bench", query,
                Long.toString(n), Integer.toString(p), Long.toString(SEED), Long.toString(TPS))
                .directory(flinkDir.toFile()).redirectErrorStream(true);
        builder.environment().put("HEAP", "-Xmx" + heap);
        long start = System.nanoTime();
        Process process = builder.start();
        String result = null;
        List<String> output = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.startsWith("RESULT ")) {
                    result = line;
                } else if (output.size() < 200) {
                    output.add(line);
                }
            }
        }
        int exit = process.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (exit != 0 || result == null) {
            output.forEach(System.out::println);
            throw new IllegalStateException("The Flink harness failed on " + query + " p=" + p + " (exit " + exit + ")");
        }
        double rate = Double.parseDouble(field(result, "events_per_s"));
        System.out.printf(Locale.ROOT, "flink %-15s p=%d %,12.0f events/s  job %s s  process %.3f s  load %s%n",
                query, p, rate, field(result, "net_runtime_s"), seconds, load());
        return new Run(rate, Double.parseDouble(field(result, "job_cpu_s")), seconds);
    }

    /** The value of {@code key=value} in a line of space-separated pairs, such as the harness's RESULT line. */
    static String field(String line, String key) {
        for (String part : line.split(" ")) {
            if (part.startsWith(key + "=")) {
                return part.substring(key.length() + 1);
            }
        }
        throw new IllegalStateException("No " + key + " in the harness's line: " + line);
    }

    /** The one-minute load average, or "?" where the system does not say. */
    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    String table(Map<String, Samples> weirRate, Map<String, Samples> flinkRate, Map<String, Samples> ceiling,
            Samples weirStartup, Samples flinkStartup) {
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "Weir vs Apache Flink (anchor harness), %,d events, seed %d, %,d events/s "
                + "of event time, -Xmx%s, fresh JVM per run, %d interleaved runs; median (min-max), events/s = events "
                + "/ job net runtime. Measured %s on %d CPUs, load average %s at the end.%n%n", events, SEED, TPS, heap,
                runs, Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                Runtime.getRuntime().availableProcessors(), load()));
        t.append(String.format(Locale.ROOT, "Reproduce: bin/weir bench compare --flink DIR --query %s --events %d "
                + "--parallelism %s --runs %d --startup-runs %d --heap %s%n%n", String.join(",", queries), events,
                parallelisms.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",")), runs,
                startupRuns, heap));
        t.append("| query | p | Weir events/s | Flink events/s | Weir / Flink | Weir / generator-only |\n");
        t.append("|---|---|---|---|---|---|\n");
        for (Map.Entry<String, Samples> e : weirRate.entrySet()) {
            String[] qp = e.getKey().split(" p");
            Samples w = e.getValue();
            Samples f = flinkRate.get(e.getKey());
            Samples g = ceiling.get("p" + qp[1]);
            t.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %.2f | %.0f%% |%n", qp[0], qp[1], w.cell(), f.cell(),
                    w.median() / f.median(), 100 * w.median() / g.median()));
        }
        for (Map.Entry<String, Samples> e : ceiling.entrySet()) {
            t.append(String.format(Locale.ROOT, "| generator-only | %s | %s | | | |%n", e.getKey().substring(1),
                    e.getValue().cell()));
        }
        t.append(String.format(Locale.ROOT, "%nTrivial job (q0, 1,000 events, p=1), whole-process seconds: Weir %s, "
                + "Flink %s (%d runs each).%n", weirStartup.cell("%.3f"), flinkStartup.cell("%.2f"), startupRuns));
        t.append(String.format(Locale.ROOT, "%nThe bar (issue 4) on these medians:%n"));
        double worstRatio = Double.POSITIVE_INFINITY;
        double worstCeiling = Double.POSITIVE_INFINITY;
        for (Map.Entry<String, Samples> e : weirRate.entrySet()) {
            String[] qp = e.getKey().split(" p");
            worstRatio = Math.min(worstRatio, e.getValue().median() / flinkRate.get(e.getKey()).median());
            if (qp[0].equals("q0")) {
                worstCeiling = Math.min(worstCeiling, e.getValue().median() / ceiling.get("p" + qp[1]).median());
            }
        }
        t.append(bar("every query >= 1.5x Flink (goal 3x)", String.format(Locale.ROOT, "lowest %.2fx", worstRatio),
                worstRatio >= 1.5));
        if (worstCeiling != Double.POSITIVE_INFINITY) {
            t.append(bar("q0 >= 70% of generator-only", String.format(Locale.ROOT, "lowest %.0f%%", 100 * worstCeiling),
                    worstCeiling >= 0.7));
        }
        t.append(bar("trivial job < 1 s whole process (goal 0.5 s)",
                String.format(Locale.ROOT, "%.3f s", weirStartup.median()), weirStartup.median() < 1.0));
        return t.toString();
    }

    /**
     * Events per CPU-second of each engine, net of its fixed cost: each run's CPU seconds minus the
     * median CPU seconds of that engine's trivial job over the same span (cluster start, job
     * submission; for Flink also SQL planning and code generation), as the harness's RESULTS.md does.
     */
    String cpuTable(CpuSamples cpu) {
        double weirFixed = cpu.weirTrivial().median();
        double flinkFixed = cpu.flinkTrivial().median();
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "%nEvents per CPU-second (less sensitive to other load than events/s): "
                + "events / (job CPU seconds - the engine's trivial-job CPU seconds, Weir %.2f s, Flink %.2f s).%n%n",
                weirFixed, flinkFixed));
        t.append("| query | p | Weir events/CPU-s | Flink events/CPU-s | Weir / Flink |\n");
        t.append("|---|---|---|---|---|\n");
        for (Map.Entry<String, Samples> e : cpu.weir().entrySet()) {
            String[] qp = e.getKey().split(" p");
            Samples w = e.getValue().perSecond(events, weirFixed);
            Samples f = cpu.flink().get(e.getKey()).perSecond(events, flinkFixed);
            t.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %.2f |%n", qp[0], qp[1], w.cell(), f.cell(),
                    w.median() / f.median()));
        }
        return t.toString();
    }

    private static String bar(String requirement, String measured, boolean met) {
        return String.format(Locale.ROOT, "- %s: %s, %s%n", requirement, measured, met ? "met" : "NOT met");
    }

    /** Measurements of one cell. */
    static final class Samples {
        private final List<Double> values = new ArrayList<>();

        void add(double value) {
            values.add(value);
        }

        /** {@code events / (value - fixedSeconds)} of each value: a rate net of a fixed cost. */
        Samples perSecond(long events, double fixedSeconds) {
            Samples rates = new Samples();
            for (double seconds : values) {
                rates.add(events / (seconds - fixedSeconds));
            }
            return rates;
        }

        double median() {
            List<Double> sorted = new ArrayList<>(values);
            sorted.sort(null);
            int n = sorted.size();
            return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        }

        String cell() {
            return cell("%,.0f");
        }

        String cell(String format) {
            List<Double> sorted = new ArrayList<>(values);
            sorted.sort(null);
            if (sorted.size() == 1) {
                return String.format(Locale.ROOT, format, sorted.get(0));
            }
            return String.format(Locale.ROOT, format + " (" + format + "-" + format + ")", median(), sorted.get(0),
                    sorted.get(sorted.size() - 1));
        }
    }
}
