package io.weir.runtime.metrics;

import io.weir.api.configuration.ConfigOption;
import io.weir.api.configuration.ConfigOptions;
import io.weir.api.configuration.Configuration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Settings of the metric system and of the reporters the runtime brings (SLF4J, JMX). */
public final class MetricOptions {
    private MetricOptions() {}

    public static final ConfigOption<Duration> VIEW_UPDATE_INTERVAL = ConfigOptions.key("metrics.view.update-interval")
            .durationType().defaultValue(Duration.ofSeconds(5))
            .withDescription("How often rates (numRecordsInPerSecond, ...) and time ratios (busyTimeMsPerSecond, ...)"
                    + " are recomputed. Weir-only; Flink fixes it at 5 s.");

    public static final ConfigOption<String> SLF4J_FACTORY = ConfigOptions.key("metrics.reporter.slf4j.factory.class")
            .stringType().noDefaultValue()
            .withDescription("Set to " + Slf4jReporter.Factory.class.getName() + " to log all metrics periodically.");

    public static final ConfigOption<Duration> SLF4J_INTERVAL = ConfigOptions.key("metrics.reporter.slf4j.interval")
            .durationType().noDefaultValue()
            .withDescription("How often the SLF4J reporter logs the metrics (default 60 s); setting it enables the"
                    + " reporter.");

    public static final ConfigOption<String> JMX_FACTORY = ConfigOptions.key("metrics.reporter.jmx.factory.class")
            .stringType().noDefaultValue()
            .withDescription("Set to " + JmxReporter.Factory.class.getName() + " to publish all metrics as MBeans"
                    + " on the JVM's platform MBean server.");

    /** The options of the metric system and of every reporter on the classpath. */
    public static List<ConfigOption<?>> all() {
        List<ConfigOption<?>> all = new ArrayList<>(List.of(VIEW_UPDATE_INTERVAL));
        for (MetricReporterFactory factory : ServiceLoader.load(MetricReporterFactory.class,
                MetricOptions.class.getClassLoader())) {
            all.addAll(factory.options());
        }
        return all;
    }

    /**
     * A registry with the configured view interval and every configured reporter started.
     *
     * @throws IllegalArgumentException if a reporter's configuration is invalid
     */
    public static MetricRegistry createRegistry(Configuration configuration) {
        MetricRegistry registry = new MetricRegistry(configuration.get(VIEW_UPDATE_INTERVAL));
        try {
            for (MetricReporterFactory factory : ServiceLoader.load(MetricReporterFactory.class,
                    MetricOptions.class.getClassLoader())) {
                factory.startIfConfigured(configuration, registry);
            }
        } catch (RuntimeException e) {
            registry.close();
            throw e;
        }
        return registry;
    }
}
