package io.weir.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.PipelineOptions;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.JobClient;
import io.weir.api.functions.sink.DiscardingSink;
import io.weir.runtime.minicluster.MiniCluster;
import io.weir.runtime.minicluster.MiniClusterExecutor;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checkpoint endpoints against a running checkpointed job: counts, history, latest, summary,
 * details per checkpoint and per vertex's subtasks, the configuration, all with Flink's field names;
 * a job without checkpointing and unknown checkpoints answer JSON errors.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CheckpointRestTest {
    private static MiniCluster cluster;
    private static RestClient rest;
    private static JobClient job;
    private static String jobId;

    @BeforeAll
    static void startClusterAndJob() throws Exception {
        Configuration config = new Configuration();
        config.set(WebOptions.PORT, 0);
        cluster = new MiniCluster(1, 4, Clock.systemUTC(), config).start();
        rest = new RestClient("http://localhost:" + cluster.service(RestServer.class).orElseThrow().port());
        Configuration options = new Configuration();
        options.set(PipelineOptions.PARALLELISM, 1);
        options.setString("my.connector.password", "do not show");
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(MiniClusterExecutor.on(cluster), options);
        env.enableCheckpointing(500); // the history keeps 10: a checkpoint stays there for 5 s
        PacedJob.build(env, "Ticks");
        job = env.executeAsync("Checkpointed job");
        jobId = job.getJobID().toHexString();
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
    void completedCheckpointsAreCountedWithFlinksShape() throws Exception {
        JsonNode stats = rest.poll("/jobs/" + jobId + "/checkpoints",
                j -> j.path("counts").path("completed").asInt() >= 2);
        RestApiTest.assertFields(stats, "counts", "summary", "latest", "history");
        RestApiTest.assertFields(stats.path("counts"), "restored", "total", "in_progress", "completed", "failed");
        assertTrue(stats.path("counts").path("total").asInt() >= stats.path("counts").path("completed").asInt());
        RestApiTest.assertFields(stats.path("summary").path("end_to_end_duration"), "min", "max", "avg", "p50", "p90",
                "p95", "p99", "p999");
        assertTrue(stats.path("summary").path("state_size").path("max").asLong() > 0, "the source has state");
        JsonNode latest = stats.path("latest").path("completed");
        RestApiTest.assertFields(latest, "className", "id", "status", "is_savepoint", "trigger_timestamp",
                "latest_ack_timestamp", "checkpointed_size", "state_size", "end_to_end_duration", "alignment_buffered",
                "num_subtasks", "num_acknowledged_subtasks", "checkpoint_type", "tasks", "external_path", "discarded");
        assertEquals("COMPLETED", latest.path("status").asText());
        assertEquals(5, latest.path("num_subtasks").asInt(), "1 source + 2 Parse + 2 Sum -> Discard");
        assertEquals(5, latest.path("num_acknowledged_subtasks").asInt());
        assertTrue(latest.path("latest_ack_timestamp").asLong() >= latest.path("trigger_timestamp").asLong());
        assertEquals(3, latest.path("tasks").size(), latest.toString());
        JsonNode history = stats.path("history");
        assertTrue(history.size() >= 2);
        assertTrue(history.get(0).path("id").asLong() > history.get(1).path("id").asLong(), "newest first");
    }

    @Test
    void detailsOfOneCheckpointListEverySubtask() throws Exception {
        JsonNode latest = rest.poll("/jobs/" + jobId + "/checkpoints",
                j -> !j.path("latest").path("completed").isNull()).path("latest").path("completed");
        long id = latest.path("id").asLong();
        JsonNode details = rest.get("/jobs/" + jobId + "/checkpoints/details/" + id);
        assertEquals(id, details.path("id").asLong());
        assertEquals(latest.path("state_size").asLong(), details.path("state_size").asLong());
        JsonNode job = rest.get("/jobs/" + jobId);
        String parse = find(job.path("vertices"), "Parse").path("id").asText();
        JsonNode task = details.path("tasks").path(parse);
        assertEquals(2, task.path("num_acknowledged_subtasks").asInt(), details.toString());
        JsonNode subtasks = rest.get("/jobs/" + jobId + "/checkpoints/details/" + id + "/subtasks/" + parse);
        RestApiTest.assertFields(subtasks, "id", "status", "latest_ack_timestamp", "state_size", "num_subtasks",
                "subtasks");
        assertEquals(2, subtasks.path("subtasks").size());
        JsonNode first = subtasks.path("subtasks").get(0);
        RestApiTest.assertFields(first, "index", "status", "ack_timestamp", "end_to_end_duration", "state_size",
                "checkpointed_size", "checkpoint", "alignment", "start_delay", "unaligned_checkpoint", "aborted");
        assertEquals("completed", first.path("status").asText());
        long sync = first.path("checkpoint").path("sync").asLong(-1);
        long async = first.path("checkpoint").path("async").asLong(-1);
        long alignment = first.path("alignment").path("duration").asLong(-1);
        long startDelay = first.path("start_delay").asLong(-1);
        assertTrue(sync >= 0 && async >= 0 && alignment >= 0 && startDelay >= 0, first.toString());
        // the parts happen one after the other between trigger and acknowledgement (+3: each is rounded down)
        assertTrue(startDelay + alignment + sync + async <= first.path("end_to_end_duration").asLong() + 3,
                first.toString());
        assertFalse(first.path("unaligned_checkpoint").asBoolean());
        JsonNode summary = subtasks.path("summary");
        RestApiTest.assertFields(summary, "checkpointed_size", "state_size", "end_to_end_duration",
                "checkpoint_duration", "alignment", "start_delay");
        RestApiTest.assertFields(summary.path("checkpoint_duration").path("async"), "min", "max", "avg", "p50", "p90",
                "p95", "p99", "p999");
        assertTrue(summary.path("state_size").path("max").asLong() >= first.path("state_size").asLong());
        String source = find(job.path("vertices"), "Ticks").path("id").asText();
        assertTrue(details.path("tasks").path(source).path("state_size").asLong() > 0, "the source's position");
    }

    @Test
    void checkpointMetricsOfTheJobAndAlignmentOfItsTasks() throws Exception {
        String metrics = "/jobs/" + jobId + "/metrics?get=numberOfCompletedCheckpoints,lastCheckpointDuration,"
                + "lastCheckpointSize,totalNumberOfCheckpoints";
        JsonNode values = rest.poll(metrics, m -> m.size() == 4 && value(m, "numberOfCompletedCheckpoints") >= 1);
        assertTrue(value(values, "lastCheckpointDuration") >= 0, values.toString());
        assertTrue(value(values, "lastCheckpointSize") > 0, values.toString());
        assertTrue(value(values, "totalNumberOfCheckpoints") >= value(values, "numberOfCompletedCheckpoints"));
        // Sum -> Discard reads two channels (one per Parse subtask): aligning them takes time
        String sum = find(rest.get("/jobs/" + jobId).path("vertices"), "Sum -> Discard").path("id").asText();
        rest.poll("/jobs/" + jobId + "/vertices/" + sum + "/metrics?get=0.checkpointAlignmentTime",
                m -> m.size() == 1 && m.get(0).path("value").asLong() > 0);
        JsonNode startDelay = rest.get("/jobs/" + jobId + "/vertices/" + sum + "/metrics?get=0.checkpointStartDelayNanos");
        assertTrue(startDelay.get(0).path("value").asLong() >= 0, startDelay.toString());
    }

    @Test
    void flameGraphHasTheStacksOfTheVertexsTaskThreads() throws Exception {
        String base = "/jobs/" + jobId + "/vertices/" + find(rest.get("/jobs/" + jobId).path("vertices"), "Parse")
                .path("id").asText() + "/flamegraph";
        JsonNode graph = rest.get(base);
        assertTrue(graph.path("endTimestamp").asLong() > 0, graph.toString());
        JsonNode root = graph.path("data");
        assertEquals("root", root.path("name").asText());
        assertEquals(100, root.path("value").asInt(), "two task threads, 50 samples each");
        assertTrue(hasFrame(root, "io.weir.runtime.task.StreamTask."), "a task thread's frames");
        int childSum = 0;
        for (JsonNode child : root.path("children")) {
            childSum += child.path("value").asInt();
        }
        assertEquals(100, childSum, "every sample goes through one outermost frame");
        int onCpu = rest.get(base + "?type=on_cpu").path("data").path("value").asInt();
        int offCpu = rest.get(base + "?type=off_cpu").path("data").path("value").asInt();
        assertTrue(onCpu <= 100 && offCpu <= 100 && onCpu + offCpu > 0, onCpu + " " + offCpu);
        RestApiTest.assertError(rest.send("GET", base + "?type=cpu"), 400, "use full, on_cpu or off_cpu");
    }

    private static boolean hasFrame(JsonNode node, String prefix) {
        if (node.path("name").asText().startsWith(prefix)) {
            return true;
        }
        for (JsonNode child : node.path("children")) {
            if (hasFrame(child, prefix)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void watermarkLagOfTheSourceIsTheWallClockMinusItsWatermark() throws Exception {
        String ticks = find(rest.get("/jobs/" + jobId).path("vertices"), "Ticks").path("id").asText();
        // the source's timestamps count from 0, so its watermark is far behind the wall clock
        JsonNode values = rest.poll("/jobs/" + jobId + "/vertices/" + ticks
                + "/metrics?get=0.Ticks.watermarkLag,0.Ticks.currentOutputWatermark",
                m -> m.size() == 2 && value(m, "0.Ticks.watermarkLag") > 0);
        long expected = System.currentTimeMillis() - value(values, "0.Ticks.currentOutputWatermark");
        assertTrue(Math.abs(expected - value(values, "0.Ticks.watermarkLag")) < 60_000, values.toString());
    }

    private static long value(JsonNode metrics, String id) {
        for (JsonNode m : metrics) {
            if (m.path("id").asText().equals(id)) {
                return (long) Double.parseDouble(m.path("value").asText());
            }
        }
        throw new AssertionError("no metric " + id + " in " + metrics);
    }

    @Test
    void aSavepointIsListedAmongTheCheckpoints(@TempDir Path dir)
            throws Exception {
        String body = new ObjectMapper().writeValueAsString(
                Map.of("target-directory", dir.toString()));
        RestClient.Response accepted = rest.send("POST", "/jobs/" + jobId + "/savepoints", body);
        assertEquals(202, accepted.status(), accepted.body());
        String trigger = accepted.json().path("request-id").asText();
        JsonNode done = rest.poll("/jobs/" + jobId + "/savepoints/" + trigger,
                j -> j.path("status").path("id").asText().equals("COMPLETED"));
        String location = done.path("operation").path("location").asText();
        assertTrue(location.startsWith(dir.toString()), done.toString());

        JsonNode savepoint = rest.poll("/jobs/" + jobId + "/checkpoints",
                j -> !j.path("latest").path("savepoint").isNull()).path("latest").path("savepoint");
        assertTrue(savepoint.path("is_savepoint").asBoolean(), savepoint.toString());
        assertEquals("SAVEPOINT", savepoint.path("checkpoint_type").asText());
        assertEquals(location, savepoint.path("external_path").asText());
        assertEquals(5, savepoint.path("num_acknowledged_subtasks").asInt());
    }

    @Test
    void configurationIsTheJobsCheckpointSettings() throws Exception {
        JsonNode config = rest.get("/jobs/" + jobId + "/checkpoints/config");
        RestApiTest.assertFields(config, "mode", "interval", "timeout", "min_pause", "max_concurrent",
                "externalization", "checkpoint_storage", "unaligned_checkpoints", "tolerable_failed_checkpoints");
        assertEquals("exactly_once", config.path("mode").asText());
        assertEquals(500, config.path("interval").asLong());
        assertEquals("JobManagerCheckpointStorage", config.path("checkpoint_storage").asText());
    }

    @Test
    void jobConfigurationListsTheJobsOptionsWithSecretsHidden() throws Exception {
        JsonNode config = rest.get("/jobs/" + jobId + "/config");
        RestApiTest.assertFields(config, "jid", "name", "execution-config", "configuration");
        RestApiTest.assertFields(config.path("execution-config"), "execution-mode", "restart-strategy",
                "job-parallelism", "object-reuse-mode", "user-config");
        assertEquals(1, config.path("execution-config").path("job-parallelism").asInt());
        assertEquals("500 ms", config.path("configuration").path("execution.checkpointing.interval").asText());
        assertEquals(JobJson.HIDDEN, config.path("configuration").path("my.connector.password").asText());
    }

    @Test
    void badCheckpointRequestsGetJsonErrors() throws Exception {
        RestApiTest.assertError(rest.send("GET", "/jobs/" + jobId + "/checkpoints/details/x"), 400, "ids are numbers");
        RestApiTest.assertError(rest.send("GET", "/jobs/" + jobId + "/checkpoints/details/999999"), 404,
                "is not in the history");
        StreamExecutionEnvironment env = environment();
        env.fromSequence(1, 3).addSink(new DiscardingSink<>());
        JobClient plain = env.executeAsync("No checkpoints");
        plain.getJobExecutionResult().get(30, TimeUnit.SECONDS);
        String id = plain.getJobID().toHexString();
        RestApiTest.assertError(rest.send("GET", "/jobs/" + id + "/checkpoints/config"), 404,
                "execution.checkpointing.interval");
        assertEquals(0, rest.get("/jobs/" + id + "/checkpoints").path("counts").path("total").asInt(),
                "no periodic checkpoints, no savepoint");
    }

    private static JsonNode find(JsonNode vertices, String name) {
        for (JsonNode v : vertices) {
            if (v.path("name").asText().equals(name)) {
                return v;
            }
        }
        throw new AssertionError("no vertex " + name + " in " + vertices);
    }
}
