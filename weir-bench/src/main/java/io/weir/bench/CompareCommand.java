package io.weir.bench;

import io.weir.bench.nexmark.NexmarkConfig;
import io.weir.bench.nexmark.NexmarkRun;
import io.weir.bench.nexmark.query.GeneratorOnly;
import io.weir.bench.nexmark.query.NexmarkQueries;
import io.weir.bench.nexmark.query.Q0;
import io.weir.bench.nexmark.sql.NexmarkSqlQueries;
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
 * The harness runs the Nexmark SQL files; Weir runs its DataStream jobs ({@code --api datastream}),
 * the same SQL files ({@code --api sql}) or both. Prints a Markdown table of medians (min-max) and
 * the ratio Weir / Flink, plus the generator-only ceiling, the startup figure of both and, for SQL,
 * the planning time, and writes the tables to {@code --out}.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Runs Weir and the Flink anchor harness interleaved and prints the comparison table.",
                "Example: bin/weir bench compare --flink ../shared/anchors/flink-nexmark --runs 2",
                "         bin/weir bench compare --flink /tmp/flink-nexmark --api sql --query q0,q4 --parallelism 1"})
final class CompareCommand implements Callable<Integer> {
    @Option(names = "--flink", required = true, paramLabel = "DIR",
            description = "The Flink anchor harness, built (its target/classpath.txt exists: ./run.sh build).")
    Path flinkDir;

    @Option(names = "--query", split = ",", defaultValue = "q0,q1,q2", paramLabel = "NAME",
            description = "Queries to compare (default ${DEFAULT-VALUE}).")
    List<String> queries;

    @Option(names = "--api", split = ",", defaultValue = "datastream", paramLabel = "API",
            description = "What Weir runs against Flink's SQL: datastream (its DataStream jobs), sql (the same Nexmark "
                    + "SQL files Flink runs) or datastream,sql (both, interleaved) (default ${DEFAULT-VALUE}).")
    List<String> apis = new ArrayList<>(List.of(DATASTREAM));

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

    @Option(names = "--weir-launcher", paramLabel = "FILE",
            description = "The bin/weir that times the trivial `bin/weir sql -f` job of --api sql (default: the one of "
                    + "the distribution this runs from).")
    Path launcher;

    @Option(names = "--results", defaultValue = "bench-results/nexmark.csv",
            description = "CSV file Weir's runs are appended to (default ${DEFAULT-VALUE}).")
    Path resultsFile;

    @Option(names = "--out", defaultValue = "bench-results/compare-flink.md",
            description = "Where the Markdown table is written (default ${DEFAULT-VALUE}).")
    Path out;

    static final String DATASTREAM = "datastream";
    static final String SQL = "sql";
    /** Suffix of the label of a query's SQL run, as in the results CSV of {@code bench nexmark}. */
    static final String SQL_SUFFIX = "-sql";
    /** The queries whose goal is 5x Flink SQL (issue 10). */
    static final List<String> SQL_GOAL_QUERIES = List.of("q4", "q5", "q7");

    private static final long SEED = NexmarkConfig.DEFAULT_SEED;
    private static final long TPS = NexmarkConfig.DEFAULT_EVENTS_PER_SECOND;

