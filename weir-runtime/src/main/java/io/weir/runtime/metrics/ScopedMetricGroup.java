package io.weir.runtime.metrics;

import io.weir.api.metrics.Counter;
import io.weir.api.metrics.Gauge;
import io.weir.api.metrics.Histogram;
import io.weir.api.metrics.Meter;
import io.weir.api.metrics.Metric;
import io.weir.api.metrics.MetricGroup;
import io.weir.api.metrics.SimpleCounter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node of the metric tree with Flink's scopes: the JobManager, a job on it, a TaskManager, a
 * job on it, a task (one subtask of a vertex), an operator of the task, and the groups users add.
 * Each group knows its scope components (for identifiers such as
 * {@code localhost.taskmanager.tm-0.WordCount.Map.0.numRecordsIn}), its logical scope (for
 * Prometheus names such as {@code taskmanager_job_task_operator}), its variables (labels such as
 * {@code job_name}), and its metrics' name relative to its component (for the REST API, such as
 * {@code Map.numRecordsIn} within a task).
 *
 * <p>Threading: metrics are registered by the thread that owns the component (the task's, for task
 * and operator groups); the registry and readers may run on other threads, so the group's own
 * collections are synchronized.
 */
public final class ScopedMetricGroup implements MetricGroup {
    private static final Logger LOG = LoggerFactory.getLogger(ScopedMetricGroup.class);

    private final MetricRegistry registry;
    private final String[] scope;
    private final String logicalScope;
    private final Map<String, String> variables;
    private final String restPrefix;
    private final Map<String, Metric> metrics = new LinkedHashMap<>();
    private final List<ScopedMetricGroup> children = new ArrayList<>();
    private boolean closed;

    private ScopedMetricGroup(MetricRegistry registry, String[] scope, String logicalScope,
            Map<String, String> variables, String restPrefix) {
        this.registry = registry;
        this.scope = scope;
        this.logicalScope = logicalScope;
        this.variables = Collections.unmodifiableMap(variables);
        this.restPrefix = restPrefix;
    }

    /** The JobManager's group: scope {@code <host>.jobmanager}. */
    public static ScopedMetricGroup jobManager(MetricRegistry registry, String host) {
        return new ScopedMetricGroup(registry, new String[] {host, "jobmanager"}, "jobmanager",
                Map.of("<host>", host), "");
    }

    /** A TaskManager's group: scope {@code <host>.taskmanager.<tm_id>}. */
    public static ScopedMetricGroup taskManager(MetricRegistry registry, String host, String taskManagerId) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("<host>", host);
        variables.put("<tm_id>", taskManagerId);
        return new ScopedMetricGroup(registry, new String[] {host, "taskmanager", taskManagerId}, "taskmanager",
                variables, "");
    }

    /** A job's group under the JobManager or a TaskManager: scope {@code ...<job_name>}. */
    public ScopedMetricGroup addJob(String jobId, String jobName) {
        return component("job", new String[] {jobName}, Map.of("<job_id>", jobId, "<job_name>", jobName));
    }

    /**
     * A task's group under a TaskManager's job group: scope {@code ...<task_name>.<subtask_index>}.
     *
     * @param taskId the vertex's id, as the REST API shows it
     */
    public ScopedMetricGroup addTask(String taskId, String taskName, int subtaskIndex, int attemptNumber) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("<task_id>", taskId);
        variables.put("<task_name>", taskName);
        variables.put("<subtask_index>", Integer.toString(subtaskIndex));
        variables.put("<task_attempt_num>", Integer.toString(attemptNumber));
        return component("task", new String[] {taskName, Integer.toString(subtaskIndex)}, variables);
    }

    /**
     * An operator's group under a task's group. Its scope replaces the task name by the operator
     * name ({@code ...<job_name>.<operator_name>.<subtask_index>}), as Flink's does.
     */
    public ScopedMetricGroup addOperator(String operatorId, String operatorName) {
        String[] operatorScope = scope.clone();
        operatorScope[operatorScope.length - 2] = operatorName;
        Map<String, String> all = new LinkedHashMap<>(variables);
        all.put("<operator_id>", operatorId);
        all.put("<operator_name>", operatorName);
        return adopt(new ScopedMetricGroup(registry, operatorScope, logicalScope + ".operator", all,
                operatorName + "."));
    }

    private ScopedMetricGroup component(String logicalName, String[] components, Map<String, String> added) {
        Map<String, String> all = new LinkedHashMap<>(variables);
        all.putAll(added);
        return adopt(new ScopedMetricGroup(registry, concat(scope, components), logicalScope + "." + logicalName, all,
                ""));
    }

    @Override
    public MetricGroup addGroup(String name) {
        return adopt(new ScopedMetricGroup(registry, concat(scope, new String[] {name}), logicalScope + "." + name,
                variables, restPrefix + name + "."));
    }

    @Override
    public MetricGroup addGroup(String key, String value) {
        Map<String, String> all = new LinkedHashMap<>(variables);
        all.put("<" + key + ">", value);
        return adopt(new ScopedMetricGroup(registry, concat(scope, new String[] {key, value}),
                logicalScope + "." + key, all, restPrefix + key + "." + value + "."));
    }

    private synchronized ScopedMetricGroup adopt(ScopedMetricGroup child) {
        if (closed) {
            child.closed = true;
        } else {
            children.add(child);
        }
        return child;
    }

    @Override
    public Counter counter(String name) {
        return counter(name, new SimpleCounter());
    }

    @Override
    public <C extends Counter> C counter(String name, C counter) {
        register(name, counter);
        return counter;
    }

    @Override
    public <T, G extends Gauge<T>> G gauge(String name, G gauge) {
        register(name, gauge);
        return gauge;
    }

    @Override
    public <M extends Meter> M meter(String name, M meter) {
        register(name, meter);
        return meter;
    }

    @Override
    public <H extends Histogram> H histogram(String name, H histogram) {
        register(name, histogram);
        return histogram;
    }

    private void register(String name, Metric metric) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A metric needs a name; got '" + name + "' in group "
                    + String.join(".", scope));
        }
        synchronized (this) {
            if (closed) {
                return;
            }
            if (metrics.containsKey(name)) {
                LOG.warn("Metric '{}' is already registered in group {}; the second one is not reported."
                        + " Give it another name.", name, String.join(".", scope));
                return;
            }
            metrics.put(name, metric);
        }
        registry.register(new RegisteredMetric(name, metric, this));
    }

    /** Unregisters this group's metrics and its subgroups'; later registrations are ignored. */
    public void close() {
        List<ScopedMetricGroup> toClose;
        Map<String, Metric> toRemove;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toClose = new ArrayList<>(children);
            toRemove = new LinkedHashMap<>(metrics);
            children.clear();
            metrics.clear();
        }
        toClose.forEach(ScopedMetricGroup::close);
        toRemove.forEach((name, metric) -> registry.unregister(new RegisteredMetric(name, metric, this)));
    }

    @Override
    public String[] getScopeComponents() {
        return scope.clone();
    }

    @Override
    public Map<String, String> getAllVariables() {
        return variables;
    }

    @Override
    public String getMetricIdentifier(String metricName) {
        return String.join(".", scope) + "." + metricName;
    }

    /** The scope without the variable parts, such as {@code taskmanager.job.task.operator}. */
    public String logicalScope() {
        return logicalScope;
    }

    /** What the REST API puts before a metric's name within its component ({@code Map.} for an operator). */
    String restPrefix() {
        return restPrefix;
    }

    /** The value of a variable such as {@code <job_id>}, or {@code null}. */
    public String variable(String name) {
        return variables.get(name);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
