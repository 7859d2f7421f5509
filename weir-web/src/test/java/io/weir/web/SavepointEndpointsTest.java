package io.weir.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.PipelineOptions;
import io.weir.api.connector.datagen.DataGeneratorSource;
import io.weir.api.connector.datagen.RateLimiterStrategy;
import io.weir.api.connector.sink.DiscardingSink;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.execution.JobClient;
import io.weir.api.execution.JobStatus;
import io.weir.api.types.Types;
import io.weir.runtime.minicluster.MiniCluster;
import io.weir.runtime.minicluster.MiniClusterExecutor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /jobs/:jobid/savepoints}, {@code /stop} and the operation status, with bad requests. */
class SavepointEndpointsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static MiniCluster cluster;
    private static String base;
    private static JobClient job;
    private static String jobId;

    @BeforeAll
    static void startClusterAndJob() throws Exception {
        Configuration config = new Configuration();
        config.set(WebOptions.PORT, 0);
        cluster = new MiniCluster(1, 2, Clock.systemUTC(), config).start();
        base = "http://localhost:" + cluster.service(RestServer.class).orElseThrow().port();
        Configuration c = new Configuration();
        c.set(PipelineOptions.PARALLELISM, 1);
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(MiniClusterExecutor.on(cluster), c);
        // runs until cancelled, and (unlike BlockingJob) passes barriers on
        env.fromSource(new DataGeneratorSource<>(i -> i, Long.MAX_VALUE, RateLimiterStrategy.perSecond(100), Types.LONG),
                WatermarkStrategy.noWatermarks(), "numbers").sinkTo(new DiscardingSink<>());
        job = env.executeAsync("Savepointed job");
        jobId = job.getJobID().toHexString();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (job.getJobStatus().get() != JobStatus.RUNNING) {
            assertTrue(System.nanoTime() < deadline, "the job did not start within 60 s");
            Thread.onSpinWait();
        }
    }

    @AfterAll
    static void stop() {
        job.cancel().orTimeout(30, TimeUnit.SECONDS).join();
        cluster.close();
    }

    private static HttpResponse<String> send(String method, String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode awaitCompleted(String triggerId) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            HttpResponse<String> status = send("GET", "/jobs/" + jobId + "/savepoints/" + triggerId, "");
            assertEquals(200, status.statusCode(), status.body());
            JsonNode json = JSON.readTree(status.body());
            if ("COMPLETED".equals(json.path("status").path("id").asText())) {
                return json.path("operation");
            }
            assertEquals("IN_PROGRESS", json.path("status").path("id").asText(), status.body());
            assertTrue(System.nanoTime() < deadline, "the savepoint did not complete within 60 s");
            Thread.sleep(10); // polling the server, as a REST client does
        }
    }

    @Test
    void aSavepointIsTriggeredAndItsLocationReported(@TempDir Path dir) throws Exception {
        String body = JSON.writeValueAsString(java.util.Map.of("target-directory", dir.toString(), "cancel-job", false));
        HttpResponse<String> accepted = send("POST", "/jobs/" + jobId + "/savepoints", body);
        assertEquals(202, accepted.statusCode(), accepted.body());
        String triggerId = JSON.readTree(accepted.body()).path("request-id").asText();
        assertTrue(triggerId.matches("[0-9a-f]{32}"), accepted.body());

        String location = awaitCompleted(triggerId).path("location").asText();
        assertTrue(location.startsWith(dir.toString()) && Files.exists(Path.of(location, "_metadata")), location);
    }

    @Test
    void aSavepointWithoutDirectoryFailsWithTheReasonInItsStatus() throws Exception {
        HttpResponse<String> accepted = send("POST", "/jobs/" + jobId + "/savepoints", "");
        assertEquals(202, accepted.statusCode(), accepted.body());
        JsonNode operation = awaitCompleted(JSON.readTree(accepted.body()).path("request-id").asText());
        assertTrue(operation.path("failure-cause").path("message").asText()
                .contains("execution.checkpointing.savepoint-dir"), operation.toString());
    }

    @Test
    void badRequestsAreRefusedWithAMessage() throws Exception {
        HttpResponse<String> unknownJob = send("POST", "/jobs/0123456789abcdef0123456789abcdef/savepoints", "{}");
        assertEquals(404, unknownJob.statusCode(), unknownJob.body());
        assertTrue(unknownJob.body().contains("not known to this cluster"), unknownJob.body());

        HttpResponse<String> notJson = send("POST", "/jobs/" + jobId + "/stop", "{drain");
        assertEquals(400, notJson.statusCode(), notJson.body());
        assertTrue(notJson.body().contains("not a JSON object"), notJson.body());

        HttpResponse<String> badFlag = send("POST", "/jobs/" + jobId + "/stop", "{\"drain\": \"yes\"}");
        assertEquals(400, badFlag.statusCode(), badFlag.body());
        assertTrue(badFlag.body().contains("'drain' must be true or false"), badFlag.body());

        HttpResponse<String> badFormat = send("POST", "/jobs/" + jobId + "/savepoints", "{\"formatType\": \"ZIP\"}");
        assertEquals(400, badFormat.statusCode(), badFormat.body());

        HttpResponse<String> unknownTrigger = send("GET", "/jobs/" + jobId + "/savepoints/abc", "");
        assertEquals(404, unknownTrigger.statusCode(), unknownTrigger.body());
        assertTrue(unknownTrigger.body().contains("request-id"), unknownTrigger.body());
    }
}
