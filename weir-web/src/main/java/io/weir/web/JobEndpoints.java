package io.weir.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.weir.api.execution.JobID;
import io.weir.runtime.jobmaster.JobDetails;
import io.weir.runtime.metrics.RegisteredMetric;
import io.weir.runtime.metrics.ScopedMetricGroup;
import io.weir.runtime.minicluster.MiniCluster;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The job endpoints: {@code /jobs}, {@code /jobs/overview}, {@code /jobs/:jobid} (GET, and PATCH to
 * cancel), its {@code /plan}, {@code /config}, {@code /exceptions}, {@code /accumulators}, {@code /metrics}, and
 * per vertex {@code /vertices/:vertexid} with {@code /metrics}, {@code /subtasks/metrics},
 * {@code /subtasks/:subtaskindex/metrics}, {@code /backpressure}, {@code /watermarks} and {@code /flamegraph}.
 */
final class JobEndpoints {
    private static final String VERTEX = "/jobs/{jobid}/vertices/{vertexid}";
    private static final StackSampler FLAME_GRAPH_SAMPLER = new StackSampler(50, 10);

    private final MiniCluster cluster;

    JobEndpoints(MiniCluster cluster) {
        this.cluster = cluster;
    }

    void register(Javalin app) {
        app.get("/jobs", this::jobs);
        app.get("/jobs/overview", this::overview);
        app.get("/jobs/{jobid}", ctx -> ctx.json(JobJson.job(job(ctx), jobMetrics(job(ctx)), now())));
        app.patch("/jobs/{jobid}", this::cancel);
        app.get("/jobs/{jobid}/plan", ctx -> ctx.json(JobJson.plan(job(ctx))));
        app.get("/jobs/{jobid}/config", ctx -> ctx.json(JobJson.config(job(ctx))));
        app.get("/jobs/{jobid}/exceptions", ctx -> ctx.json(JobJson.exceptions(job(ctx))));
        app.get("/jobs/{jobid}/accumulators", this::accumulators);
        app.get("/jobs/{jobid}/metrics", ctx -> {
            String jobId = job(ctx).jobId().toHexString();
            ctx.json(new MetricValues().add(cluster.metricRegistry().metrics(g -> g.logicalScope().startsWith(
                    "jobmanager.job") && jobId.equals(g.variable("<job_id>"))), RegisteredMetric::restName)
                    .plain(ctx.queryParam("get")));
        });
        app.get(VERTEX, this::vertex);
        app.get(VERTEX + "/metrics", ctx -> ctx.json(new MetricValues()
                .add(taskMetrics(ctx, null), m -> m.group().variable("<subtask_index>") + "." + m.restName())
                .plain(ctx.queryParam("get"))));
        app.get(VERTEX + "/subtasks/metrics", ctx -> ctx.json(new MetricValues()
                .add(taskMetrics(ctx, null), RegisteredMetric::restName)
                .aggregated(ctx.queryParam("get"), ctx.queryParam("agg"))));
        app.get(VERTEX + "/subtasks/{subtaskindex}/metrics", ctx -> ctx.json(new MetricValues()
                .add(taskMetrics(ctx, subtask(ctx)), RegisteredMetric::restName).plain(ctx.queryParam("get"))));
        app.get(VERTEX + "/backpressure", this::backPressure);
        app.get(VERTEX + "/watermarks", this::watermarks);
        app.get(VERTEX + "/flamegraph", this::flameGraph);
        new CheckpointEndpoints(this::job).register(app);
    }

    /** Each subtask's input watermark: {@code [{"id": "0.currentInputWatermark", "value": "..."}]}. */
    private void watermarks(Context ctx) {
        List<RegisteredMetric> watermarks = new ArrayList<>();
        for (RegisteredMetric m : taskMetrics(ctx, null)) {
            if (m.restName().equals("currentInputWatermark")) {
                watermarks.add(m);
            }
        }
        ctx.json(new MetricValues().add(watermarks, m -> m.group().variable("<subtask_index>") + "." + m.name())
                .all());
    }

