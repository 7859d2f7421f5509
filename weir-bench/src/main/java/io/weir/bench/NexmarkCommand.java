package io.weir.bench;

import io.weir.bench.nexmark.NexmarkConfig;
import io.weir.bench.nexmark.NexmarkRun;
import io.weir.bench.nexmark.query.NexmarkQueries;
import io.weir.bench.nexmark.query.NexmarkQuery;
import io.weir.bench.nexmark.sql.NexmarkSqlQueries;
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
 * {@code bench nexmark}: runs Nexmark queries, each run in a fresh JVM, prints events/s (events /
 * job net runtime), job, whole-process and GC seconds, and appends a row per run to the results
 * CSV. With {@code --check DIR} it writes each query's final result in canonical form instead of
 * discarding it, and prints the file's SHA-256. With {@code --cluster} (or {@code --deployment
 * minicluster,cluster}, interleaved) a run goes to a fresh JobManager and two TaskManager JVMs on
 * loopback instead ({@link ClusterNexmark}), recorded as {@code <query>+cluster}.
 */
@Command(name = "nexmark", mixinStandardHelpOptions = true,
        description = {"Runs Nexmark queries, one fresh JVM per run.",
                "Example: bin/weir bench nexmark --query q1 --events 5000000 --parallelism 2"})
final class NexmarkCommand implements Callable<Integer> {
    @Option(names = "--query", split = ",", defaultValue = "all", paramLabel = "NAME",
            description = "Queries to run, comma-separated: generator-only, q0, q1, q2, q3, q4, q5, q7, q8, q11, q12; as SQL only (--api sql) q9, q10, q14 ... q22; or all (default).")
    List<String> queries;

    @Option(names = "--events", defaultValue = "5000000", description = "Events per run (default ${DEFAULT-VALUE}).")
    long events;

    @Option(names = "--parallelism", split = ",", defaultValue = "1", paramLabel = "P",
            description = "Parallelism, or several comma-separated (default ${DEFAULT-VALUE}).")
    List<Integer> parallelisms;

    @Option(names = "--seed", defaultValue = "42", description = "Generator seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--tps", defaultValue = "10000000",
            description = "Event-time rate, events per second of event time (default ${DEFAULT-VALUE}).")
    long tps;

    @Option(names = "--runs", defaultValue = "1",
            description = "Repetitions; each pass runs every query and parallelism once (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--check", paramLabel = "DIR",
            description = "Write each query's final result in canonical form to DIR/<query>.txt and print its SHA-256.")
    Path checkDir;

    @Option(names = "--api", split = ",", defaultValue = "datastream", paramLabel = "API",
            description = "How to run each query: datastream (its DataStream job), sql (the Nexmark SQL file, run by "
                    + "weir-sql), or both, comma-separated, interleaved per run (default ${DEFAULT-VALUE}). SQL runs are "
                    + "recorded as <query>-sql; with --check and both, SQL results go to DIR/sql/.")
    List<String> apis = new ArrayList<>(List.of("datastream"));

    @Option(names = "--sql", description = "The same as --api sql: run the queries' SQL files (q0 q1 q2 q3 q4 q5 q7 q8 q9 q10 q11 q12 q14 ... q22).")
    boolean sql;

    @Option(names = "--heap", defaultValue = "4g", description = "Maximum heap of each run's JVM, as for -Xmx (default ${DEFAULT-VALUE}).")
    String heap;

    @Option(names = "--jvm-opt", paramLabel = "OPTION",
            description = "Extra option for each run's JVM, e.g. --jvm-opt=-XX:StartFlightRecording=filename=q1.jfr; repeatable.")
    List<String> jvmOptions = new ArrayList<>();

    @Option(names = "--checkpoint-interval", split = ",", defaultValue = "none", paramLabel = "INTERVAL",
            description = "Checkpoint intervals to compare, e.g. none,10s,1s: each run goes through them in turn, so "
                    + "the variants interleave (default ${DEFAULT-VALUE}). A variant is recorded as <query>+ckpt=<interval>.")
    List<String> checkpointIntervals = new ArrayList<>(List.of("none"));

