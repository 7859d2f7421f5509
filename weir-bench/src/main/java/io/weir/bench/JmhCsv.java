package io.weir.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the CSV that JMH writes with {@code -rf csv}: one row per benchmark and parameter set for
 * the primary score, and one per auxiliary counter ({@code name:cpuNanos}, {@code name:jitNanos},
 * {@code name:records}). The same-program suite of both engines reports the JVM's CPU time, the part
 * of it its JIT compiler threads took, and the records of the measured jobs as such counters, so the
 * CPU time per record is {@code (cpuNanos - jitNanos) / records} (results written before
 * {@code jitNanos} existed count it as 0).
 */
final class JmhCsv {
    /**
     * One benchmark's figures: JMH's score (wall ns/op), the CPU nanoseconds of its jobs, the part of
     * them the JIT compiler took, and the jobs' records.
     */
    record Result(double wallNanosPerOp, double cpuNanos, double jitNanos, double records) {
        /** The JVM's CPU time per record without the JIT compiler's, or NaN when the benchmark reports no counters. */
        double cpuNanosPerRecord() {
            return records > 0 ? (cpuNanos - jitNanos) / records : Double.NaN;
        }

        /** The JVM's whole CPU time per record, the JIT compiler's included. */
        double cpuWithJitNanosPerRecord() {
            return records > 0 ? cpuNanos / records : Double.NaN;
        }

        /** The JIT compiler's share of the JVM's CPU time, or NaN when unknown. */
        double jitShare() {
            return cpuNanos > 0 ? jitNanos / cpuNanos : Double.NaN;
        }
    }

    private JmhCsv() {}

    /**
     * The results by name: the benchmark's class and method without package
     * ({@code WindowBenchmarks.tumblingWindow}), then its parameters as {@code name=value}.
     */
    static Map<String, Result> parse(List<String> lines) {
        if (lines.isEmpty() || !lines.get(0).startsWith("\"Benchmark\"")) {
            throw new IllegalArgumentException("Not a JMH CSV result (it must start with the \"Benchmark\" header): "
                    + (lines.isEmpty() ? "empty" : lines.get(0)));
        }
        List<String> header = cells(lines.get(0));
        int score = header.indexOf("Score");
        Map<String, double[]> figures = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            List<String> row = cells(line);
            String benchmark = row.get(0);
            int colon = benchmark.indexOf(':');
            String counter = colon < 0 ? null : benchmark.substring(colon + 1);
            String name = shortName(colon < 0 ? benchmark : benchmark.substring(0, colon));
            StringBuilder key = new StringBuilder(name);
            for (int i = score + 3; i < header.size() && i < row.size(); i++) {
                key.append(' ').append(header.get(i).replace("Param: ", "")).append('=').append(row.get(i));
            }
            double[] values = figures.computeIfAbsent(key.toString(), k -> new double[] {Double.NaN, 0, 0, 0});
            double value = Double.parseDouble(row.get(score));
            if (counter == null) {
                values[0] = value;
            } else if (counter.equals("cpuNanos")) {
                values[1] = value;
            } else if (counter.equals("jitNanos")) {
                values[2] = value;
            } else if (counter.equals("records")) {
                values[3] = value;
            }
        }
        Map<String, Result> results = new LinkedHashMap<>();
        figures.forEach((key, v) -> results.put(key, new Result(v[0], v[1], v[2], v[3])));
        return results;
    }

    /** {@code Class.method} of a fully qualified benchmark name. */
    private static String shortName(String benchmark) {
        int method = benchmark.lastIndexOf('.');
        int type = benchmark.lastIndexOf('.', method - 1);
        return benchmark.substring(type + 1);
    }

    /** The cells of one CSV line; JMH quotes strings and never puts quotes or commas inside them. */
    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        for (String cell : line.split(",", -1)) {
            cells.add(cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"")
                    ? cell.substring(1, cell.length() - 1) : cell);
        }
        return cells;
    }
}
