package io.weir.bench;

import io.weir.bench.kafka.KafkaCountJob;
import io.weir.connector.kafka.KafkaBroker;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench kafka}: the same Kafka job on Weir and on Apache Flink 2.3 with flink-connector-kafka,
 * against one in-process KRaft broker (the test server of Weir's Kafka connector tests), interleaved.
 * The broker is started here and the input topic written once; then each run starts, per delivery
 * guarantee, Weir's job and Flink's ({@link KafkaCountJob} and {@code anchor.kafka.KafkaCountJob}) in
 * fresh JVMs of the same heap, alternating which engine goes first, each writing its own output topic.
 * Every output is read back with {@code read_committed} and checked (every record once, every key's
 * counts 1..n) before its figure counts. Reports records/s (the input's records over the wall time of
 * {@code execute}, MiniCluster start included for both) and CPU time per record of the job's JVM.
 */
@Command(name = "kafka", mixinStandardHelpOptions = true,
        description = {"Kafka source -> keyed count -> Kafka sink on Weir and on Flink 2.3 (flink-connector-kafka), "
                + "interleaved, at-least-once and exactly-once, on one in-process KRaft broker.",
                "Example: bin/weir bench kafka --flink anchors/flink-benchmarks --records 500000 --runs 3"})
final class KafkaCommand implements Callable<Integer> {
    @Option(names = "--flink", paramLabel = "DIR",
            description = "The Flink twin harness, built (target/classes and target/classpath.txt); without it only Weir runs.")
    Path flinkDir;

    @Option(names = "--records", defaultValue = "500000", description = "Records in the input topic (default ${DEFAULT-VALUE}).")
    long records;

    @Option(names = "--keys", defaultValue = "10000", description = "Distinct keys (default ${DEFAULT-VALUE}).")
    int keys;

    @Option(names = "--runs", defaultValue = "3", description = "Interleaved runs of every engine and guarantee (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--guarantees", split = ",", defaultValue = "at-least-once,exactly-once",
            description = "Delivery guarantees to measure (default ${DEFAULT-VALUE}).")
    List<String> guarantees;

    @Option(names = "--checkpoint-interval", defaultValue = "1000", description = "Checkpoint interval in ms (default ${DEFAULT-VALUE}).")
    long checkpointInterval;

    @Option(names = "--heap", defaultValue = "1g", description = "Maximum heap of each job's JVM (default ${DEFAULT-VALUE}).")
    String heap;

    @Option(names = "--latency-rate", defaultValue = "0",
            description = "Records/s of the latency phase; 0 leaves it out (default ${DEFAULT-VALUE}).")
    int latencyRate;

    @Option(names = "--latency-records", defaultValue = "20000",
            description = "Records timed per job in the latency phase (default ${DEFAULT-VALUE}).")
    long latencyRecords;

    @Option(names = "--out", defaultValue = "bench-results/kafka.md", description = "Where the Markdown table is written (default ${DEFAULT-VALUE}).")
    Path out;

    /** One job run's figures. */
    /**
     * One job run's figures: the wall seconds of {@code execute} (JVM-internal MiniCluster start and job
     * deployment included), the processing span (the broker's append time of the first and the last
     * output record: the records flowing, start-up excluded) and the job JVM's CPU time.
     */
    record Run(String engine, String guarantee, int run, double seconds, double spanSeconds, long cpuNanos, String load) {
        double recordsPerSecond(long records) {
            return records / seconds;
        }

        double flowingRecordsPerSecond(long records) {
            return (records - 1) / spanSeconds;
        }
    }

    /** How to run the connector benchmarks, whose broker and database the distribution does not ship. */
    static final String FROM_A_SOURCE_BUILD = "run it from a source build: ./mvnw -q -pl weir-bench -am verify -DskipTests"
            + " dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt, then java -cp"
            + " weir-bench/target/classes:$(cat weir-bench/target/bench-classpath.txt) io.weir.bench.BenchMain ...";

    /** Fails saying how to run the command when {@code className} (of an optional dependency) is missing. */
    static void requireOnClasspath(String command, String className, String what) {
        try {
            Class.forName(className, false, KafkaCommand.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("bench " + command + " needs " + what + ", which the distribution does not"
                    + " ship (" + className + " is not on the class path); " + FROM_A_SOURCE_BUILD);
        }
    }

    @Override
    public Integer call() throws Exception {
        requireOnClasspath("kafka", "org.apache.kafka.common.test.KafkaClusterTestKit", "the in-process Kafka broker");
        requireOnClasspath("kafka", "io.weir.connector.kafka.KafkaBroker", "the Kafka connector's test jar (KafkaBroker)");
        if (records <= 0 || keys <= 0 || runs <= 0 || latencyRate < 0 || latencyRecords <= 0) {
            throw new IllegalArgumentException("--records, --keys and --runs must be positive");
        }
        for (String guarantee : guarantees) {
            if (!guarantee.equals("at-least-once") && !guarantee.equals("exactly-once")) {
                throw new IllegalArgumentException("Unknown --guarantees value '" + guarantee
                        + "'; use at-least-once and/or exactly-once");
            }
        }
        String flinkClasspath = null;
        if (flinkDir != null) {
            Path listed = flinkDir.resolve("target/classpath.txt");
            if (!Files.isRegularFile(listed) || !Files.isDirectory(flinkDir.resolve("target/classes"))) {
                throw new IllegalArgumentException("The Flink twin harness in " + flinkDir + " is not built: run "
                        + "`mvn -q package -DskipTests` there (it writes target/classpath.txt) first");
            }
            flinkClasspath = flinkDir.resolve("target/classes") + File.pathSeparator
                    + Files.readString(listed, StandardCharsets.UTF_8).trim();
        }
        List<Run> results = new ArrayList<>();
        List<Latency> latencies = new ArrayList<>();
        try (KafkaBroker broker = KafkaBroker.startStandalone()) {
            OnBroker onBroker = new OnBroker(broker);
            String input = "bench-input";
            broker.createTopic(input, 1);
            long start = System.nanoTime();
            broker.produceValues(input, records, i -> "k" + (i % keys) + "," + i);
            System.out.printf(Locale.ROOT, "input: %,d records over %,d keys written in %.1f s%n", records, keys,
                    (System.nanoTime() - start) / 1e9);
            for (int run = 1; run <= runs; run++) {
                for (String guarantee : guarantees) {
                    List<String> engines = flinkClasspath == null ? List.of("weir")
                            : run % 2 == 1 ? List.of("weir", "flink") : List.of("flink", "weir");
                    for (String engine : engines) {
                        String classpath = engine.equals("weir") ? System.getProperty("java.class.path") : flinkClasspath;
                        String main = engine.equals("weir") ? KafkaCountJob.class.getName() : "anchor.kafka.KafkaCountJob";
                        if (latencyRate > 0) {
                            Latency latency = onBroker.measureLatency(engine, classpath, main, guarantee, run);
                            latencies.add(latency);
                            System.out.printf(Locale.ROOT, "%-5s %-13s run %d: latency p50 %d ms, p99 %d ms, max %d ms"
                                    + " at %,d records/s, load %s%n", engine, guarantee, run, latency.p50(), latency.p99(),
                                    latency.max(), latencyRate, latency.load());
                        }
                        Run result = onBroker.runJob(engine, classpath, main, input, guarantee, run);
                        results.add(result);
                        System.out.printf(Locale.ROOT, "%-5s %-13s run %d: %,.0f records/s flowing (%.1f s first to last"
                                        + " output), %,.0f records/s over execute (%.1f s), %,.0f ns CPU/record, load %s%n",
                                engine, guarantee, run, result.flowingRecordsPerSecond(records), result.spanSeconds(),
                                result.recordsPerSecond(records), result.seconds(),
                                (double) result.cpuNanos() / records, result.load());
                    }
                }
            }
        }
        String table = table(results) + latencyTable(latencies);
        System.out.println();
        System.out.println(table);
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Files.writeString(out, table, StandardCharsets.UTF_8);
        System.out.println("Table written to " + out);
        return 0;
    }

    /** One latency run: percentiles of the per-record latencies in ms. */
    record Latency(String engine, String guarantee, int run, long p50, long p99, long max, String load) {}

    /**
     * The runs against one started broker. A class of its own so that the broker's class appears in no
     * signature of the command itself: picocli reads the command's methods when {@code bench} starts, and
     * the distribution does not ship the broker (then {@link #call} says how to run the command instead).
     */
    private final class OnBroker {
        private final KafkaBroker broker;

        OnBroker(KafkaBroker broker) {
            this.broker = broker;
        }

        Run runJob(String engine, String classpath, String main, String input,
                String guarantee, int run) throws Exception {
            String name = engine + "-" + guarantee + "-" + run;
            String output = "bench-output-" + name;
            broker.createTopic(output, 1, Map.of("message.timestamp.type", "LogAppendTime"));
            List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx" + heap, "-cp", classpath, main, broker.bootstrapServers(), input, output, guarantee,
                    Long.toString(checkpointInterval), name));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            Map<String, String> result = null;
            List<String> lines = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    if (line.startsWith("RESULT ")) {
                        result = parse(line);
                    } else if (lines.size() < 2_000) {
                        lines.add(line);
                    }
                }
            }
            int exit = process.waitFor();
            if (exit != 0 || result == null) {
                lines.forEach(System.out::println);
                throw new IllegalStateException(engine + "'s job " + name + " failed (exit " + exit + "); its output is above");
            }
            List<Map.Entry<Long, String>> written = broker.readCommittedRecords(output, Duration.ofMinutes(5));
            check(engine, name, written.stream().map(Map.Entry::getValue).toList());
            long first = written.stream().mapToLong(Map.Entry::getKey).min().orElseThrow();
            long last = written.stream().mapToLong(Map.Entry::getKey).max().orElseThrow();
            return new Run(engine, guarantee, run, Long.parseLong(result.get("millis")) / 1000.0,
                    Math.max(last - first, 1) / 1000.0, Long.parseLong(result.get("cpuNanos")), load());
        }

        /**
         * Starts the job unbounded on fresh topics, waits until it is up (a warm-up record came through),
         * writes {@code --latency-records} at {@code --latency-rate}, times each one from its send to its
         * {@code read_committed} arrival, then ends the job's JVM.
         */
        Latency measureLatency(String engine, String classpath, String main, String guarantee,
                int run) throws Exception {
            String name = "latency-" + engine + "-" + guarantee + "-" + run;
            String input = name + "-in";
            String output = name + "-out";
            broker.createTopic(input, 1);
            broker.createTopic(output, 1);
            List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx" + heap, "-cp", classpath, main, broker.bootstrapServers(), input, output, guarantee,
                    Long.toString(checkpointInterval), name, "unbounded"));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
            Thread drain = new Thread(() -> {
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = reader.readLine()) != null; ) {
                        if (lines.size() < 2_000) {
                            lines.add(line);
                        }
                    }
                } catch (IOException ended) {
                    // the process was ended
                }
            }, "drain " + name);
            drain.setDaemon(true);
            drain.start();
            long[] millis;
            try {
                millis = broker.measureLatency(input, output, keys, latencyRecords, latencyRate, Duration.ofMinutes(5));
            } catch (RuntimeException e) {
                synchronized (lines) {
                    lines.forEach(System.out::println);
                }
                throw new IllegalStateException(engine + "'s job " + name + " failed the latency phase (its output is above): "
                        + e.getMessage(), e);
            } finally {
                process.destroy();
                if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
                }
            }
            java.util.Arrays.sort(millis);
            return new Latency(engine, guarantee, run, percentile(millis, 0.50), percentile(millis, 0.99),
                    millis[millis.length - 1], load());
        }
    }

    static long percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private String latencyTable(List<Latency> latencies) {
        if (latencies.isEmpty()) {
            return "";
        }
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "%nEnd-to-end latency: %,d records per job at %,d records/s into a running job"
                + " (unbounded source), each timed from its send to its read_committed arrival (same JVM clock).%n%n",
                latencyRecords, latencyRate));
        t.append("| guarantee | engine | run | p50 ms | p99 ms | max ms | load after |\n|---|---|---|---|---|---|---|\n");
        for (Latency l : latencies) {
            t.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %d | %s |%n", l.guarantee(), l.engine(), l.run(),
                    l.p50(), l.p99(), l.max(), l.load()));
        }
        return t.toString();
    }

    /** Every input record once in the committed output, and each key's counts exactly 1..its records. */
    private void check(String engine, String name, List<String> values) {
        if (values.size() != records) {
            throw new IllegalStateException(engine + "'s job " + name + " wrote " + values.size()
                    + " committed records, expected " + records + " (one per input record); no figure is taken");
        }
        Map<String, Long> maxCount = new HashMap<>();
        Map<String, Long> seen = new HashMap<>();
        for (String value : values) {
            String[] parts = value.split(",");
            maxCount.merge(parts[0], Long.parseLong(parts[1]), Math::max);
            seen.merge(parts[0], 1L, Long::sum);
        }
        for (int k = 0; k < keys; k++) {
            long expected = records / keys + (k < records % keys ? 1 : 0);
            String key = "k" + k;
            if (expected > 0 && (!Long.valueOf(expected).equals(seen.get(key)) || !Long.valueOf(expected).equals(maxCount.get(key)))) {
                throw new IllegalStateException(engine + "'s job " + name + ": key " + key + " has " + seen.get(key)
                        + " output records with highest count " + maxCount.get(key) + ", expected " + expected);
            }
        }
    }

    private static Map<String, String> parse(String line) {
        Map<String, String> values = new HashMap<>();
        for (String field : line.substring("RESULT ".length()).split(" ")) {
            int eq = field.indexOf('=');
            if (eq > 0) {
                values.put(field.substring(0, eq), field.substring(eq + 1));
            }
        }
        return values;
    }

    /** The 1-minute load average, or "?" where the OS does not tell. */
    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    String table(List<Run> results) {
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "Kafka source -> keyed count -> Kafka sink, %,d records over %,d keys, 1 partition,"
                + " parallelism 1, checkpoints every %d ms, -Xmx%s, %d interleaved run(s); medians. Measured %s on %d CPUs.%n%n",
                records, keys, checkpointInterval, heap, runs, Instant.now().truncatedTo(ChronoUnit.SECONDS),
                Runtime.getRuntime().availableProcessors()));
        t.append(String.format(Locale.ROOT, "Reproduce (from a source build, docs/benchmarks.md): bench kafka%s --records %d --keys %d --runs %d"
                + " --checkpoint-interval %d --heap %s%s%n%n", flinkDir == null ? "" : " --flink " + flinkDir, records, keys,
                runs, checkpointInterval, heap, latencyRate > 0
                        ? " --latency-rate " + latencyRate + " --latency-records " + latencyRecords : ""));
        t.append("Records/s flowing: the records over the broker's append times of the first and last output record"
                + " (start-up excluded). Over execute: the records over the wall time of env.execute() (in-JVM cluster"
                + " start, deployment and the final commit included). CPU: the job JVM's CPU time over execute per record.\n\n");
        t.append("| guarantee | engine | records/s flowing (median) | records/s over execute (median) | CPU ns/record (median)"
                + " | runs (records/s flowing) | load after each |\n");
        t.append("|---|---|---|---|---|---|---|\n");
        Map<String, Map<String, List<Run>>> byGuarantee = new LinkedHashMap<>();
        for (Run r : results) {
            byGuarantee.computeIfAbsent(r.guarantee(), g -> new LinkedHashMap<>())
                    .computeIfAbsent(r.engine(), e -> new ArrayList<>()).add(r);
        }
        Map<String, String> ratios = new LinkedHashMap<>();
        byGuarantee.forEach((guarantee, engines) -> {
            Map<String, double[]> medians = new HashMap<>();
            engines.forEach((engine, runsOf) -> {
                double[] flowing = runsOf.stream().mapToDouble(r -> r.flowingRecordsPerSecond(records)).sorted().toArray();
                double[] rates = runsOf.stream().mapToDouble(r -> r.recordsPerSecond(records)).sorted().toArray();
                double[] cpu = runsOf.stream().mapToDouble(r -> (double) r.cpuNanos() / records).sorted().toArray();
                medians.put(engine, new double[] {StartupCommand.median(flowing), StartupCommand.median(rates),
                        StartupCommand.median(cpu)});
                t.append(String.format(Locale.ROOT, "| %s | %s | %,.0f | %,.0f | %,.0f | %s | %s |%n", guarantee, engine,
                        medians.get(engine)[0], medians.get(engine)[1], medians.get(engine)[2],
                        String.join(", ", runsOf.stream().map(r -> String.format(Locale.ROOT, "%,.0f",
                                r.flowingRecordsPerSecond(records))).toList()),
                        String.join(", ", runsOf.stream().map(Run::load).toList())));
            });
            if (medians.containsKey("weir") && medians.containsKey("flink")) {
                ratios.put(guarantee, String.format(Locale.ROOT, "Weir/Flink records/s flowing %.2f, over execute %.2f;"
                        + " CPU per record %.2f", medians.get("weir")[0] / medians.get("flink")[0],
                        medians.get("weir")[1] / medians.get("flink")[1], medians.get("weir")[2] / medians.get("flink")[2]));
            }
        });
        if (!ratios.isEmpty()) {
            t.append('\n');
            ratios.forEach((guarantee, ratio) -> t.append("- ").append(guarantee).append(": ").append(ratio).append('\n'));
        }
        return t.toString();
    }
}
