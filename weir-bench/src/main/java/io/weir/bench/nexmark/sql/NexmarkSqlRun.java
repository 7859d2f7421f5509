package io.weir.bench.nexmark.sql;

import io.weir.api.execution.CloseableIterator;
import io.weir.api.execution.JobExecutionResult;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import io.weir.bench.jmh.ThreadCpu;
import io.weir.bench.nexmark.CanonicalResult;
import io.weir.bench.nexmark.NexmarkConfig;
import io.weir.sql.api.EnvironmentSettings;
import io.weir.sql.api.TableEnvironment;
import io.weir.sql.api.TableResult;
import io.weir.sql.parser.ScriptStatement;
import io.weir.sql.session.SqlSession;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs a Nexmark query's SQL file as one job: the harness's source table and views over the
 * bench's events, then the query file unchanged (its sink is {@code blackhole}); or, to check, the
 * query of its INSERT collected and its final rows (changelog applied) written in canonical form.
 */
public final class NexmarkSqlRun {

    /**
     * The job's net runtime; the planning time, from {@code executeSql} of the INSERT (or query) to
     * its return with the job submitted (parsing, validation, optimisation, translation into
     * operators, code generation and the local cluster's start); the time from that call to the
     * job's result; the process's CPU time over that span (all threads, -1 where the platform does
     * not say), as the Flink harness measures its {@code job_cpu_s}; the result's SHA-256 when
     * it was written (else null); and the part of that CPU time the JIT compiler threads took (the
     * C1/C2 threads alive at the end, {@link ThreadCpu#compilerNanos}; -1 where /proc is missing).
     */
    public record Outcome(long jobMillis, long planMillis, long submitToFinishMillis, long cpuMillis, String sha256,
            long jitMillis) {
    }

    /**
     * The table options the Flink harness sets on its table environment (the public Nexmark
     * benchmark's {@code config.yaml}): mini-batch group aggregates (two-phase where they merge) and
     * split distinct aggregates. Weir runs with the same, so both engines plan alike; a {@code conf}
     * key overrides them (e.g. {@code conf.table.exec.mini-batch.enabled=false}).
     */
    public static final Map<String, String> HARNESS_OPTIONS = Map.of(
            "table.exec.mini-batch.enabled", "true",
            "table.exec.mini-batch.allow-latency", "2s",
            "table.exec.mini-batch.size", "50000",
            "table.optimizer.distinct-agg.split.enabled", "true");

    private NexmarkSqlRun() {
    }

    public static Outcome run(String query, NexmarkConfig config, long events, int parallelism, Path checkDir,
            Map<String, String> conf) throws Exception {
        TableEnvironment tableEnv = SqlSession.create(EnvironmentSettings.inStreamingMode());
        tableEnv.getConfig().set("parallelism.default", Integer.toString(parallelism));
        HARNESS_OPTIONS.forEach(tableEnv.getConfig()::set);
        conf.forEach(tableEnv.getConfig()::set);
        NexmarkSqlQueries.createSourceAndViews(tableEnv, config, events);
        if (checkDir != null) {
            NexmarkSqlQueries.createTables(tableEnv, query);
            long cpuStart = cpuMillis();
            long start = System.nanoTime();
            TableResult collected = tableEnv.executeSql(NexmarkSqlQueries.select(query));
            long planned = System.nanoTime();
            List<String> rows = finalRows(collected);
            long end = System.nanoTime();
            long cpu = cpuSince(cpuStart);
            long millis = (end - start) / 1_000_000;
            return new Outcome(millis, (planned - start) / 1_000_000, millis, cpu,
                    CanonicalResult.write(rows, checkDir.resolve(query + ".txt")), -1);
        }
        // Like the Flink harness: every statement but the INSERT first, then the INSERT, timed.
        String insertText = null;
        for (ScriptStatement statement : NexmarkSqlQueries.statements(query)) {
            if (statement.text().strip().toUpperCase(Locale.ROOT).startsWith("INSERT")) {
                insertText = statement.text();
            } else {
                tableEnv.executeSql(statement.text());
            }
        }
        if (insertText == null) {
            throw new IllegalStateException("The SQL file of " + query + " has no INSERT INTO");
        }
        long jitStart = ThreadCpu.compilerNanos();
        long cpuStart = cpuMillis();
        long start = System.nanoTime();
        TableResult insert = tableEnv.executeSql(insertText);
        long planned = System.nanoTime();
        JobExecutionResult result = insert.getJobClient().orElseThrow().getJobExecutionResult().get();
        long end = System.nanoTime();
        long cpu = cpuSince(cpuStart);
        long jit = jitSince(jitStart);
        return new Outcome(result.getNetRuntime(), (planned - start) / 1_000_000, (end - start) / 1_000_000, cpu, null,
                jit);
    }

    /** CPU time of this process so far, milliseconds, or -1 where the platform does not say. */
    private static long cpuMillis() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
    }

    /** Milliseconds the JIT compiler threads ran since {@code startNanos}, or -1 where /proc is missing. */
    private static long jitSince(long startNanos) {
        if (!Files.isDirectory(Path.of("/proc/self/task"))) {
            return -1;
        }
        return Math.max(0, ThreadCpu.compilerNanos() - startNanos) / 1_000_000;
    }

    private static long cpuSince(long startMillis) {
        long now = cpuMillis();
        return startMillis < 0 || now < 0 ? -1 : now - startMillis;
    }

    /** The rows a changelog adds up to, in canonical form, sorted. */
    private static List<String> finalRows(TableResult result) throws Exception {
        Map<String, Integer> copies = new TreeMap<>();
        try (CloseableIterator<Row> iterator = result.collect()) {
            while (iterator.hasNext()) {
                Row row = iterator.next();
                String line = canonical(row);
                boolean adds = row.getKind() == RowKind.INSERT || row.getKind() == RowKind.UPDATE_AFTER;
                int count = copies.getOrDefault(line, 0) + (adds ? 1 : -1);
                if (count < 0) {
                    throw new IllegalStateException(row + " retracts a row the result does not hold");
                }
                if (count == 0) {
                    copies.remove(line);
                } else {
                    copies.put(line, count);
                }
            }
        }
        List<String> rows = new ArrayList<>();
        copies.forEach((line, count) -> {
            for (int i = 0; i < count; i++) {
                rows.add(line);
            }
        });
        return rows;
    }

    /** A row in the canonical form of shared/nexmark.md: fields joined by '|', timestamps as epoch ms. */
    public static String canonical(Row row) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < row.getArity(); i++) {
            if (i > 0) {
                line.append('|');
            }
            Object value = row.getField(i);
            if (value instanceof LocalDateTime time) {
                line.append(time.toInstant(ZoneOffset.UTC).toEpochMilli());
            } else if (value instanceof BigDecimal decimal) {
                line.append(decimal.toPlainString());
            } else {
                line.append(value);
            }
        }
        return line.toString();
    }
}
