package io.weir.api.metrics;

import java.util.Map;

/**
 * A named scope of metrics: the job, task or operator they belong to, and the subgroups a user
 * adds. Registering a metric makes it visible to the reporters (Prometheus, JMX, SLF4J) and the
 * REST API under the group's scope.
 *
 * <pre>{@code
 * counter = getRuntimeContext().getMetricGroup().addGroup("parser").counter("malformedLines");
 * }</pre>
 *
 * <p>Registering a second metric under a name already used in the group keeps the first one
 * registered (and logs a warning); the new object is returned, but not reported.
 *
 * <p>Threading: register metrics in {@code open()}, on the task's thread.
 */
public interface MetricGroup {
    /** Registers and returns a new {@link SimpleCounter}. */
    Counter counter(String name);

    <C extends Counter> C counter(String name, C counter);

    <T, G extends Gauge<T>> G gauge(String name, G gauge);

    <M extends Meter> M meter(String name, M meter);

    <H extends Histogram> H histogram(String name, H histogram);

    /** A subgroup: its name becomes part of the scope of its metrics. */
    MetricGroup addGroup(String name);

    /**
     * A subgroup for a key and a value: reporters that support labels (Prometheus) report
     * {@code key} as a label with {@code value}; the others see both as scope components.
     */
    MetricGroup addGroup(String key, String value);

    /** The scope of this group, outermost first, such as {@code [localhost, taskmanager, tm-0, job, Map, 0]}. */
    String[] getScopeComponents();

    /** The variables of this group and its parents, such as {@code <job_name> → WordCount}. */
    Map<String, String> getAllVariables();

    /** The fully qualified name of a metric of this group: the scope components and the name, joined by dots. */
    String getMetricIdentifier(String metricName);
}