    @Option(names = {"-D", "--conf"}, paramLabel = "KEY=VALUE",
            description = "A configuration key for every run's job, e.g. -D state.backend.type=rocksdb; repeatable.")
    Map<String, String> conf = new LinkedHashMap<>();

    @Option(names = "--deployment", split = ",", defaultValue = "minicluster", paramLabel = "WHERE",
            description = "Where each run's job runs: minicluster (a fresh JVM with the embedded cluster), cluster (a fresh "
                    + "JobManager and two TaskManager JVMs on loopback, the job submitted over the network), or both, "
                    + "comma-separated, interleaved per run (default ${DEFAULT-VALUE}). Cluster runs are recorded as "
                    + "<query>+cluster; they take DataStream queries only, without --check.")
    List<String> deployments = new ArrayList<>(List.of("minicluster"));

    @Option(names = "--cluster", description = "The same as --deployment cluster.")
    boolean cluster;

    @Option(names = "--log-dir", description = "With a cluster deployment: where the processes' logs go (default: a "
            + "new temporary directory, printed).")
    Path logDir;

    @Option(names = "--results", defaultValue = "bench-results/nexmark.csv",
            description = "CSV file a row per run is appended to (default ${DEFAULT-VALUE}).")
    Path resultsFile;

    @Override
    public Integer call() throws Exception {
        List<NexmarkQuery<?>> selected = selectedQueries();
        validate(selected);
        ForkedJvm jvm = new ForkedJvm(heap, jvmOptions);
        ClusterNexmark clusterRuns = null;
        if (deployments.contains("cluster")) {
            Path logs = logDir != null ? logDir : java.nio.file.Files.createTempDirectory("weir-bench-nexmark");
            System.out.println("cluster logs in " + logs);
            clusterRuns = new ClusterNexmark(logs, heap);
        }
        ResultsCsv csv = new ResultsCsv(resultsFile);
        String commit = ResultsCsv.currentCommit();
        for (int run = 0; run < runs; run++) {
            for (NexmarkQuery<?> query : selected) {
                for (int parallelism : parallelisms) {
                    for (String interval : checkpointIntervals) {
                        for (String api : apis) {
                            for (String deployment : deployments) {
                                runOnce(deployment.equals("cluster") ? clusterRuns : null, jvm, csv, commit, query,
                                        parallelism, interval, api.equals("sql"));
                            }
                        }
                    }
                }
            }
        }
        if (checkDir == null) {
            System.out.println("Rows appended to " + csv.file());
        }
        return 0;
    }

    /** One run, in a fresh JVM, or with {@code cluster} given on a fresh cluster of processes. */
    private void runOnce(ClusterNexmark cluster, ForkedJvm jvm, ResultsCsv csv, String commit, NexmarkQuery<?> query,
            int parallelism, String checkpointInterval, boolean runSql) throws Exception {
        NexmarkConfig config = NexmarkConfig.defaults().withSeed(seed).withEventsPerSecond(tps);
        Instant start = Instant.now();
        Map<String, String> jobConf = new LinkedHashMap<>(conf);
        String label = runSql ? query.name() + "-sql" : query.name();
        if (!checkpointInterval.equals("none")) {
            jobConf.put("execution.checkpointing.interval", checkpointInterval);
            label = label + "+ckpt=" + checkpointInterval;
        }
        Path resultDir = runSql && checkDir != null && apis.size() > 1 ? checkDir.resolve("sql") : checkDir;
        NexmarkRun.Spec spec = new NexmarkRun.Spec(query, config, events, parallelism, resultDir, true)
                .withConf(jobConf).withSql(runSql);
        ForkedJvm.Outcome outcome;
        if (cluster != null) {
            label = label + "+cluster";
            outcome = cluster.run(spec);
        } else {
            outcome = jvm.runNexmark(spec);
        }
        double jobSeconds = outcome.seconds("job_ms");
        double gcSeconds = outcome.seconds("gc_ms");
        double cpuSeconds = outcome.seconds("cpu_ms");
        double eventsPerSecond = events / jobSeconds;
        // SQL runs also say how long executeSql of the INSERT took: parsing, planning, code
        // generation and the job's submission.
        String planning = runSql ? String.format(Locale.ROOT, "  planning %.3f s", outcome.seconds("plan_ms")) : "";
        System.out.println(String.format(Locale.ROOT,
                "%-15s p=%d  %,d events  %,.0f events/s  job %.3f s  process %.3f s  GC %.3f s  (job CPU %.3f s: %,.0f events/CPU-s)%s",
                label, parallelism, events, eventsPerSecond, jobSeconds, outcome.processSeconds(), gcSeconds,
                cpuSeconds, events / cpuSeconds, planning));
        if (checkDir != null) {
            System.out.println("  SHA-256 " + outcome.result().get("sha256") + "  "
                    + resultDir.resolve(query.name() + ".txt"));
            return;
        }
        csv.append(new ResultsCsv.Row(start, label, parallelism, events, seed, tps, jobSeconds, eventsPerSecond,
                outcome.processSeconds(), gcSeconds, commit));
    }

