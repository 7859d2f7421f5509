package io.weir.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.weir.api.configuration.ConfigOption;
import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.ConfigOptionRegistry;
import io.weir.api.execution.JobStatus;
import io.weir.runtime.jobmaster.JobDetails;
import io.weir.runtime.metrics.ScopedMetricGroup;
import io.weir.runtime.minicluster.MiniCluster;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.function.Predicate;

/**
 * The cluster-wide endpoints: {@code /config}, {@code /overview}, {@code /jobmanager/config},
 * {@code /jobmanager/metrics}, {@code /taskmanagers} (+ {@code /metrics}, {@code /:tmid},
 * {@code /:tmid/metrics}, {@code /:tmid/thread-dump}).
 */
final class ClusterEndpoints {
    private final MiniCluster cluster;
    private final Configuration configuration;

    ClusterEndpoints(MiniCluster cluster, Configuration configuration) {
        this.cluster = cluster;
        this.configuration = configuration;
    }

    void register(Javalin app) {
        app.get("/config", this::config);
        app.get("/overview", this::overview);
        app.get("/jobmanager/config", this::jobManagerConfig);
        app.get("/jobmanager/metrics", ctx -> ctx.json(metrics(isJobManager()).plain(ctx.queryParam("get"))));
        app.get("/taskmanagers", this::taskManagers);
        app.get("/taskmanagers/metrics", ctx -> ctx.json(new MetricValues()
                .add(cluster.metricRegistry().metrics(isTaskManager(null)), m -> m.restName())
                .aggregated(ctx.queryParam("get"), ctx.queryParam("agg"))));
        app.get("/taskmanagers/{tmid}", this::taskManager);
        app.get("/taskmanagers/{tmid}/metrics", ctx -> ctx.json(
                metrics(isTaskManager(knownTaskManager(ctx))).plain(ctx.queryParam("get"))));
        app.get("/taskmanagers/{tmid}/thread-dump", this::threadDump);
    }

