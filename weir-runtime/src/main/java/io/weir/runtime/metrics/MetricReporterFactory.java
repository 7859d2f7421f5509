package io.weir.runtime.metrics;

import io.weir.api.configuration.ConfigOption;
import io.weir.api.configuration.Configuration;
import java.util.List;

/**
 * Creates one kind of reporter when the configuration asks for it. Found through
 * {@link java.util.ServiceLoader}: the runtime brings SLF4J and JMX, the web module Prometheus.
 * A reporter named {@code x} is configured under {@code metrics.reporter.x.*}.
 */
public interface MetricReporterFactory {
    /** The reporter's name in configuration keys, such as {@code prom}. */
    String name();

    /** The options of this reporter, so that configuration files may name them. */
    List<ConfigOption<?>> options();

    /**
     * Starts the reporter if the configuration enables it, and registers it (and its schedule) with
     * {@code registry}; does nothing otherwise.
     *
     * @throws IllegalArgumentException if the reporter's options are invalid
     */
    void startIfConfigured(Configuration configuration, MetricRegistry registry);

    /**
     * Whether {@code metrics.reporter.<name>.factory.class} (or another option) enables the reporter.
     *
     * @param factoryClass the option naming the factory class
     * @param ownClasses the class names accepted: Weir's factory and Flink's equivalent
     */
    static boolean enabledByFactoryClass(Configuration configuration, ConfigOption<String> factoryClass,
            String... ownClasses) {
        String configured = configuration.getOptional(factoryClass).orElse(null);
        if (configured == null) {
            return false;
        }
        for (String own : ownClasses) {
            if (own.equals(configured)) {
                return true;
            }
        }
        throw new IllegalArgumentException("Configuration key '" + factoryClass.key() + "' names '" + configured
                + "', which is not a reporter this Weir knows; use '" + ownClasses[0] + "'.");
    }
}
