package io.weir.runtime.metrics;

import io.weir.api.configuration.ConfigOption;
import io.weir.api.configuration.Configuration;
import io.weir.api.metrics.Counter;
import io.weir.api.metrics.Gauge;
import io.weir.api.metrics.Histogram;
import io.weir.api.metrics.HistogramStatistics;
import io.weir.api.metrics.Meter;
import io.weir.api.metrics.Metric;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs every metric, one line each ({@code identifier: value}), at INFO in one message per
 * interval. Meant for a quick look without a metrics system, not for production monitoring.
 */
public final class Slf4jReporter implements MetricReporter {
    private static final Logger LOG = LoggerFactory.getLogger(Slf4jReporter.class);

    private final MetricRegistry registry;

    Slf4jReporter(MetricRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void report() {
        if (LOG.isInfoEnabled()) {
            LOG.info(render(registry.metrics()));
        }
    }

    /** The report: a header line and one line per metric, sorted by identifier. */
    static String render(List<RegisteredMetric> metrics) {
        StringBuilder text = new StringBuilder("=== Weir metrics (").append(metrics.size()).append(") ===");
        metrics.sort(Comparator.comparing(RegisteredMetric::identifier));
        for (RegisteredMetric metric : metrics) {
            text.append('\n').append(metric.identifier()).append(": ").append(valueOf(metric.metric()));
        }
        return text.toString();
    }

    private static String valueOf(Metric metric) {
        if (metric instanceof Counter counter) {
            return Long.toString(counter.getCount());
        }
        if (metric instanceof Gauge<?> gauge) {
            return String.valueOf(gauge.getValue());
        }
        if (metric instanceof Meter meter) {
            return meter.getRate() + "/s (count " + meter.getCount() + ")";
        }
        if (metric instanceof Histogram histogram) {
            HistogramStatistics s = histogram.getStatistics();
            return "count=" + histogram.getCount() + " min=" + s.getMin() + " max=" + s.getMax() + " mean=" + s.getMean()
                    + " p50=" + s.getQuantile(0.5) + " p99=" + s.getQuantile(0.99);
        }
        return metric.getClass().getName();
    }

    @Override
    public void close() {}

    /** Starts the reporter when {@code metrics.reporter.slf4j.factory.class} or {@code .interval} is set. */
    public static final class Factory implements MetricReporterFactory {
        @Override
        public String name() {
            return "slf4j";
        }

        @Override
        public List<ConfigOption<?>> options() {
            return List.of(MetricOptions.SLF4J_FACTORY, MetricOptions.SLF4J_INTERVAL);
        }

        @Override
        public void startIfConfigured(Configuration configuration, MetricRegistry registry) {
            boolean enabled = MetricReporterFactory.enabledByFactoryClass(configuration, MetricOptions.SLF4J_FACTORY,
                    Factory.class.getName(), "org.apache.flink.metrics.slf4j.Slf4jReporterFactory")
                    || configuration.contains(MetricOptions.SLF4J_INTERVAL);
            if (enabled) {
                Duration interval = configuration.getOptional(MetricOptions.SLF4J_INTERVAL).orElse(Duration.ofSeconds(60));
                if (interval.isZero() || interval.isNegative()) {
                    throw new IllegalArgumentException(MetricOptions.SLF4J_INTERVAL.key() + " must be positive, got "
                            + interval);
                }
                Slf4jReporter reporter = new Slf4jReporter(registry);
                registry.addReporter(reporter);
                registry.schedule(reporter, interval);
            }
        }
    }
}
