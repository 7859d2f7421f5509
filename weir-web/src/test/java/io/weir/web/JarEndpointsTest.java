package io.weir.web;

import static io.weir.web.RestApiTest.assertError;
import static io.weir.web.RestApiTest.assertFields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.weir.api.configuration.Configuration;
import io.weir.runtime.minicluster.MiniCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uploading and running jars over REST with Flink's paths and fields: a jar compiled by the test
 * (its classes exist nowhere else) runs with the request's arguments and parallelism on the
 * cluster; bad jars, ids, requests and sizes get JSON errors; no jar id leaves the upload directory.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class JarEndpointsTest {
    private static final long MAX_UPLOAD = 64 * 1024;
    private static final String JOB = """
            package jarjob;

            import io.weir.api.connector.sink.DiscardingSink;
            import io.weir.api.environment.StreamExecutionEnvironment;
            import io.weir.api.functions.MapFunction;

            public class Job {
                public static void main(String[] args) throws Exception {
                    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
                    env.fromSequence(1, Long.parseLong(args[0])).map(new Doubler()).name("Double")
                            .sinkTo(new DiscardingSink<>());
                    env.execute("uploaded " + String.join("|", args));
                }

                public static class Doubler implements MapFunction<Long, Long> {
                    @Override
                    public Long map(Long value) {
                        return value * 2;
                    }
                }
            }
            """;
    private static final String CATCHES = """
            package jarjob;

            import io.weir.api.connector.sink.DiscardingSink;
            import io.weir.api.environment.StreamExecutionEnvironment;

            public class Catches {
                public static void main(String[] args) throws Exception {
                    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
                    env.fromSequence(1, Long.parseLong(args[0])).sinkTo(new DiscardingSink<>());
                    try {
                        env.execute("catches " + args[0]);
                    } catch (Exception e) {
                        env.fromSequence(1, 2).sinkTo(new DiscardingSink<>());
                        env.execute("second job");
                    }
                }
            }
            """;
    private static final String FAILS = """
            package jarjob;

            public class Fails {
                public static void main(String[] args) {
                    throw new IllegalStateException("cannot read the input file");
                }
            }
            """;
    private static final String NO_JOB = """
            package jarjob;

            public class NoJob {
                public static void main(String[] args) {
                }
            }
            """;

    @TempDir
    static Path dir;
    private static Path uploads;
    private static MiniCluster cluster;
    private static RestClient rest;
    private static byte[] jar;

    @BeforeAll
    static void startCluster() throws Exception {
        jar = Files.readAllBytes(TestJars.compile(dir, "uploaded-job.jar", "jarjob.Job",
                Map.of("jarjob.Job", JOB, "jarjob.Fails", FAILS, "jarjob.NoJob", NO_JOB, "jarjob.Catches", CATCHES)));
        uploads = dir.resolve("uploads");
        Configuration config = new Configuration();
        config.set(WebOptions.PORT, 0);
        config.set(WebOptions.UPLOAD_DIR, uploads.toString());
        config.set(WebOptions.MAX_CONTENT_LENGTH, MAX_UPLOAD);
        cluster = new MiniCluster(1, 8, Clock.systemUTC(), config).start();
        rest = new RestClient("http://localhost:" + cluster.service(RestServer.class).orElseThrow().port());
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static String upload() throws Exception {
        RestClient.Response response = rest.upload("/jars/upload", "jarfile", "uploaded job.jar", jar);
        assertEquals(200, response.status(), response.body());
        assertEquals("success", response.json().path("status").asText());
        Path stored = Path.of(response.json().path("filename").asText());
        assertEquals(uploads, stored.getParent(), "stored in the upload directory");
        return stored.getFileName().toString();
    }

    @Test
    void anUploadedJarIsListedRunsWithTheRequestsSettingsAndIsDeleted() throws Exception {
        String id = upload();
        assertTrue(id.endsWith("_uploaded_job.jar"), id);
        JsonNode listed = null;
        for (JsonNode file : rest.get("/jars").path("files")) {
            if (file.path("id").asText().equals(id)) {
                listed = file;
            }
        }
        assertTrue(listed != null, "GET /jars lists " + id);
        assertFields(listed, "id", "name", "uploaded", "entry");
        assertEquals("uploaded_job.jar", listed.path("name").asText());
        assertEquals("jarjob.Job", listed.path("entry").get(0).path("name").asText());
        assertTrue(rest.get("/jars").path("address").asText().startsWith("http://"));

        RestClient.Response run = rest.send("POST", "/jars/" + id + "/run",
                "{\"programArgs\": \"500 'two words'\", \"parallelism\": 3}");
        assertEquals(200, run.status(), run.body());
        String jobId = run.json().path("jobid").asText();
        JsonNode job = rest.poll("/jobs/" + jobId, j -> j.path("state").asText().equals("FINISHED"));
        assertEquals("uploaded 500|two words", job.path("name").asText());
        JsonNode doubler = null;
        for (JsonNode vertex : job.path("vertices")) {
            if (vertex.path("name").asText().contains("Double")) {
                doubler = vertex;
            }
        }
        assertEquals(3, doubler.path("parallelism").asInt(), job.toString());

        RestClient.Response listArgs = rest.send("POST", "/jars/" + id + "/run",
                "{\"entryClass\": \"jarjob.Job\", \"programArgsList\": [\"20\", \"x y\"]}");
        assertEquals(200, listArgs.status(), listArgs.body());
        JsonNode second = rest.poll("/jobs/" + listArgs.json().path("jobid").asText(),
                j -> j.path("state").asText().equals("FINISHED"));
        assertEquals("uploaded 20|x y", second.path("name").asText());

        RestClient.Response deleted = rest.send("DELETE", "/jars/" + id);
        assertEquals(200, deleted.status(), deleted.body());
        assertFalse(Files.exists(uploads.resolve(id)));
        assertError(rest.send("POST", "/jars/" + id + "/run", "{}"), 404, "GET /jars lists the ids");
    }

    @Test
    void aJarsPlanIsItsJobGraphAndNoJobRuns() throws Exception {
        String id = upload();
        int jobsBefore = rest.get("/jobs").path("jobs").size();

        RestClient.Response get = rest.send("GET", "/jars/" + id + "/plan?programArg=1000,two&parallelism=3");
        assertEquals(200, get.status(), get.body());
        JsonNode plan = get.json().path("plan");
        assertEquals("uploaded 1000|two", plan.path("name").asText());
        assertFields(plan, "jid", "name", "type", "nodes");
        JsonNode doubler = null;
        for (JsonNode node : plan.path("nodes")) {
            assertFields(node, "id", "parallelism", "operator", "operator_strategy", "description",
                    "optimizer_properties");
            if (node.path("description").asText().contains("Double")) {
                doubler = node;
            }
        }
        assertEquals(3, doubler.path("parallelism").asInt(), plan.toString());

        RestClient.Response post = rest.send("POST", "/jars/" + id + "/plan",
                "{\"entryClass\": \"jarjob.Catches\", \"programArgsList\": [\"5\"]}");
        assertEquals(200, post.status(), post.body());
        assertEquals("catches 5", post.json().path("plan").path("name").asText(),
                "the first execute() is planned, even in a program that catches Exception around it");
        assertEquals(jobsBefore, rest.get("/jobs").path("jobs").size(), "planning submits no job");

        assertError(rest.send("GET", "/jars/" + id + "/plan?entry-class=jarjob.NoJob"), 400,
                "returned without executing a job");
        assertError(rest.send("GET", "/jars/" + id + "/plan?parallelism=two"), 400, "whole number");
    }

    @Test
    void programsThatFailOrSubmitNothingGetErrorsThatSayWhy() throws Exception {
        String id = upload();
        assertError(rest.send("POST", "/jars/" + id + "/run", "{\"entryClass\": \"jarjob.Fails\"}"), 400,
                "cannot read the input file");
        assertError(rest.send("POST", "/jars/" + id + "/run", "{\"entryClass\": \"jarjob.NoJob\"}"), 400,
                "returned without executing a job");
        assertError(rest.send("POST", "/jars/" + id + "/run", "{\"entryClass\": \"jarjob.Missing\"}"), 400,
                "has no class 'jarjob.Missing'");
        assertError(rest.send("POST", "/jars/" + id + "/run", "{\"programArgs\": \"1\", \"jobId\": \"ab\"}"), 400,
                "jobId is not supported");
        assertError(rest.send("POST", "/jars/" + id + "/run", "{\"paralelism\": 2}"), 400, "Flink's fields");
        assertError(rest.send("POST", "/jars/" + id + "/run", "{\"programArgs\": \"'1\"}"), 400, "unclosed");
        assertError(rest.send("POST", "/jars/" + id + "/run", "{\"parallelism\": 0}"), 400, "parallelism must be");
        assertError(rest.send("POST", "/jars/" + id + "/run", "not json"), 400, "not valid JSON");
    }

    @Test
    void badUploadsAreRefusedAndStoreNothing() throws Exception {
        long before = Files.list(uploads).count();
        assertError(rest.upload("/jars/upload", "jarfile", "job.zip", jar), 400, "does not end in .jar");
        assertError(rest.upload("/jars/upload", "jarfile", "job.jar", "not a zip".getBytes()), 400,
                "is not a valid jar");
        assertError(rest.upload("/jars/upload", "file", "job.jar", jar), 400, "field 'jarfile'");
        assertError(rest.upload("/jars/upload", "jarfile", "big.jar", new byte[(int) MAX_UPLOAD + 1]), 413,
                "rest.server.max-content-length");
        assertError(rest.send("POST", "/jars/upload", "{}"), 400, "multipart/form-data");
        assertError(rest.send("GET", "/jars/upload"), 405, "is not allowed");
        assertEquals(before, Files.list(uploads).count(), "nothing stored");
        RestClient.Response traversal = rest.upload("/jars/upload", "jarfile", "../../escape.jar", jar);
        assertEquals(200, traversal.status(), traversal.body());
        assertEquals(uploads, Path.of(traversal.json().path("filename").asText()).getParent());
        assertFalse(Files.exists(dir.resolve("escape.jar")));
    }

    @Test
    void noJarIdReachesOutsideTheUploadDirectory() throws Exception {
        Files.write(dir.resolve("outside.jar"), jar);
        for (String id : List.of("..%2Foutside.jar", "..", "%2E%2E%2Foutside.jar", "outside.jar",
                "00000000-0000-0000-0000-000000000000_..%2F..%2Foutside.jar")) {
            for (String[] request : List.of(new String[] {"POST", "/jars/" + id + "/run"},
                    new String[] {"DELETE", "/jars/" + id})) {
                RestClient.Response response = rest.send(request[0], request[1], "{}");
                assertTrue(response.status() == 400 || response.status() == 404,
                        request[0] + " " + request[1] + ": " + response.status() + " " + response.body());
            }
        }
        assertTrue(Files.exists(dir.resolve("outside.jar")));
        assertError(rest.send("DELETE", "/jars/outside.jar"), 400, "is not a jar id");
        assertError(rest.send("DELETE", "/jars/00000000-0000-0000-0000-000000000000_gone.jar"), 404, "no uploaded jar");
    }

    @Test
    void programArgumentsSplitAtSpacesOutsideQuotes() {
        assertEquals(List.of("--input", "a file.txt", "--n", "3", ""), JarEndpoints.arguments(new JarEndpoints.RunRequest(
                null, " --input 'a file.txt'  --n \"3\" ''", null, null, null, null, null, null)));
    }

    @Test
    void submissionCanBeTurnedOff() throws Exception {
        Configuration config = new Configuration();
        config.set(WebOptions.PORT, 0);
        config.set(WebOptions.SUBMIT_ENABLE, false);
        try (MiniCluster closed = new MiniCluster(1, 1, Clock.systemUTC(), config).start()) {
            RestClient client = new RestClient("http://localhost:" + closed.service(RestServer.class).orElseThrow().port());
            assertError(client.upload("/jars/upload", "jarfile", "job.jar", jar), 403, "web.submit.enable");
            assertFalse(client.get("/config").path("features").path("web-submit").asBoolean());
        }
    }
}
