package io.weir.api.metrics;

/**
 * Something a job or the cluster measures and reporters read: a {@link Counter}, {@link Gauge},
 * {@link Meter} or {@link Histogram}. Metrics are registered in a {@link MetricGroup}.
 */
public interface Metric {}