    private List<NexmarkQuery<?>> selectedQueries() {
        if (sql) {
            apis = List.of("sql");
        }
        // With SQL runs, "all" means the queries that have a SQL file.
        boolean withSql = apis.contains("sql");
        List<NexmarkQuery<?>> selected = new ArrayList<>();
        for (String name : queries) {
            if (name.equals("all")) {
                List<NexmarkQuery<?>> candidates = new ArrayList<>(NexmarkQueries.all());
                if (!apis.contains("datastream")) {
                    candidates.addAll(NexmarkQueries.sqlOnly());
                }
                for (NexmarkQuery<?> query : candidates) {
                    if ((!withSql || NexmarkSqlQueries.NAMES.contains(query.name()))
                            && (checkDir == null || !query.name().equals("generator-only"))) {
                        selected.add(query);
                    }
                }
            } else {
                selected.add(NexmarkQueries.byName(name));
            }
        }
        return selected;
    }

    private void validate(List<NexmarkQuery<?>> selected) {
        if (events <= 0) {
            throw new IllegalArgumentException("--events must be positive, got " + events);
        }
        if (runs <= 0) {
            throw new IllegalArgumentException("--runs must be positive, got " + runs);
        }
        for (int p : parallelisms) {
            if (p <= 0) {
                throw new IllegalArgumentException("--parallelism must be positive, got " + p);
            }
        }
        if (tps <= 0) {
            throw new IllegalArgumentException("--tps must be positive, got " + tps);
        }
        for (String api : apis) {
            if (!api.equals("sql") && !api.equals("datastream")) {
                throw new IllegalArgumentException("--api takes datastream and sql, not '" + api + "'");
            }
        }
        if (cluster) {
            deployments = List.of("cluster");
        }
        for (String deployment : deployments) {
            if (!deployment.equals("minicluster") && !deployment.equals("cluster")) {
                throw new IllegalArgumentException("--deployment takes minicluster and cluster, not '" + deployment + "'");
            }
        }
        if (deployments.contains("cluster") && (apis.contains("sql") || checkDir != null)) {
            throw new IllegalArgumentException("cluster runs take DataStream queries without --check; leave out --api sql,"
                    + " --sql and --check, or run them with --deployment minicluster");
        }
        for (NexmarkQuery<?> query : selected) {
            if (apis.contains("sql") && !NexmarkSqlQueries.NAMES.contains(query.name())) {
                throw new IllegalArgumentException(query.name() + " has no SQL file; the queries that run as SQL are "
                        + NexmarkSqlQueries.NAMES);
            }
            if (apis.contains("datastream") && NexmarkQueries.isSqlOnly(query)) {
                throw new IllegalArgumentException(query.name() + " has only a SQL file, no DataStream job; run it with"
                        + " --api sql");
            }
        }
        if (checkDir != null && selected.stream().anyMatch(q -> q.name().equals("generator-only"))) {
            throw new IllegalArgumentException("generator-only has no result to check; leave it out of --check runs");
        }
    }
}