    private void config(Context ctx) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("refresh-interval", 3000);
        TimeZone zone = TimeZone.getDefault();
        json.put("timezone-name", zone.getDisplayName());
        json.put("timezone-offset", zone.getOffset(System.currentTimeMillis()));
        json.put("weir-version", WeirWebVersion.get());
        json.put("features", Map.of("web-submit", configuration.get(WebOptions.SUBMIT_ENABLE), "web-cancel", true, "web-rescale", false,
                "web-history", false));
        ctx.json(json);
    }

    private void overview(Context ctx) {
        List<JobDetails> jobs = RestServer.await(cluster.jobDetails());
        List<MiniCluster.TaskManagerDetails> taskManagers = RestServer.await(cluster.taskManagers());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("taskmanagers", taskManagers.size());
        json.put("slots-total", cluster.totalSlots());
        json.put("slots-available", taskManagers.stream().mapToInt(MiniCluster.TaskManagerDetails::freeSlots).sum());
        json.put("jobs-running", jobs.stream().filter(j -> !j.status().isTerminal()).count());
        json.put("jobs-finished", jobs.stream().filter(j -> j.status() == JobStatus.FINISHED).count());
        json.put("jobs-cancelled", jobs.stream().filter(j -> j.status() == JobStatus.CANCELED).count());
        json.put("jobs-failed", jobs.stream().filter(j -> j.status() == JobStatus.FAILED).count());
        json.put("weir-version", WeirWebVersion.get());
        ctx.json(json);
    }

    /** The options set on the cluster, as {@code [{"key": ..., "value": ...}]}, secrets hidden. */
    private void jobManagerConfig(Context ctx) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (ConfigOption<?> option : ConfigOptionRegistry.global().options()) {
            configuration.getOptional(option).ifPresent(value -> entries.add(Map.of("key", option.key(),
                    "value", JobJson.isSensitive(option.key()) ? JobJson.HIDDEN : String.valueOf(value))));
        }
        ctx.json(entries);
    }

    private void taskManagers(Context ctx) {
        List<Object> all = new ArrayList<>();
        for (MiniCluster.TaskManagerDetails tm : RestServer.await(cluster.taskManagers())) {
            all.add(taskManagerJson(tm));
        }
        ctx.json(Map.of("taskmanagers", all));
    }

    private void taskManager(Context ctx) {
        MiniCluster.TaskManagerDetails tm = knownTaskManager(ctx);
        Map<String, Object> json = taskManagerJson(tm);
        MetricValues jvm = metrics(isTaskManager(tm));
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("heapUsed", jvm.number("Status.JVM.Memory.Heap.Used"));
        metrics.put("heapCommitted", jvm.number("Status.JVM.Memory.Heap.Committed"));
        metrics.put("heapMax", jvm.number("Status.JVM.Memory.Heap.Max"));
        metrics.put("nonHeapUsed", jvm.number("Status.JVM.Memory.NonHeap.Used"));
        metrics.put("nonHeapCommitted", jvm.number("Status.JVM.Memory.NonHeap.Committed"));
        metrics.put("nonHeapMax", jvm.number("Status.JVM.Memory.NonHeap.Max"));
        metrics.put("threadsCount", jvm.number("Status.JVM.Threads.Count"));
        json.put("metrics", metrics);
        ctx.json(json);
    }

    private void threadDump(Context ctx) {
        knownTaskManager(ctx);
        List<Object> threads = new ArrayList<>();
        // a MiniCluster's task managers share one JVM: the dump is the process's
        for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(false, false)) {
            threads.add(Map.of("threadName", info.getThreadName(), "stringifiedThreadInfo", info.toString()));
        }
        ctx.json(Map.of("threadInfos", threads));
    }

    private Map<String, Object> taskManagerJson(MiniCluster.TaskManagerDetails tm) {
        Runtime runtime = Runtime.getRuntime();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", tm.id());
        json.put("path", "weir://localhost/" + tm.id());
        json.put("dataPort", -1);
        json.put("jmxPort", -1);
        json.put("timeSinceLastHeartbeat", System.currentTimeMillis());
        json.put("slotsNumber", tm.slots());
        json.put("freeSlots", tm.freeSlots());
        Map<String, Object> hardware = new LinkedHashMap<>();
        hardware.put("cpuCores", runtime.availableProcessors());
        hardware.put("physicalMemory", -1);
        hardware.put("freeMemory", runtime.freeMemory());
        hardware.put("managedMemory", 0);
        json.put("hardware", hardware);
        return json;
    }

    private MiniCluster.TaskManagerDetails knownTaskManager(Context ctx) {
        return knownTaskManager(ctx.pathParam("tmid"));
    }

    /** @throws RestError 404 if the cluster has no task manager with this id */
    MiniCluster.TaskManagerDetails knownTaskManager(String id) {
        for (MiniCluster.TaskManagerDetails tm : RestServer.await(cluster.taskManagers())) {
            if (tm.id().equals(id)) {
                return tm;
            }
        }
        throw RestError.notFound("Unknown task manager '" + id + "'; GET /taskmanagers lists the ids.");
    }

    private MetricValues metrics(Predicate<ScopedMetricGroup> groups) {
        return new MetricValues().add(cluster.metricRegistry().metrics(groups), m -> m.restName());
    }

    private static Predicate<ScopedMetricGroup> isJobManager() {
        return g -> g.logicalScope().startsWith("jobmanager") && g.variable("<job_id>") == null;
    }

    /** @param tm one task manager, or {@code null} for all */
    private static Predicate<ScopedMetricGroup> isTaskManager(MiniCluster.TaskManagerDetails tm) {
        return g -> g.variable("<tm_id>") != null && g.variable("<job_id>") == null
                && (tm == null || tm.id().equals(g.variable("<tm_id>")));
    }
}