    /**
     * Samples the vertex's task threads ({@link StackSampler}, 50 samples 10 ms apart) and answers
     * Flink's shape: {@code {"endTimestamp", "data": {"name": "root", "value", "children"}}}.
     */
    private void flameGraph(Context ctx) {
        StackSampler.Type type = StackSampler.Type.parse(ctx.queryParam("type"));
        JobDetails job = job(ctx);
        int vertexIndex = job.vertices().indexOf(vertexOf(ctx, job));
        long[] threads = cluster.taskThreadIds(job.jobId(), vertexIndex);
        Map<String, Object> data = FLAME_GRAPH_SAMPLER.sample(threads, type);
        ctx.json(Map.of("endTimestamp", now(), "data", data));
    }

    private void jobs(Context ctx) {
        List<Object> jobs = new ArrayList<>();
        for (JobDetails job : RestServer.await(cluster.jobDetails())) {
            jobs.add(Map.of("id", job.jobId().toHexString(), "status", job.status().name()));
        }
        ctx.json(Map.of("jobs", jobs));
    }

    private void overview(Context ctx) {
        long now = now();
        List<Object> jobs = new ArrayList<>();
        for (JobDetails job : RestServer.await(cluster.jobDetails())) {
            jobs.add(JobJson.overview(job, now));
        }
        ctx.json(Map.of("jobs", jobs));
    }

    /** {@code PATCH /jobs/:jobid?mode=cancel}: 202 Accepted; the job ends CANCELED soon after. */
    private void cancel(Context ctx) {
        String mode = ctx.queryParam("mode");
        if (mode != null && !mode.equals("cancel")) {
            throw RestError.badRequest("Unsupported mode '" + mode + "'; PATCH /jobs/:jobid?mode=cancel cancels the job"
                    + " (POST /jobs/:jobid/stop stops it with a savepoint).");
        }
        JobID id = jobId(ctx);
        if (!cluster.cancel(id)) {
            throw unknownJob(id);
        }
        ctx.status(202).json(Map.of());
    }

    private void accumulators(Context ctx) {
        JobID id = jobId(ctx);
        Map<String, Object> values = RestServer.await(cluster.accumulators(id).orElseThrow(() -> unknownJob(id)));
        List<Object> user = new ArrayList<>();
        values.forEach((name, value) -> user.add(Map.of("name", name,
                "type", value == null ? "null" : value.getClass().getSimpleName(), "value", String.valueOf(value))));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("job-accumulators", List.of());
        json.put("user-task-accumulators", user);
        json.put("serialized-user-task-accumulators", Map.of());
        ctx.json(json);
    }

