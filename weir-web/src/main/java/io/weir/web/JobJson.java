package io.weir.web;

import io.weir.api.execution.JobID;
import io.weir.api.execution.JobStatus;
import io.weir.runtime.jobmaster.ExecutionState;
import io.weir.runtime.jobmaster.JobDetails;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Job snapshots in Flink's JSON shapes and field names. Weir's subtask state DEPLOYED is Flink's
 * RUNNING; Flink's states Weir does not have (SCHEDULED, DEPLOYING, INITIALIZING, RECONCILING,
 * RESTARTING, SUSPENDED) are listed with a count or timestamp of 0, so that clients find every key.
 */
final class JobJson {
    private static final List<String> TASK_STATES = List.of("CREATED", "SCHEDULED", "DEPLOYING", "RUNNING",
            "FINISHED", "CANCELING", "CANCELED", "FAILED", "RECONCILING", "INITIALIZING");
    private static final List<String> JOB_STATES = List.of("INITIALIZING", "CREATED", "RUNNING", "FAILING", "FAILED",
            "CANCELLING", "CANCELED", "FINISHED", "RESTARTING", "SUSPENDED", "RECONCILING");

    private JobJson() {}

    /** Flink's name of a subtask state. */
    static String taskState(ExecutionState state) {
        return state == ExecutionState.DEPLOYED ? "RUNNING" : state.name();
    }

