package io.weir.bench;

import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.connector.jdbc.JdbcConnectionOptions;
import io.weir.connector.jdbc.JdbcExecutionOptions;
import io.weir.connector.jdbc.JdbcSink;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
 * {@code bench jdbc}: upsert throughput of Weir's {@link JdbcSink} into a real PostgreSQL 17 (zonky's
 * embedded server, started here): a bounded job writes {@code --records} rows over {@code --keys}
 * primary keys with {@code INSERT ... ON CONFLICT (id) DO UPDATE}, at-least-once with the upserts
 * idempotent, for each batch size, interleaved over the runs. Each run starts on an empty table and is
 * checked afterwards (one row per key, each holding the key's last record) before its figure counts.
 * Weir alone: flink-connector-jdbc has no release for Flink 2.x in this Maven mirror.
 */
@Command(name = "jdbc", mixinStandardHelpOptions = true,
        description = {"JdbcSink upsert rows/s into an embedded PostgreSQL 17, per batch size.",
                "Example: bin/weir bench jdbc --records 200000 --keys 20000 --batch-sizes 100,1000,5000 --runs 3"})
final class JdbcCommand implements Callable<Integer> {
    static final String UPSERT = "INSERT INTO upserts (id, amount, note) VALUES (?, ?, ?)"
            + " ON CONFLICT (id) DO UPDATE SET amount = EXCLUDED.amount, note = EXCLUDED.note";

    @Option(names = "--records", defaultValue = "200000", description = "Rows the job writes (default ${DEFAULT-VALUE}).")
    long records;

    @Option(names = "--keys", defaultValue = "20000", description = "Distinct primary keys (default ${DEFAULT-VALUE}).")
    int keys;

    @Option(names = "--batch-sizes", split = ",", defaultValue = "100,1000,5000",
            description = "JdbcExecutionOptions batch sizes to measure (default ${DEFAULT-VALUE}).")
    List<Integer> batchSizes;

    @Option(names = "--runs", defaultValue = "3", description = "Interleaved runs of every batch size (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--warmups", defaultValue = "1",
            description = "Jobs run (and checked) before the measured ones, all batch sizes each, not counted: the jobs share"
                    + " this JVM, so the first ones pay for class loading and JIT (default ${DEFAULT-VALUE}).")
    int warmups;

    @Option(names = "--out", defaultValue = "bench-results/jdbc.md", description = "Where the Markdown table is written (default ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws Exception {
        KafkaCommand.requireOnClasspath("jdbc", "io.zonky.test.db.postgres.embedded.EmbeddedPostgres", "embedded PostgreSQL");
        KafkaCommand.requireOnClasspath("jdbc", "org.postgresql.Driver", "PostgreSQL's JDBC driver");
        if (records <= 0 || keys <= 0 || runs <= 0 || warmups < 0 || batchSizes.stream().anyMatch(size -> size <= 0)) {
            throw new IllegalArgumentException("--records, --keys, --runs and --batch-sizes must be positive");
        }
        Map<Integer, List<double[]>> results = new LinkedHashMap<>();
        List<String> loads = new ArrayList<>();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
            try (Connection connection = DriverManager.getConnection(url, "postgres", null);
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE upserts (id BIGINT PRIMARY KEY, amount BIGINT NOT NULL, note TEXT)");
            }
            JdbcConnectionOptions options = new JdbcConnectionOptions.JdbcConnectionOptionsBuilder()
                    .withUrl(url).withDriverName("org.postgresql.Driver").withUsername("postgres").build();
            for (int warmup = 1; warmup <= warmups; warmup++) {
                for (int batchSize : batchSizes) {
                    double[] figures = runJob(url, options, batchSize);
                    System.out.printf(Locale.ROOT, "batch %,6d warm-up %d: %,.0f rows/s (not counted)%n", batchSize, warmup,
                            records / figures[0]);
                }
            }
            for (int run = 1; run <= runs; run++) {
                for (int batchSize : batchSizes) {
                    double[] figures = runJob(url, options, batchSize);
                    results.computeIfAbsent(batchSize, b -> new ArrayList<>()).add(figures);
                    String load = KafkaCommand.load();
                    loads.add(load);
                    System.out.printf(Locale.ROOT, "batch %,6d run %d: %,.0f rows/s, %.0f ns CPU/row (%.1f s), load %s%n",
                            batchSize, run, records / figures[0], figures[1] / records, figures[0], load);
                }
            }
        }
        String table = table(results, loads);
        System.out.println();
        System.out.println(table);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, table, StandardCharsets.UTF_8);
        System.out.println("Table written to " + out);
        return 0;
    }

    /** One job on an empty table; returns its wall seconds and this JVM's CPU nanoseconds meanwhile. */
    private double[] runJob(String url, JdbcConnectionOptions options, int batchSize) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, "postgres", null);
                Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE upserts");
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        long keyCount = keys;
        env.fromSequence(0, records - 1)
                .sinkTo(JdbcSink.<Long>sink(UPSERT, (statement, i) -> {
                    statement.setLong(1, i % keyCount);
                    statement.setLong(2, i);
                    statement.setString(3, "record " + i);
                }, JdbcExecutionOptions.builder().withBatchSize(batchSize).build(), options));
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        env.execute("jdbc upsert, batch " + batchSize);
        double seconds = (System.nanoTime() - start) / 1e9;
        long cpuNanos = os.getProcessCpuTime() - cpu;
        check(url, batchSize);
        return new double[] {seconds, cpuNanos};
    }

    /** One row per key, each with the key's last record (the highest sequence number with that remainder). */
    private void check(String url, int batchSize) throws SQLException {
        long expectedRows = Math.min(keys, records);
        // the last record of key k is the largest i < records with i % keys == k
        java.math.BigInteger expectedSum = java.math.BigInteger.ZERO;
        for (long k = 0; k < expectedRows; k++) {
            long last = k + ((records - 1 - k) / keys) * keys;
            expectedSum = expectedSum.add(java.math.BigInteger.valueOf(last));
        }
        try (Connection connection = DriverManager.getConnection(url, "postgres", null);
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT count(*), sum(amount),"
                        + " count(*) FILTER (WHERE note <> 'record ' || amount OR amount % " + keys + " <> id) FROM upserts")) {
            rs.next();
            long rows = rs.getLong(1);
            java.math.BigInteger sum = rs.getBigDecimal(2).toBigInteger();
            long wrong = rs.getLong(3);
            if (rows != expectedRows || !sum.equals(expectedSum) || wrong != 0) {
                throw new IllegalStateException("The upsert job (batch " + batchSize + ") left " + rows + " rows (expected "
                        + expectedRows + "), sum(amount) " + sum + " (expected " + expectedSum + "), " + wrong
                        + " rows not of their key; no figure is taken");
            }
        }
    }

    private String table(Map<Integer, List<double[]>> results, List<String> loads) {
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "JdbcSink upsert (INSERT ... ON CONFLICT DO UPDATE) into embedded PostgreSQL 17,"
                + " %,d rows over %,d keys, parallelism 1, %d warm-up and %d measured interleaved run(s); medians. Measured %s on"
                + " %d CPUs, load average after each measured job %s.%n%n", records, keys, warmups, runs, Instant.now().truncatedTo(ChronoUnit.SECONDS),
                Runtime.getRuntime().availableProcessors(), String.join(", ", loads)));
        t.append(String.format(Locale.ROOT, "Reproduce (from a source build, docs/benchmarks.md): bench jdbc --records %d --keys %d --batch-sizes %s --runs %d"
                + " --warmups %d%n%n", records, keys, String.join(",", batchSizes.stream().map(String::valueOf).toList()), runs,
                warmups));
        t.append("| batch size | rows/s (median) | Weir JVM CPU ns/row (median) | runs (rows/s) |\n|---|---|---|---|\n");
        results.forEach((batchSize, figures) -> {
            double[] rates = figures.stream().mapToDouble(f -> records / f[0]).sorted().toArray();
            double[] cpu = figures.stream().mapToDouble(f -> f[1] / records).sorted().toArray();
            t.append(String.format(Locale.ROOT, "| %,d | %,.0f | %,.0f | %s |%n", batchSize, StartupCommand.median(rates),
                    StartupCommand.median(cpu), String.join(", ", figures.stream()
                            .map(f -> String.format(Locale.ROOT, "%,.0f", records / f[0])).toList())));
        });
        t.append("\nThe CPU column is the benchmark JVM's only (Weir's job); PostgreSQL's own processes are not in it.\n");
        return t.toString();
    }
}
