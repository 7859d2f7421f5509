package io.weir.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.PipelineOptions;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.JobClient;
import io.weir.api.execution.JobStatus;
import io.weir.runtime.metrics.MetricOptions;
import io.weir.runtime.minicluster.MiniCluster;
import io.weir.runtime.minicluster.MiniClusterExecutor;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The REST API against a running job on a MiniCluster: every endpoint answers with Flink's field
 * names, the record counts equal what the job processed, a user counter is visible, and bad
 * requests get JSON errors that say what to do.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RestApiTest {
    private static final long RECORDS = 1000;

    private static MiniCluster cluster;
    private static RestClient rest;
    private static JobClient job;
    private static String jobId;

    @BeforeAll
    static void startClusterAndJob() throws Exception {
        Configuration config = new Configuration();
        config.set(WebOptions.PORT, 0);
        config.set(MetricOptions.VIEW_UPDATE_INTERVAL, Duration.ofMillis(500));
        cluster = new MiniCluster(1, 4, Clock.systemUTC(), config).start();
        rest = new RestClient("http://localhost:" + cluster.service(RestServer.class).orElseThrow().port());
        StreamExecutionEnvironment env = environment();
        BlockingJob.build(env, RECORDS, "rest-main");
        job = env.executeAsync("Blocking job");
        jobId = job.getJobID().toHexString();
        // the job's counts are final once the sink holds the last record
        rest.poll("/jobs/" + jobId, j -> vertex(j, "Hold").path("metrics").path("read-records").asLong() == RECORDS);
    }

    @AfterAll
    static void stop() {
        if (job != null) {
            job.cancel().orTimeout(30, TimeUnit.SECONDS).join();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    private static StreamExecutionEnvironment environment() {
        Configuration c = new Configuration();
        c.set(PipelineOptions.PARALLELISM, 1);
        return new StreamExecutionEnvironment(MiniClusterExecutor.on(cluster), c);
    }

    @Test
    void jobsAndOverviewListTheRunningJob() throws Exception {
        JsonNode jobs = rest.get("/jobs").path("jobs");
        assertTrue(contains(jobs, "id", jobId), jobs.toString());
        JsonNode overview = find(rest.get("/jobs/overview").path("jobs"), "jid", jobId);
        assertFields(overview, "jid", "name", "state", "start-time", "end-time", "duration", "last-modification", "tasks");
        assertEquals("Blocking job", overview.path("name").asText());
        assertEquals("RUNNING", overview.path("state").asText());
        assertEquals(2, overview.path("tasks").path("total").asInt());
        JsonNode cluster = rest.get("/overview");
        assertFields(cluster, "taskmanagers", "slots-total", "slots-available", "jobs-running", "jobs-finished",
                "jobs-cancelled", "jobs-failed");
        assertEquals(4, cluster.path("slots-total").asInt());
        assertTrue(cluster.path("jobs-running").asInt() >= 1);
        assertFields(rest.get("/config"), "refresh-interval", "timezone-name", "timezone-offset", "features");
    }

    @Test
    void jobDetailsAndPlanHaveFlinksShape() throws Exception {
        JsonNode details = rest.get("/jobs/" + jobId);
        assertFields(details, "jid", "name", "isStoppable", "state", "start-time", "end-time", "duration", "now",
                "timestamps", "vertices", "status-counts", "plan");
        assertTrue(details.path("timestamps").path("RUNNING").asLong() > 0);
        assertEquals(-1, details.path("end-time").asLong());
        JsonNode source = vertex(details, "Sequence -> Parse");
        assertFields(source, "id", "name", "maxParallelism", "parallelism", "status", "start-time", "end-time",
                "duration", "tasks", "metrics");
        assertEquals(RECORDS, source.path("metrics").path("write-records").asLong());
        assertEquals(0, source.path("metrics").path("read-records").asLong());
        assertTrue(source.path("metrics").path("write-bytes").asLong() >= RECORDS * 8,
                "each long takes at least 8 bytes on the wire: " + source);
        assertEquals("FINISHED", source.path("status").asText());
        assertEquals("RUNNING", vertex(details, "Hold").path("status").asText());
        JsonNode plan = rest.get("/jobs/" + jobId + "/plan").path("plan");
        assertEquals(jobId, plan.path("jid").asText());
        JsonNode hold = find(plan.path("nodes"), "id", vertex(details, "Hold").path("id").asText());
        JsonNode input = hold.path("inputs").get(0);
        assertEquals(source.path("id").asText(), input.path("id").asText());
        assertEquals("REBALANCE", input.path("ship_strategy").asText());
    }

    @Test
    void recordCountsEqualWhatTheJobProcessed() throws Exception {
        JsonNode details = rest.get("/jobs/" + jobId);
        String source = vertexPath(details, "Sequence -> Parse");
        String sink = vertexPath(details, "Hold");
        assertEquals(RECORDS, value(rest.get(source + "/metrics?get=0.numRecordsOut")));
        assertEquals(RECORDS, value(rest.get(source + "/metrics?get=0.Sequence.numRecordsOut")));
        assertEquals(RECORDS, value(rest.get(source + "/metrics?get=0.Parse.numRecordsIn")));
        assertEquals(RECORDS, value(rest.get(source + "/metrics?get=0.Parse.numRecordsOut")));
        assertEquals(RECORDS, value(rest.get(source + "/metrics?get=0.Parse.parsed")), "the user counter");
        JsonNode aggregated = rest.get(sink + "/subtasks/metrics?get=numRecordsIn,Hold.numRecordsIn");
        assertEquals(2, aggregated.size(), aggregated.toString());
        for (JsonNode metric : aggregated) {
            assertEquals(RECORDS, metric.path("sum").asLong(), metric.toString());
            assertFields(metric, "id", "min", "max", "avg", "sum");
        }
        assertEquals(RECORDS, value(rest.get(sink + "/subtasks/0/metrics?get=numRecordsIn")));
        JsonNode listed = rest.get(sink + "/metrics");
        for (String id : List.of("0.numRecordsInPerSecond", "0.numBytesIn", "0.busyTimeMsPerSecond",
                "0.idleTimeMsPerSecond", "0.backPressuredTimeMsPerSecond", "0.currentInputWatermark",
                "0.buffers.inputQueueLength", "0.Hold.numRecordsIn")) {
            assertTrue(contains(listed, "id", id), id + " in " + listed);
        }
        JsonNode only = rest.get(sink + "/subtasks/metrics?get=numRecordsIn&agg=max");
        assertEquals(List.of("id", "max"), fieldNames(only.get(0)));
    }

    @Test
    void rateOfTheSinkMovesAboveZero() throws Exception {
        String sink = vertexPath(rest.get("/jobs/" + jobId), "Hold");
        rest.poll(sink + "/subtasks/metrics?get=numRecordsInPerSecond",
                m -> m.size() == 1 && m.get(0).path("max").asDouble() > 0);
    }

    @Test
    void backPressureWatermarksExceptionsAndAccumulatorsAnswer() throws Exception {
        JsonNode details = rest.get("/jobs/" + jobId);
        String sink = vertexPath(details, "Hold");
        JsonNode backPressure = rest.get(sink + "/backpressure");
        assertFields(backPressure, "status", "backpressureLevel", "end-timestamp", "subtasks");
        assertFields(backPressure.path("subtasks").get(0), "subtask", "attempt-number", "backpressureLevel", "ratio",
                "idleRatio", "busyRatio");
        JsonNode watermarks = rest.get(sink + "/watermarks");
        assertEquals("0.currentInputWatermark", watermarks.get(0).path("id").asText());
        JsonNode vertex = rest.get(sink);
        assertFields(vertex, "id", "name", "parallelism", "maxParallelism", "now", "subtasks");
        assertFields(vertex.path("subtasks").get(0), "subtask", "status", "attempt", "endpoint", "start-time",
                "end-time", "duration", "metrics", "taskmanager-id");
        assertEquals(RECORDS, vertex.path("subtasks").get(0).path("metrics").path("read-records").asLong());
        JsonNode exceptions = rest.get("/jobs/" + jobId + "/exceptions").path("exceptionHistory");
        assertEquals(0, exceptions.path("entries").size());
        assertFields(rest.get("/jobs/" + jobId + "/accumulators"), "job-accumulators", "user-task-accumulators",
                "serialized-user-task-accumulators");
        rest.poll("/jobs/" + jobId + "/metrics?get=uptime", m -> m.size() == 1 && m.get(0).path("value").asLong() > 0);
    }

    @Test
    void taskManagersAndJobManagerAnswer() throws Exception {
        JsonNode tms = rest.get("/taskmanagers").path("taskmanagers");
        assertEquals(1, tms.size());
        JsonNode tm = tms.get(0);
        assertFields(tm, "id", "path", "dataPort", "timeSinceLastHeartbeat", "slotsNumber", "freeSlots", "hardware");
        assertEquals(4, tm.path("slotsNumber").asInt());
        String id = tm.path("id").asText();
        assertFields(rest.get("/taskmanagers/" + id), "id", "slotsNumber", "metrics");
        assertTrue(value(rest.get("/taskmanagers/" + id + "/metrics?get=Status.JVM.Memory.Heap.Used")) > 0);
        JsonNode threads = rest.get("/taskmanagers/" + id + "/thread-dump").path("threadInfos");
        assertTrue(threads.size() > 0);
        assertFields(threads.get(0), "threadName", "stringifiedThreadInfo");
        assertTrue(value(rest.get("/jobmanager/metrics?get=numRunningJobs")) >= 1);
        assertTrue(rest.get("/jobmanager/metrics?get=Status.JVM.Threads.Count").get(0).path("value").asLong() > 0);
        JsonNode config = rest.get("/jobmanager/config");
        assertTrue(contains(config, "key", "rest.port"), config.toString());
        JsonNode aggregated = rest.get("/taskmanagers/metrics?get=Status.JVM.Threads.Count");
        assertTrue(aggregated.get(0).path("sum").asDouble() > 0);
    }

    @Test
    void badRequestsGetJsonErrorsThatSayWhatToDo() throws Exception {
        RestClient.Response unknownJob = rest.send("GET", "/jobs/" + "0".repeat(32));
        assertError(unknownJob, 404, "GET /jobs lists the jobs");
        assertError(rest.send("GET", "/jobs/not-a-job"), 400, "32 hex digits");
        assertError(rest.send("DELETE", "/jobs/" + jobId), 405, "PATCH to cancel");
        assertError(rest.send("POST", "/overview"), 405, "use GET");
        assertError(rest.send("GET", "/no/such/path"), 404, "docs/monitoring.md");
        assertError(rest.send("GET", "/jobs/" + jobId + "/vertices/xyz"), 400, "vertex ids have 32 hex digits");
        assertError(rest.send("GET", "/jobs/" + jobId + "/vertices/" + "f".repeat(32)), 404, "lists its vertices");
        assertError(rest.send("GET", "/taskmanagers/nobody"), 404, "GET /taskmanagers");
        assertError(rest.send("PATCH", "/jobs/" + jobId + "?mode=stop"), 400, "mode=cancel");
        assertError(rest.send("GET", vertexPath(rest.get("/jobs/" + jobId), "Hold")
                + "/subtasks/metrics?get=numRecordsIn&agg=median"), 400, "min,max,avg,sum");
    }

    @Test
    void dashboardAndItsLibrariesAreServed() throws Exception {
        RestClient.Response index = rest.send("GET", "/");
        assertEquals(200, index.status());
        assertTrue(index.contentType().startsWith("text/html"), index.contentType());
        assertTrue(index.body().contains("<title>Weir dashboard</title>"), index.body());
        for (String asset : List.of("/app.js", "/dashboard.css", "/webjars/dagre/0.8.4/dist/dagre.min.js",
                "/webjars/chart.js/4.5.1/dist/chart.umd.js")) {
            assertEquals(200, rest.send("GET", asset).status(), asset);
        }
        assertTrue(rest.send("GET", "/graph.js").body().contains("${"), "scripts are served unfiltered");
    }

    @Test
    void patchCancelsAJob() throws Exception {
        StreamExecutionEnvironment env = environment();
        BlockingJob.build(env, 10, "rest-cancel");
        JobClient other = env.executeAsync("Job to cancel");
        String id = other.getJobID().toHexString();
        rest.poll("/jobs/" + id, j -> j.path("state").asText().equals("RUNNING"));
        RestClient.Response response = rest.send("PATCH", "/jobs/" + id + "?mode=cancel");
        assertEquals(202, response.status(), response.body());
        assertTrue(other.getJobExecutionResult().handle((r, e) -> e).get(30, TimeUnit.SECONDS) != null,
                "a cancelled job has no result");
        assertEquals(JobStatus.CANCELED, other.getJobStatus().get(30, TimeUnit.SECONDS));
        JsonNode ended = rest.poll("/jobs/" + id, j -> j.path("state").asText().equals("CANCELED"));
        assertTrue(ended.path("end-time").asLong() >= ended.path("start-time").asLong());
        assertEquals("CANCELED", find(rest.get("/jobs").path("jobs"), "id", id).path("status").asText());
    }

    @Test
    void exceptionsOfAFailedJobNameTheTaskAndTheCause() throws Exception {
        StreamExecutionEnvironment env = environment();
        env.fromSequence(1, 5).name("Numbers").map(v -> {
            if (v == 3) {
                throw new IllegalStateException("record 3 is bad <script>alert(1)</script>");
            }
            return v;
        }).name("Picky").addSink(new io.weir.api.functions.sink.DiscardingSink<>());
        JobClient failing = env.executeAsync("Failing job");
        String id = failing.getJobID().toHexString();
        JsonNode entries = rest.poll("/jobs/" + id + "/exceptions",
                j -> j.path("exceptionHistory").path("entries").size() == 1).path("exceptionHistory").path("entries");
        JsonNode entry = entries.get(0);
        assertFields(entry, "exceptionName", "stacktrace", "timestamp", "taskName", "endpoint", "taskManagerId",
                "concurrentExceptions");
        assertEquals(IllegalStateException.class.getName(), entry.path("exceptionName").asText());
        assertTrue(entry.path("stacktrace").asText().contains("record 3 is bad"), entry.toString());
        assertTrue(entry.path("taskName").asText().contains("Picky"), entry.toString());
        assertEquals("FAILED", rest.poll("/jobs/" + id, j -> j.path("state").asText().equals("FAILED"))
                .path("state").asText());
    }

    @Test
    void exceptionHistoryHasEveryFailureTheJobRestartedFrom() throws Exception {
        Configuration c = new Configuration();
        c.set(PipelineOptions.PARALLELISM, 1);
        c.set(io.weir.api.configuration.RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        c.set(io.weir.api.configuration.RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 2);
        c.set(io.weir.api.configuration.RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ZERO);
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(MiniClusterExecutor.on(cluster), c);
        env.fromSequence(1, 5).name("Numbers").map(v -> {
            if (v == 2) {
                throw new IllegalArgumentException("always bad");
            }
            return v;
        }).name("Always failing").addSink(new io.weir.api.functions.sink.DiscardingSink<>());
        JobClient failing = env.executeAsync("Restarting job");
        failing.getJobExecutionResult().handle((r, e) -> e).get(30, TimeUnit.SECONDS);
        JsonNode entries = rest.get("/jobs/" + failing.getJobID().toHexString() + "/exceptions")
                .path("exceptionHistory").path("entries");
        assertEquals(3, entries.size(), "two restarts, then the failure that failed the job: " + entries);
        for (JsonNode entry : entries) {
            assertTrue(entry.path("stacktrace").asText().contains("always bad"), entry.toString());
            assertTrue(entry.path("taskName").asText().contains("Always failing"), entry.toString());
            assertTrue(entry.path("taskManagerId").asText().startsWith("taskexecutor"), entry.toString());
        }
        assertTrue(entries.get(0).path("timestamp").asLong() >= entries.get(2).path("timestamp").asLong(),
                "newest first");
    }

    static void assertError(RestClient.Response response, int status, String hint) {
        assertEquals(status, response.status(), response.body());
        assertTrue(response.contentType().startsWith("application/json"), response.contentType());
        JsonNode errors = response.json().path("errors");
        assertEquals(1, errors.size(), response.body());
        assertTrue(errors.get(0).asText().contains(hint), "expected '" + hint + "' in " + response.body());
    }

    private static long value(JsonNode metrics) {
        assertEquals(1, metrics.size(), metrics.toString());
        return (long) Double.parseDouble(metrics.get(0).path("value").asText());
    }

    private static JsonNode vertex(JsonNode job, String name) {
        return find(job.path("vertices"), "name", name);
    }

    private static String vertexPath(JsonNode job, String name) {
        return "/jobs/" + job.path("jid").asText() + "/vertices/" + vertex(job, name).path("id").asText();
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode element : array) {
            if (element.path(field).asText().equals(value)) {
                return element;
            }
        }
        throw new AssertionError("no element with " + field + "=" + value + " in " + array);
    }

    private static boolean contains(JsonNode array, String field, String value) {
        for (JsonNode element : array) {
            if (element.path(field).asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    static void assertFields(JsonNode node, String... fields) {
        for (String field : fields) {
            assertTrue(node.has(field), "missing '" + field + "' in " + node);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