    /** The entry of {@code /jobs/overview}. */
    static Map<String, Object> overview(JobDetails job, long now) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("jid", job.jobId().toHexString());
        json.put("name", job.name());
        json.put("state", job.status().name());
        json.put("start-time", job.startTime());
        json.put("end-time", job.endTime());
        json.put("duration", duration(job.startTime(), job.endTime(), now));
        json.put("last-modification", lastModification(job));
        List<JobDetails.Subtask> all = new ArrayList<>();
        job.vertices().forEach(v -> all.addAll(v.subtasks()));
        Map<String, Object> tasks = taskCounts(all);
        tasks.put("total", all.size());
        json.put("tasks", tasks);
        return json;
    }

    /** {@code /jobs/:jobid}. */
    static Map<String, Object> job(JobDetails job, MetricValues metrics, long now) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("jid", job.jobId().toHexString());
        json.put("name", job.name());
        json.put("isStoppable", false);
        json.put("state", job.status().name());
        json.put("job-type", "STREAMING");
        json.put("start-time", job.startTime());
        json.put("end-time", job.endTime());
        json.put("duration", duration(job.startTime(), job.endTime(), now));
        json.put("maxParallelism", job.vertices().stream().mapToInt(JobDetails.Vertex::maxParallelism).max().orElse(-1));
        json.put("now", now);
        Map<String, Object> timestamps = new LinkedHashMap<>();
        for (String state : JOB_STATES) {
            Long at = reached(job, state);
            timestamps.put(state, at == null ? 0L : at);
        }
        json.put("timestamps", timestamps);
        List<Object> vertices = new ArrayList<>();
        List<JobDetails.Subtask> all = new ArrayList<>();
        for (JobDetails.Vertex vertex : job.vertices()) {
            all.addAll(vertex.subtasks());
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("id", vertex.id());
            v.put("name", vertex.name());
            v.put("maxParallelism", vertex.maxParallelism());
            v.put("parallelism", vertex.parallelism());
            v.put("status", vertexState(vertex.subtasks()));
            long start = vertex.subtasks().stream().mapToLong(JobDetails.Subtask::startTime).filter(t -> t > 0).min().orElse(-1);
            long end = vertex.subtasks().stream().allMatch(s -> s.state().isTerminal())
                    ? vertex.subtasks().stream().mapToLong(JobDetails.Subtask::endTime).max().orElse(-1) : -1;
            v.put("start-time", start);
            v.put("end-time", end);
            v.put("duration", start < 0 ? -1 : duration(start, end, now));
            v.put("tasks", taskCounts(vertex.subtasks()));
            v.put("metrics", ioMetrics(metrics, vertex.id() + ".", vertex.subtasks().stream()
                    .allMatch(s -> s.state().isTerminal())));
            vertices.add(v);
        }
        json.put("vertices", vertices);
        json.put("status-counts", taskCounts(all));
        json.put("plan", plan(job).get("plan"));
        return json;
    }

    /** The {@code metrics} object of a vertex or subtask: records and bytes in and out. */
    static Map<String, Object> ioMetrics(MetricValues metrics, String prefix, boolean complete) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("read-bytes", (long) metrics.sum(prefix + "numBytesIn"));
        json.put("read-bytes-complete", complete);
        json.put("write-bytes", (long) metrics.sum(prefix + "numBytesOut"));
        json.put("write-bytes-complete", complete);
        json.put("read-records", (long) metrics.sum(prefix + "numRecordsIn"));
        json.put("read-records-complete", complete);
        json.put("write-records", (long) metrics.sum(prefix + "numRecordsOut"));
        json.put("write-records-complete", complete);
        return json;
    }

    /** {@code /jobs/:jobid/plan}. */
    static Map<String, Object> plan(JobDetails job) {
        return plan(job.jobId(), job.name(), job.vertices());
    }

    /** {@code /jobs/:jobid/plan}, and {@code /jars/:jarid/plan} of a job not submitted. */
    static Map<String, Object> plan(JobID jobId, String name, List<JobDetails.Vertex> vertices) {
        List<Object> nodes = new ArrayList<>();
        for (JobDetails.Vertex vertex : vertices) {
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("id", vertex.id());
            node.put("parallelism", vertex.parallelism());
            node.put("operator", "");
            node.put("operator_strategy", "");
            node.put("description", String.join(" -> ", vertex.operators()));
            List<Object> inputs = new ArrayList<>();
            for (int i = 0; i < vertex.inputs().size(); i++) {
                JobDetails.Input input = vertex.inputs().get(i);
                Map<String, Object> in = new LinkedHashMap<>();
                in.put("num", i);
                in.put("id", input.producerId());
                in.put("ship_strategy", input.exchange());
                in.put("exchange", "pipelined_bounded");
                inputs.add(in);
            }
            if (!inputs.isEmpty()) {
                node.put("inputs", inputs);
            }
            node.put("optimizer_properties", Map.of());
            nodes.add(node);
        }
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("jid", jobId.toHexString());
        plan.put("name", name);
        plan.put("type", "STREAMING");
        plan.put("nodes", nodes);
        return Map.of("plan", plan);
    }

    /**
     * {@code /jobs/:jobid/exceptions}: Flink 2's exception history, newest first, each failure the
     * job restarted from or failed with, and the failures concurrent to it.
     */
    static Map<String, Object> exceptions(JobDetails job) {
        List<Object> entries = new ArrayList<>();
        for (JobDetails.Failure failure : job.failures()) {
            Map<String, Object> entry = exception(failure);
            List<Object> concurrent = new ArrayList<>();
            failure.concurrent().forEach(c -> concurrent.add(exception(c)));
            entry.put("concurrentExceptions", concurrent);
            entries.add(entry);
        }
        Map<String, Object> history = new LinkedHashMap<>();
        history.put("entries", entries);
        history.put("truncated", false);
        return Map.of("exceptionHistory", history);
    }

    private static Map<String, Object> exception(JobDetails.Failure failure) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("exceptionName", failure.exception().getClass().getName());
        entry.put("stacktrace", stackTrace(failure.exception()));
        entry.put("timestamp", failure.timestamp());
        entry.put("taskName", failure.taskName());
        entry.put("endpoint", failure.taskManagerId() == null ? null : "localhost");
        entry.put("taskManagerId", failure.taskManagerId());
        entry.put("failureLabels", Map.of());
        return entry;
    }

    /** Parts of option keys whose values are secrets: shown as {@link #HIDDEN}, as Flink does. */
    private static final List<String> SENSITIVE = List.of("password", "secret", "token", "apikey", "api-key",
            "auth-params", "service-key", "basic-auth", "jaas.config", "account.key");
    static final String HIDDEN = "******";

    /**
     * {@code /jobs/:jobid/config}: Flink's {@code execution-config} fields Weir has, and (Weir's
     * addition) every option set on the job, secrets hidden.
     */
    static Map<String, Object> config(JobDetails job) {
        Map<String, String> options = job.configuration();
        Map<String, Object> execution = new LinkedHashMap<>();
        execution.put("execution-mode", "PIPELINED");
        execution.put("restart-strategy", options.getOrDefault("restart-strategy.type",
                "default (exponential-delay with checkpointing, else none)"));
        execution.put("job-parallelism", Integer.parseInt(options.getOrDefault("parallelism.default", "-1")));
        execution.put("object-reuse-mode", Boolean.parseBoolean(options.getOrDefault("pipeline.object-reuse", "false")));
        execution.put("user-config", Map.of());
        Map<String, String> shown = new TreeMap<>();
        options.forEach((key, value) -> shown.put(key, isSensitive(key) ? HIDDEN : value));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("jid", job.jobId().toHexString());
        json.put("name", job.name());
        json.put("execution-config", execution);
        json.put("configuration", shown);
        return json;
    }

    /** Whether the option's value is a secret, to be shown as {@link #HIDDEN}. */
    static boolean isSensitive(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return SENSITIVE.stream().anyMatch(lower::contains);
    }

    static Map<String, Object> taskCounts(List<JobDetails.Subtask> subtasks) {
        Map<String, Object> counts = new LinkedHashMap<>();
        TASK_STATES.forEach(s -> counts.put(s, 0));
        for (JobDetails.Subtask subtask : subtasks) {
            counts.merge(taskState(subtask.state()), 1, (a, b) -> (Integer) a + (Integer) b);
        }
        return counts;
    }

    /** A vertex's state from its subtasks', as Flink aggregates it. */
    static String vertexState(List<JobDetails.Subtask> subtasks) {
        boolean allFinished = true;
        boolean allCanceled = true;
        boolean anyRunning = false;
        for (JobDetails.Subtask s : subtasks) {
            switch (s.state()) {
                case FAILED:
                    return "FAILED";
                case CANCELING:
                    return "CANCELING";
                case DEPLOYED:
                    anyRunning = true;
                    break;
                default:
                    break;
            }
            allFinished &= s.state() == ExecutionState.FINISHED;
            allCanceled &= s.state() == ExecutionState.CANCELED;
        }
        if (allFinished) {
            return "FINISHED";
        }
        if (allCanceled) {
            return "CANCELED";
        }
        return anyRunning ? "RUNNING" : "CREATED";
    }

    static long duration(long start, long end, long now) {
        return start < 0 ? -1 : (end < 0 ? now : end) - start;
    }

    private static long lastModification(JobDetails job) {
        return job.timestamps().values().stream().mapToLong(Long::longValue).max().orElse(job.startTime());
    }

    private static Long reached(JobDetails job, String state) {
        for (Map.Entry<JobStatus, Long> e : job.timestamps().entrySet()) {
            if (e.getKey().name().equals(state)) {
                return e.getValue();
            }
        }
        return null;
    }

    private static String stackTrace(Throwable t) {
        StringWriter text = new StringWriter();
        t.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