    @Override
    public Integer call() throws Exception {
        validate();
        Path weirLauncher = apis.contains(SQL) ? sqlClientLauncher() : null;
        if (apis.contains(SQL) && weirLauncher == null) {
            System.out.println("The trivial `bin/weir sql -f` job is not timed: no bin/weir next to the jars this runs "
                    + "from; pass --weir-launcher weir-dist/target/weir-<version>/bin/weir to time it.");
        }
        ForkedJvm weir = new ForkedJvm(heap, List.of());
        ResultsCsv csv = new ResultsCsv(resultsFile);
        String commit = ResultsCsv.currentCommit();
        Results results = new Results();
        for (int run = 1; run <= runs; run++) {
            for (int p : parallelisms) {
                Results.cell(results.ceiling, "p" + p).add(
                        runWeir(weir, csv, commit, new GeneratorOnly(), p, false).eventsPerSecond());
            }
            for (String query : queries) {
                for (int p : parallelisms) {
                    for (String api : apis) {
                        boolean sql = api.equals(SQL);
                        String key = label(query, sql) + " p" + p;
                        Run w = runWeir(weir, csv, commit, NexmarkQueries.byName(query), p, sql);
                        Results.cell(results.weirRate, key).add(w.eventsPerSecond());
                        Results.cell(results.weirCpu, key).add(w.cpuSeconds());
                        if (sql) {
                            Results.cell(results.weirPlan, key).add(w.planSeconds());
                            Results.cell(results.weirOverhead, key).add(w.overheadSeconds());
                        }
                    }
                    String key = query + " p" + p;
                    Run f = runFlink(query, events, p);
                    Results.cell(results.flinkRate, key).add(f.eventsPerSecond());
                    Results.cell(results.flinkCpu, key).add(f.cpuSeconds());
                    Results.cell(results.flinkOverhead, key).add(f.overheadSeconds());
                }
            }
        }
        Path trivialScript = null;
        if (weirLauncher != null) {
            trivialScript = Files.createTempFile("weir-trivial-", ".sql");
            Files.writeString(trivialScript, NexmarkSqlQueries.script("q0", NexmarkConfig.defaults(), StartupCommand.EVENTS));
        }
        try {
            for (int run = 0; run < startupRuns; run++) {
                NexmarkRun.Spec trivial =
                        new NexmarkRun.Spec(new Q0(), NexmarkConfig.defaults(), StartupCommand.EVENTS, 1, null, false);
                if (apis.contains(DATASTREAM)) {
                    ForkedJvm.Outcome outcome = weir.runNexmark(trivial);
                    results.weirStartup.add(outcome.processSeconds());
                    results.weirTrivialCpu.add(outcome.seconds("cpu_ms"));
                    System.out.printf(Locale.ROOT, "weir  startup: process %.3f s%n", outcome.processSeconds());
                }
                if (apis.contains(SQL)) {
                    ForkedJvm.Outcome outcome = weir.runNexmark(trivial.withSql(true));
                    results.weirSqlTrivialCpu.add(outcome.seconds("cpu_ms"));
                    if (weirLauncher != null) {
                        double seconds = runSqlClient(weirLauncher, trivialScript);
                        results.weirSqlStartup.add(seconds);
                        System.out.printf(Locale.ROOT, "weir  startup: bin/weir sql -f, process %.3f s%n", seconds);
                    }
                }
                Run f = runFlink("q0", StartupCommand.EVENTS, 1);
                results.flinkStartup.add(f.processSeconds());
                results.flinkTrivialCpu.add(f.cpuSeconds());
            }
        } finally {
            if (trivialScript != null) {
                Files.deleteIfExists(trivialScript);
            }
        }
        String table = table(results) + planningTable(results) + cpuTable(results);
        System.out.println();
        System.out.println(table);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, table, StandardCharsets.UTF_8);
        System.out.println("Table written to " + out + "; Weir's runs appended to " + csv.file());
        return 0;
    }

    /** Checks the options before any run, so a mistake costs nothing. */
    void validate() {
        if (!Files.isRegularFile(flinkDir.resolve("target/classpath.txt"))) {
            throw new IllegalArgumentException("The Flink harness in " + flinkDir + " is not built: run ./run.sh build "
                    + "there (or in a writable copy of it) first");
        }
        if (apis.isEmpty() || apis.stream().distinct().count() != apis.size()) {
            throw new IllegalArgumentException("--api takes datastream, sql or datastream,sql, not " + apis);
        }
        for (String api : apis) {
            if (!api.equals(DATASTREAM) && !api.equals(SQL)) {
                throw new IllegalArgumentException("--api takes datastream and sql, not '" + api + "'");
            }
        }
        if (events <= 0 || runs <= 0 || startupRuns <= 0) {
            throw new IllegalArgumentException("--events, --runs and --startup-runs must be positive");
        }
        for (int p : parallelisms) {
            if (p <= 0) {
                throw new IllegalArgumentException("--parallelism must be positive, got " + p);
            }
        }
        for (String query : queries) {
            NexmarkQueries.byName(query);
            if (query.equals("generator-only")) {
                throw new IllegalArgumentException("generator-only is always run as the ceiling; the harness has no such "
                        + "query, so leave it out of --query");
            }
            if (query.equals("q12")) {
                throw new IllegalArgumentException("q12 counts bids per processing-time window: its result depends on "
                        + "the wall clock, so no run can be compared with another (and the Flink harness has no q12); "
                        + "run it with bench nexmark --query q12 [--api sql]");
            }
            // The harness runs the SQL files, whatever Weir runs.
            if (!NexmarkSqlQueries.NAMES.contains(query)) {
                throw new IllegalArgumentException(query + " has no SQL file, so neither the Flink harness nor --api sql "
                        + "can run it; the queries to compare are " + NexmarkSqlQueries.NAMES);
            }
        }
        if (launcher != null && !Files.isExecutable(launcher)) {
            throw new IllegalArgumentException("--weir-launcher " + launcher + " is not an executable file; give the "
                    + "distribution's bin/weir (weir-dist/target/weir-<version>/bin/weir)");
        }
    }

    /** The row label of a query: its name, with {@value #SQL_SUFFIX} for its SQL run. */
    static String label(String query, boolean sql) {
        return sql ? query + SQL_SUFFIX : query;
    }

    /** --weir-launcher, or the bin/weir of the distribution whose lib/ holds this class's jar, or null. */
    private Path sqlClientLauncher() {
        if (launcher != null) {
            return launcher;
        }
        try {
            Path jar = Path.of(CompareCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path candidate = jar.getParent().resolveSibling("bin").resolve("weir");
            return Files.isRegularFile(jar) && Files.isExecutable(candidate) ? candidate : null;
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    private Run runWeir(ForkedJvm jvm, ResultsCsv csv, String commit, io.weir.bench.nexmark.query.NexmarkQuery<?> query,
            int p, boolean sql) throws Exception {
        Instant start = Instant.now();
        ForkedJvm.Outcome outcome = jvm.runNexmark(
                new NexmarkRun.Spec(query, NexmarkConfig.defaults(), events, p, null, true).withSql(sql));
        double jobSeconds = outcome.seconds("job_ms");
        double rate = events / jobSeconds;
        String label = label(query.name(), sql);
        String planning = sql ? String.format(Locale.ROOT, "  planning %.3f s", outcome.seconds("plan_ms")) : "";
        System.out.printf(Locale.ROOT, "weir  %-15s p=%d %,12.0f events/s  job %.3f s  process %.3f s%s  load %s%n",
                label, p, rate, jobSeconds, outcome.processSeconds(), planning, load());
        csv.append(new ResultsCsv.Row(start, label, p, events, SEED, TPS, jobSeconds, rate,
                outcome.processSeconds(), outcome.seconds("gc_ms"), commit));
        return new Run(rate, outcome.seconds("cpu_ms"), outcome.processSeconds(), outcome.seconds("plan_ms"),
                outcome.seconds("submit_ms") - jobSeconds);
    }

    /**
     * One run of either engine: events / job net runtime, the process's CPU seconds from job
     * submission to its end (all threads), the wall seconds of the whole process, the planning
     * seconds (Weir's SQL runs: executeSql of the INSERT until the job is submitted; NaN where not
     * measured) and the seconds from submission to the job's result that are not the job's net
     * runtime (planning, code generation, starting the local cluster).
     */
    record Run(double eventsPerSecond, double cpuSeconds, double processSeconds, double planSeconds,
            double overheadSeconds) {
    }

    /**
     * Everything one session measured, cell by cell, keyed {@code "<label> p<parallelism>"} (Weir's
     * SQL runs labelled {@code <query>-sql}, Flink's by the query alone) or {@code "p<parallelism>"}
     * for the generator-only ceiling. CPU seconds, unlike wall time, hardly depend on what else the
     * machine runs.
     */
    static final class Results {
        final Map<String, Samples> weirRate = new LinkedHashMap<>();
        final Map<String, Samples> flinkRate = new LinkedHashMap<>();
        final Map<String, Samples> ceiling = new LinkedHashMap<>();
        final Map<String, Samples> weirCpu = new LinkedHashMap<>();
        final Map<String, Samples> flinkCpu = new LinkedHashMap<>();
        final Map<String, Samples> weirPlan = new LinkedHashMap<>();
        final Map<String, Samples> weirOverhead = new LinkedHashMap<>();
        final Map<String, Samples> flinkOverhead = new LinkedHashMap<>();
        final Samples weirStartup = new Samples();
        final Samples weirSqlStartup = new Samples();
        final Samples flinkStartup = new Samples();
        final Samples weirTrivialCpu = new Samples();
        final Samples weirSqlTrivialCpu = new Samples();
        final Samples flinkTrivialCpu = new Samples();

        static Samples cell(Map<String, Samples> cells, String key) {
            return cells.computeIfAbsent(key, k -> new Samples());
        }
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
        double net = Double.parseDouble(field(result, "net_runtime_s"));
        double submitToFinish = Double.parseDouble(field(result, "submit_to_finish_s"));
        System.out.printf(Locale.ROOT, "flink %-15s p=%d %,12.0f events/s  job %.3f s  process %.3f s  load %s%n",
                query, p, rate, net, seconds, load());
        return new Run(rate, Double.parseDouble(field(result, "job_cpu_s")), seconds, Double.NaN, submitToFinish - net);
    }

    /**
     * The whole-process seconds of {@code bin/weir sql -f script}, the launcher script included, as a
     * user starts a SQL job; the client waits for the script's INSERT job.
     */
    private double runSqlClient(Path weirLauncher, Path script) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(weirLauncher.toString(), "sql", "-f", script.toString())
                .redirectErrorStream(true);
        String options = builder.environment().getOrDefault("WEIR_JAVA_OPTS", "");
        builder.environment().put("WEIR_JAVA_OPTS", (options + " -Xmx" + heap).strip());
        long start = System.nanoTime();
        Process process = builder.start();
        List<String> output = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                if (output.size() < 200) {
                    output.add(line);
                }
            }
        }
        int exit = process.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (exit != 0) {
            output.forEach(System.out::println);
            throw new IllegalStateException(weirLauncher + " sql -f " + script + " failed (exit " + exit + "); its output "
                    + "is above");
        }
        return seconds;
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

    /** The query of a row key: {@code "q4-sql p1"} gives {@code q4}. */
    private static String queryOf(String key) {
        String label = key.substring(0, key.lastIndexOf(" p"));
        return label.endsWith(SQL_SUFFIX) ? label.substring(0, label.length() - SQL_SUFFIX.length()) : label;
    }

    private static boolean isSql(String key) {
        return key.substring(0, key.lastIndexOf(" p")).endsWith(SQL_SUFFIX);
    }

    private static String parallelismOf(String key) {
        return key.substring(key.lastIndexOf(" p") + 2);
    }

    /** How a row names its query: with "(SQL)" when both APIs are in the table. */
    private String rowName(String key) {
        return isSql(key) && apis.size() > 1 ? queryOf(key) + " (SQL)" : queryOf(key);
    }

    private String title() {
        if (apis.equals(List.of(SQL))) {
            return "Weir SQL vs Apache Flink SQL (anchor harness; both run the same Nexmark SQL files)";
        }
        if (apis.equals(List.of(DATASTREAM))) {
            return "Weir vs Apache Flink (anchor harness)";
        }
        return "Weir (DataStream jobs and SQL files) vs Apache Flink SQL (anchor harness)";
    }

    String table(Results r) {
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "%s, %,d events, seed %d, %,d events/s "
                + "of event time, -Xmx%s, fresh JVM per run, %d interleaved runs; median (min-max), events/s = events "
                + "/ job net runtime. Measured %s on %d CPUs, load average %s at the end.%n%n", title(), events, SEED,
                TPS, heap, runs, Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                Runtime.getRuntime().availableProcessors(), load()));
        t.append(String.format(Locale.ROOT, "Reproduce: bin/weir bench compare --flink DIR --api %s --query %s "
                + "--events %d --parallelism %s --runs %d --startup-runs %d --heap %s%n%n", String.join(",", apis),
                String.join(",", queries), events,
                parallelisms.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",")), runs,
                startupRuns, heap));
        t.append("| query | p | Weir events/s | Flink events/s | Weir / Flink | Weir / generator-only |\n");
        t.append("|---|---|---|---|---|---|\n");
        for (Map.Entry<String, Samples> e : r.weirRate.entrySet()) {
            String p = parallelismOf(e.getKey());
            Samples w = e.getValue();
            Samples f = r.flinkRate.get(queryOf(e.getKey()) + " p" + p);
            Samples g = r.ceiling.get("p" + p);
            t.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %.2f | %.0f%% |%n", rowName(e.getKey()), p,
                    w.cell(), f.cell(), w.median() / f.median(), 100 * w.median() / g.median()));
        }
        for (Map.Entry<String, Samples> e : r.ceiling.entrySet()) {
            t.append(String.format(Locale.ROOT, "| generator-only | %s | %s | | | |%n", e.getKey().substring(1),
                    e.getValue().cell()));
        }
        t.append('\n');
        if (apis.contains(DATASTREAM)) {
            t.append(String.format(Locale.ROOT, "Trivial job (q0, 1,000 events, p=1), whole-process seconds: Weir %s, "
                    + "Flink %s (%d runs each).%n", r.weirStartup.cell("%.3f"), r.flinkStartup.cell("%.2f"), startupRuns));
        }
        if (apis.contains(SQL)) {
            String weirSql = r.weirSqlStartup.isEmpty() ? "not measured (no bin/weir)"
                    : "`bin/weir sql -f` " + r.weirSqlStartup.cell("%.3f");
            t.append(String.format(Locale.ROOT, "Trivial SQL job (q0's SQL file over 1,000 events, p=1), whole-process "
                    + "seconds: Weir %s, Flink %s (the harness's own trivial job, the same SQL; %d runs each).%n",
                    weirSql, r.flinkStartup.cell("%.2f"), startupRuns));
        }
        if (apis.contains(DATASTREAM)) {
            t.append(dataStreamBar(r));
        }
        if (apis.contains(SQL)) {
            t.append(sqlBar(r));
        }
        return t.toString();
    }

    /** The bar of issue 4 on the DataStream rows. */
    private String dataStreamBar(Results r) {
        StringBuilder t = new StringBuilder(String.format(Locale.ROOT, "%nThe bar (issue 4) on these medians:%n"));
        double worstRatio = Double.POSITIVE_INFINITY;
        double worstCeiling = Double.POSITIVE_INFINITY;
        for (Map.Entry<String, Samples> e : r.weirRate.entrySet()) {
            if (isSql(e.getKey())) {
                continue;
            }
            String query = queryOf(e.getKey());
            String p = parallelismOf(e.getKey());
            worstRatio = Math.min(worstRatio, e.getValue().median() / r.flinkRate.get(query + " p" + p).median());
            if (query.equals("q0")) {
                worstCeiling = Math.min(worstCeiling, e.getValue().median() / r.ceiling.get("p" + p).median());
            }
        }
        t.append(bar("every query >= 1.5x Flink (goal 3x)", String.format(Locale.ROOT, "lowest %.2fx", worstRatio),
                worstRatio >= 1.5));
        if (worstCeiling != Double.POSITIVE_INFINITY) {
            t.append(bar("q0 >= 70% of generator-only", String.format(Locale.ROOT, "lowest %.0f%%", 100 * worstCeiling),
                    worstCeiling >= 0.7));
        }
        t.append(bar("trivial job < 1 s whole process (goal 0.5 s)",
                String.format(Locale.ROOT, "%.3f s", r.weirStartup.median()), r.weirStartup.median() < 1.0));
        return t.toString();
    }

    /** The bar of issue 10 on the SQL rows: 2x Flink SQL on every query, goal 5x on q4, q5 and q7. */
    private String sqlBar(Results r) {
        StringBuilder t = new StringBuilder(String.format(Locale.ROOT, "%nThe SQL bar (issue 10) on these medians:%n"));
        double worst = Double.POSITIVE_INFINITY;
        List<String> below = new ArrayList<>();
        List<String> goal = new ArrayList<>();
        boolean goalMet = true;
        for (Map.Entry<String, Samples> e : r.weirRate.entrySet()) {
            if (!isSql(e.getKey())) {
                continue;
            }
            String query = queryOf(e.getKey());
            String p = parallelismOf(e.getKey());
            double ratio = e.getValue().median() / r.flinkRate.get(query + " p" + p).median();
            String cell = String.format(Locale.ROOT, "%s p=%s %.2fx", query, p, ratio);
            worst = Math.min(worst, ratio);
            if (ratio < 2) {
                below.add(cell);
            }
            if (SQL_GOAL_QUERIES.contains(query)) {
                goal.add(cell);
                goalMet &= ratio >= 5;
            }
        }
        t.append(bar("every query >= 2x Flink SQL", String.format(Locale.ROOT, "lowest %.2fx%s", worst,
                below.isEmpty() ? "" : " (below 2x: " + String.join(", ", below) + ")"), below.isEmpty()));
        if (!goal.isEmpty()) {
            t.append(bar("goal 5x on q4, q5, q7", String.join(", ", goal), goalMet));
        }
        return t.toString();
    }

    /**
     * Planning of the SQL runs: Weir's executeSql of the INSERT until the job is submitted, and for
     * both engines the seconds from that call to the job's result that are not the job's net runtime
     * (planning, code generation, the local cluster's start, deployment before the job runs). The
     * harness does not time Flink's planning alone. Empty without SQL runs.
     */
    String planningTable(Results r) {
        if (r.weirPlan.isEmpty()) {
            return "";
        }
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "%nSQL planning, seconds: Weir's executeSql of the INSERT until the job is "
                + "submitted (parse, validate, optimise, translate, generate code, start the local cluster); and for "
                + "both engines executeSql of the INSERT until the job's result, minus the job's net runtime (Flink's "
                + "planning and code generation are in there; its harness does not time them alone).%n%n"));
        t.append("| query | p | Weir planning s | Weir submit-to-result minus net runtime s | "
                + "Flink submit-to-result minus net runtime s |\n");
        t.append("|---|---|---|---|---|\n");
        for (Map.Entry<String, Samples> e : r.weirPlan.entrySet()) {
            String query = queryOf(e.getKey());
            String p = parallelismOf(e.getKey());
            t.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", query, p, e.getValue().cell("%.3f"),
                    r.weirOverhead.get(e.getKey()).cell("%.3f"), r.flinkOverhead.get(query + " p" + p).cell("%.2f")));
        }
        return t.toString();
    }

    /**
     * Events per CPU-second of each engine. Both engines' CPU seconds cover the same span: the
     * process's CPU time (all threads: task, JIT compiler, GC) from {@code executeSql} of the INSERT
     * (DataStream: {@code execute}) to the job's end, which is the Flink harness's {@code job_cpu_s};
     * the local cluster's start, planning and code generation are inside it for both. The gross
     * columns divide the events by it. The net columns first subtract the median CPU seconds of the
     * engine's trivial job over the same span (Weir's SQL rows the trivial SQL job's), but only where
     * that fixed cost is at most {@link #MAX_FIXED_SHARE} of every run's CPU: a fixed cost that is
     * most of a run's CPU (Flink's trivial job took 6 to 11 CPU-s against 10 to 15 for its whole q0
     * at 1,000,000 events) leaves a difference of two noisy figures, which was negative. There the net
     * cell is "-": run more events.
     */
    String cpuTable(Results r) {
        double weirFixed = r.weirTrivialCpu.median();
        double weirSqlFixed = r.weirSqlTrivialCpu.median();
        double flinkFixed = r.flinkTrivialCpu.median();
        StringBuilder t = new StringBuilder();
        List<String> fixed = new ArrayList<>();
        if (apis.contains(DATASTREAM)) {
            fixed.add("Weir " + r.weirTrivialCpu.cell("%.2f") + " s");
        }
        if (apis.contains(SQL)) {
            fixed.add("Weir SQL " + r.weirSqlTrivialCpu.cell("%.2f") + " s");
        }
        fixed.add("Flink " + r.flinkTrivialCpu.cell("%.2f") + " s");
        t.append(String.format(Locale.ROOT, "%nEvents per CPU-second (less sensitive to other load than events/s): "
                + "events / the process's CPU seconds (all threads) from the job's submission (executeSql of the "
                + "INSERT, or execute) to its end, the same span for both engines; start-up in that span (cluster, "
                + "planning, code generation, JIT) is included, so use enough events. Net: the same, less the "
                + "engine's trivial-job CPU seconds over the same span (%s), shown only where that is at most "
                + "%.0f%% of every run's CPU seconds.%n%n", String.join(", ", fixed), MAX_FIXED_SHARE * 100));
        t.append("| query | p | Weir events/CPU-s | Flink events/CPU-s | Weir / Flink "
                + "| Weir net | Flink net | Weir / Flink net |\n");
        t.append("|---|---|---|---|---|---|---|---|\n");
        for (Map.Entry<String, Samples> e : r.weirCpu.entrySet()) {
            String p = parallelismOf(e.getKey());
            Samples weirCpu = e.getValue();
            Samples flinkCpu = r.flinkCpu.get(queryOf(e.getKey()) + " p" + p);
            Samples w = weirCpu.perSecond(events, 0);
            Samples f = flinkCpu.perSecond(events, 0);
            Samples wNet = weirCpu.netPerSecond(events, isSql(e.getKey()) ? weirSqlFixed : weirFixed);
            Samples fNet = flinkCpu.netPerSecond(events, flinkFixed);
            t.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s |%n", rowName(e.getKey()), p,
                    w.cell(), f.cell(), ratio(w, f), wNet.cell(), fNet.cell(), ratio(wNet, fNet)));
        }
        return t.toString();
    }

    /** The largest share of a run's CPU seconds that the trivial job's may be for a net figure. */
    static final double MAX_FIXED_SHARE = 0.5;

    private static String ratio(Samples a, Samples b) {
        double ratio = a.median() / b.median();
        return Double.isNaN(ratio) ? "-" : String.format(Locale.ROOT, "%.2f", ratio);
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

        boolean isEmpty() {
            return values.isEmpty();
        }

        /** {@code events / (value - fixedSeconds)} of each value: a rate net of a fixed cost. */
        Samples perSecond(long events, double fixedSeconds) {
            Samples rates = new Samples();
            for (double seconds : values) {
                rates.add(events / (seconds - fixedSeconds));
            }
            return rates;
        }

        /**
         * {@code events / (value - fixedSeconds)} of each value, or no values at all (a "-" cell) when
         * the fixed cost is unknown or more than {@link #MAX_FIXED_SHARE} of any value.
         */
        Samples netPerSecond(long events, double fixedSeconds) {
            if (Double.isNaN(fixedSeconds) || values.isEmpty()) {
                return new Samples();
            }
            for (double seconds : values) {
                if (fixedSeconds > MAX_FIXED_SHARE * seconds) {
                    return new Samples();
                }
            }
            return perSecond(events, fixedSeconds);
        }

        /** The median; NaN without values. */
        double median() {
            List<Double> sorted = new ArrayList<>(values);
            sorted.sort(null);
            int n = sorted.size();
            if (n == 0) {
                return Double.NaN;
            }
            return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        }

        String cell() {
            return cell("%,.0f");
        }

        String cell(String format) {
            List<Double> sorted = new ArrayList<>(values);
            sorted.sort(null);
            if (sorted.isEmpty()) {
                return "-";
            }
            if (sorted.size() == 1) {
                return String.format(Locale.ROOT, format, sorted.get(0));
            }
            return String.format(Locale.ROOT, format + " (" + format + "-" + format + ")", median(), sorted.get(0),
                    sorted.get(sorted.size() - 1));
        }
    }
}