    private void vertex(Context ctx) {
        JobDetails.Vertex vertex = vertexOf(ctx);
        long now = now();
        MetricValues metrics = new MetricValues().add(taskMetrics(ctx, null),
                m -> m.group().variable("<subtask_index>") + "." + m.restName());
        List<Object> subtasks = new ArrayList<>();
        for (JobDetails.Subtask s : vertex.subtasks()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("subtask", s.index());
            json.put("status", JobJson.taskState(s.state()));
            json.put("attempt", s.attempt());
            json.put("endpoint", s.taskManagerId() == null ? "(unassigned)" : "localhost");
            json.put("start-time", s.startTime());
            json.put("end-time", s.endTime());
            json.put("duration", JobJson.duration(s.startTime(), s.endTime(), now));
            json.put("metrics", JobJson.ioMetrics(metrics, s.index() + ".", s.state().isTerminal()));
            json.put("taskmanager-id", s.taskManagerId() == null ? "(unassigned)" : s.taskManagerId());
            subtasks.add(json);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", vertex.id());
        json.put("name", vertex.name());
        json.put("parallelism", vertex.parallelism());
        json.put("maxParallelism", vertex.maxParallelism());
        json.put("now", now);
        json.put("subtasks", subtasks);
        ctx.json(json);
    }

    /**
     * Back pressure from the tasks' {@code backPressuredTimeMsPerSecond} (Flink's way since 1.13, no
     * stack sampling): a ratio above 0.5 is high, above 0.1 low, else ok.
     */
    private void backPressure(Context ctx) {
        JobDetails.Vertex vertex = vertexOf(ctx);
        MetricValues metrics = new MetricValues().add(taskMetrics(ctx, null),
                m -> m.group().variable("<subtask_index>") + "." + m.restName());
        List<Object> subtasks = new ArrayList<>();
        double worst = 0;
        for (JobDetails.Subtask s : vertex.subtasks()) {
            double ratio = ratio(metrics, s.index() + ".backPressuredTimeMsPerSecond");
            worst = Math.max(worst, ratio);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("subtask", s.index());
            json.put("attempt-number", s.attempt());
            json.put("backpressureLevel", level(ratio));
            json.put("ratio", ratio);
            json.put("idleRatio", ratio(metrics, s.index() + ".idleTimeMsPerSecond"));
            json.put("busyRatio", ratio(metrics, s.index() + ".busyTimeMsPerSecond"));
            subtasks.add(json);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", "ok");
        json.put("backpressureLevel", level(worst));
        json.put("end-timestamp", now());
        json.put("subtasks", subtasks);
        ctx.json(json);
    }

    private static double ratio(MetricValues metrics, String id) {
        Double ms = metrics.number(id);
        return ms == null ? 0 : ms / 1000.0;
    }

    private static String level(double ratio) {
        return ratio > 0.5 ? "high" : ratio > 0.1 ? "low" : "ok";
    }

    /** The metrics of a vertex's tasks and their operators, of one subtask or ({@code null}) all. */
    private List<RegisteredMetric> taskMetrics(Context ctx, Integer subtask) {
        JobDetails job = job(ctx);
        JobDetails.Vertex vertex = vertexOf(ctx, job);
        String jobId = job.jobId().toHexString();
        Predicate<ScopedMetricGroup> groups = g -> jobId.equals(g.variable("<job_id>"))
                && vertex.id().equals(g.variable("<task_id>"))
                && (subtask == null || subtask.toString().equals(g.variable("<subtask_index>")));
        return cluster.metricRegistry().metrics(groups);
    }

    private MetricValues jobMetrics(JobDetails job) {
        String jobId = job.jobId().toHexString();
        return new MetricValues().add(cluster.metricRegistry().metrics(
                g -> jobId.equals(g.variable("<job_id>")) && g.variable("<task_id>") != null
                        && g.variable("<operator_id>") == null),
                m -> m.group().variable("<task_id>") + "." + m.restName());
    }

    private JobDetails job(Context ctx) {
        JobID id = jobId(ctx);
        return RestServer.await(cluster.jobDetails(id).orElseThrow(() -> unknownJob(id)));
    }

    private JobDetails.Vertex vertexOf(Context ctx) {
        return vertexOf(ctx, job(ctx));
    }

    private static JobDetails.Vertex vertexOf(Context ctx, JobDetails job) {
        String id = ctx.pathParam("vertexid");
        if (!id.matches("[0-9a-fA-F]{32}")) {
            throw RestError.badRequest("'" + id + "' is not a vertex id: vertex ids have 32 hex digits;"
                    + " GET /jobs/" + job.jobId().toHexString() + " lists them.");
        }
        for (JobDetails.Vertex vertex : job.vertices()) {
            if (vertex.id().equalsIgnoreCase(id)) {
                return vertex;
            }
        }
        throw RestError.notFound("Job " + job.jobId().toHexString() + " has no vertex " + id
                + "; GET /jobs/" + job.jobId().toHexString() + " lists its vertices.");
    }

    private static int subtask(Context ctx) {
        String index = ctx.pathParam("subtaskindex");
        try {
            return Integer.parseInt(index);
        } catch (NumberFormatException e) {
            throw RestError.badRequest("'" + index + "' is not a subtask index: use 0 to parallelism - 1.");
        }
    }

    static JobID jobId(Context ctx) {
        String id = ctx.pathParam("jobid");
        if (!id.matches("[0-9a-fA-F]{32}")) {
            throw RestError.badRequest("'" + id + "' is not a job id: job ids have 32 hex digits;"
                    + " GET /jobs lists them.");
        }
        return JobID.fromHexString(id.toLowerCase());
    }

    static RestError unknownJob(JobID id) {
        return RestError.notFound("Job " + id.toHexString() + " is not known to this cluster: it never ran here or"
                + " ended long ago; GET /jobs lists the jobs.");
    }

    private static long now() {
        return System.currentTimeMillis();
    }
}
