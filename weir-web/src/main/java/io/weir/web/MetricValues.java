package io.weir.web;

import io.weir.api.metrics.Counter;
import io.weir.api.metrics.Gauge;
import io.weir.api.metrics.Histogram;
import io.weir.api.metrics.HistogramStatistics;
import io.weir.api.metrics.Meter;
import io.weir.api.metrics.Metric;
import io.weir.runtime.metrics.RegisteredMetric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Metric values as the REST API shows them, Flink's way: a list of ids without {@code ?get=}, the
 * values (as strings) of the requested ids with it, or for aggregating endpoints the min, max, avg
 * and sum over the components (subtasks, task managers). A histogram appears as one value per
 * statistic ({@code name_min}, {@code name_p99}, ...).
 */
final class MetricValues {
    private static final List<String> AGGREGATIONS = List.of("min", "max", "avg", "sum");

    private final Map<String, String> values = new TreeMap<>();
    private final Map<String, List<Double>> perComponent = new TreeMap<>();

    /** Adds the metrics, each under the id {@code idOf} gives it. */
    MetricValues add(List<RegisteredMetric> metrics, Function<RegisteredMetric, String> idOf) {
        for (RegisteredMetric metric : metrics) {
            String id = idOf.apply(metric);
            flatten(id, metric.metric()).forEach((name, value) -> {
                values.put(name, value);
                Double number = parse(value);
                if (number != null) {
                    perComponent.computeIfAbsent(name, k -> new ArrayList<>()).add(number);
                }
            });
        }
        return this;
    }

    /** {@code [{"id": ...}]}, or with {@code get}: {@code [{"id": ..., "value": "..."}]} for the known ids. */
    List<Map<String, Object>> plain(String get) {
        List<Map<String, Object>> result = new ArrayList<>();
        if (get == null) {
            values.keySet().forEach(id -> result.add(Map.of("id", id)));
            return result;
        }
        for (String id : split(get)) {
            String value = values.get(id);
            if (value != null) {
                result.add(Map.of("id", id, "value", value));
            }
        }
        return result;
    }

    /** Every id with its value: {@code [{"id": ..., "value": "..."}]}. */
    List<Map<String, Object>> all() {
        List<Map<String, Object>> result = new ArrayList<>();
        values.forEach((id, value) -> result.add(Map.of("id", id, "value", value)));
        return result;
    }

    /**
     * {@code [{"id": ...}]}, or with {@code get}: {@code [{"id": ..., "min": .., "max": .., "avg": .., "sum": ..}]}
     * over the components, restricted to {@code agg} when given.
     */
    List<Map<String, Object>> aggregated(String get, String agg) {
        List<Map<String, Object>> result = new ArrayList<>();
        if (get == null) {
            perComponent.keySet().forEach(id -> result.add(Map.of("id", id)));
            return result;
        }
        List<String> wanted = agg == null ? AGGREGATIONS : split(agg);
        for (String a : wanted) {
            if (!AGGREGATIONS.contains(a)) {
                throw RestError.badRequest("Unknown aggregation '" + a + "' in agg=" + agg + "; use any of min,max,avg,sum.");
            }
        }
        for (String id : split(get)) {
            List<Double> numbers = perComponent.get(id);
            if (numbers == null) {
                continue;
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", id);
            double sum = numbers.stream().mapToDouble(Double::doubleValue).sum();
            for (String a : wanted) {
                switch (a) {
                    case "min" -> entry.put("min", numbers.stream().mapToDouble(Double::doubleValue).min().orElse(0));
                    case "max" -> entry.put("max", numbers.stream().mapToDouble(Double::doubleValue).max().orElse(0));
                    case "avg" -> entry.put("avg", sum / numbers.size());
                    default -> entry.put("sum", sum);
                }
            }
            result.add(entry);
        }
        return result;
    }

    /** The numeric value of an id, or {@code null}. */
    Double number(String id) {
        String value = values.get(id);
        return value == null ? null : parse(value);
    }

    /** Sum of an id's numeric values over the components, 0 when absent. */
    double sum(String id) {
        List<Double> numbers = perComponent.get(id);
        return numbers == null ? 0 : numbers.stream().mapToDouble(Double::doubleValue).sum();
    }

    static Map<String, String> flatten(String id, Metric metric) {
        Map<String, String> out = new LinkedHashMap<>();
        if (metric instanceof Counter counter) {
            out.put(id, Long.toString(counter.getCount()));
        } else if (metric instanceof Gauge<?> gauge) {
            Object value = gauge.getValue();
            out.put(id, String.valueOf(value));
        } else if (metric instanceof Meter meter) {
            out.put(id, Double.toString(meter.getRate()));
        } else if (metric instanceof Histogram histogram) {
            HistogramStatistics s = histogram.getStatistics();
            out.put(id + "_count", Long.toString(histogram.getCount()));
            out.put(id + "_min", Long.toString(s.getMin()));
            out.put(id + "_max", Long.toString(s.getMax()));
            out.put(id + "_mean", Double.toString(s.getMean()));
            out.put(id + "_stddev", Double.toString(s.getStdDev()));
            out.put(id + "_p50", Double.toString(s.getQuantile(0.5)));
            out.put(id + "_p95", Double.toString(s.getQuantile(0.95)));
            out.put(id + "_p99", Double.toString(s.getQuantile(0.99)));
        }
        return out;
    }

    private static Double parse(String value) {
        try {
            return Double.valueOf(value);
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static List<String> split(String list) {
        List<String> parts = new ArrayList<>();
        for (String part : list.split(",")) {
            if (!part.isBlank()) {
                parts.add(part.trim());
            }
        }
        return parts;
    }
}
