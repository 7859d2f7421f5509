package io.weir.runtime.metrics;

/**
 * Publishes metrics: told of each metric added to and removed from the registry, and, if it is
 * scheduled, asked to {@link #report()} at its interval. A pull reporter (Prometheus) reads the
 * registry when scraped instead.
 *
 * <p>Threading: {@link #metricAdded} and {@link #metricRemoved} run on the registering thread (a
 * task's), so they must be quick; {@link #report()} runs on the registry's thread.
 */
public interface MetricReporter {
    default void metricAdded(RegisteredMetric metric) {}

    default void metricRemoved(RegisteredMetric metric) {}

    default void report() {}

    void close();
}
