package io.weir.api.metrics;

/**
 * A value read when it is reported, such as a queue length or the current watermark. Reporters
 * call {@link #getValue()} on their own thread, so it must be cheap and safe to call from there.
 * Numbers are reported as numbers; other values by their {@code toString()} where a reporter
 * supports text (SLF4J, JMX, REST), and skipped by Prometheus.
 */
@FunctionalInterface
public interface Gauge<T> extends Metric {
    T getValue();
}
