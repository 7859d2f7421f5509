package io.weir.web.prometheus;

import io.weir.api.metrics.Counter;
import io.weir.api.metrics.Gauge;
import io.weir.api.metrics.Histogram;
import io.weir.api.metrics.HistogramStatistics;
import io.weir.api.metrics.Meter;
import io.weir.api.metrics.Metric;
import io.weir.runtime.metrics.RegisteredMetric;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Writes metrics in Prometheus's text exposition format (version 0.0.4), named as Flink's
 * Prometheus reporter names them with Weir's prefix: {@code weir_} + the logical scope + the metric
 * name, with every character outside {@code [a-zA-Z0-9_:]} replaced by {@code _}
 * ({@code weir_taskmanager_job_task_numRecordsIn}); the scope variables are labels
 * ({@code job_name}, {@code task_name}, {@code subtask_index}, ...).
 *
 * <p>Counters and meters are reported as gauges (a counter may go down; a meter is a rate), as
 * Flink does; numeric and boolean gauges as gauges; histograms as summaries with quantiles 0.5,
 * 0.75, 0.95, 0.98, 0.99, 0.999. Gauges of other types are left out.
 */
public final class PrometheusText {
    private static final Pattern INVALID = Pattern.compile("[^a-zA-Z0-9_:]");
    private static final double[] QUANTILES = {0.5, 0.75, 0.95, 0.98, 0.99, 0.999};

    private PrometheusText() {}

    /** The metric's Prometheus name. */
    public static String name(RegisteredMetric metric) {
        return INVALID.matcher("weir_" + metric.group().logicalScope().replace('.', '_') + "_" + metric.name())
                .replaceAll("_");
    }

    /** The exposition of all {@code metrics}, one family per name, sorted by name. */
    public static String render(List<RegisteredMetric> metrics) {
        Map<String, StringBuilder> families = new TreeMap<>();
        Map<String, String> types = new TreeMap<>();
        for (RegisteredMetric metric : metrics) {
            String name = name(metric);
            String labels = labels(metric.group().getAllVariables(), null);
            StringBuilder family = new StringBuilder();
            String type = samples(name, labels, metric, family);
            if (type != null && (types.putIfAbsent(name, type) == null || types.get(name).equals(type))) {
                families.computeIfAbsent(name, n -> new StringBuilder()).append(family);
            }
        }
        StringBuilder out = new StringBuilder();
        families.forEach((name, samples) -> {
            out.append("# HELP ").append(name).append(' ').append(name).append(" (scope: ")
                    .append(name.substring(5)).append(")\n");
            out.append("# TYPE ").append(name).append(' ').append(types.get(name)).append('\n');
            out.append(samples);
        });
        return out.toString();
    }

    /** Appends the samples of one metric; returns its type, or {@code null} to leave it out. */
    private static String samples(String name, String labels, RegisteredMetric registered, StringBuilder out) {
        Metric metric = registered.metric();
        if (metric instanceof Counter counter) {
            sample(out, name, labels, counter.getCount());
            return "gauge";
        }
        if (metric instanceof Meter meter) {
            sample(out, name, labels, meter.getRate());
            return "gauge";
        }
        if (metric instanceof Gauge<?> gauge) {
            Object value = gauge.getValue();
            if (value instanceof Number number) {
                sample(out, name, labels, number.doubleValue());
                return "gauge";
            }
            if (value instanceof Boolean flag) {
                sample(out, name, labels, flag ? 1 : 0);
                return "gauge";
            }
            return null;
        }
        if (metric instanceof Histogram histogram) {
            HistogramStatistics statistics = histogram.getStatistics();
            Map<String, String> variables = registered.group().getAllVariables();
            for (double q : QUANTILES) {
                sample(out, name, labels(variables, Double.toString(q)), statistics.getQuantile(q));
            }
            sample(out, name + "_count", labels, histogram.getCount());
            return "summary";
        }
        return null;
    }

    private static void sample(StringBuilder out, String name, String labels, double value) {
        out.append(name).append(labels).append(' ').append(format(value)).append('\n');
    }

    private static String format(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    private static String labels(Map<String, String> variables, String quantile) {
        if (variables.isEmpty() && quantile == null) {
            return "";
        }
        StringBuilder out = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, String> v : new TreeMap<>(variables).entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            String key = INVALID.matcher(v.getKey().replace("<", "").replace(">", "")).replaceAll("_");
            out.append(key).append("=\"").append(escape(v.getValue())).append('"');
        }
        if (quantile != null) {
            out.append(first ? "" : ",").append("quantile=\"").append(quantile).append('"');
        }
        return out.append('}').toString();
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
