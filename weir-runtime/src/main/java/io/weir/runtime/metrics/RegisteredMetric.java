package io.weir.runtime.metrics;

import io.weir.api.metrics.Metric;

/** A metric as the registry holds it: its name within its group, and the group. */
public record RegisteredMetric(String name, Metric metric, ScopedMetricGroup group) {
    /** The metric's fully qualified name: the group's scope components and the name, joined by dots. */
    public String identifier() {
        return group.getMetricIdentifier(name);
    }

    /** The metric's name relative to its component (task, operator, ...), as the REST API names it. */
    public String restName() {
        return group.restPrefix() + name;
    }
}
