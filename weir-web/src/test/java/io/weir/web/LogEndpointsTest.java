package io.weir.web;

import static io.weir.web.RestApiTest.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.weir.api.configuration.Configuration;
import io.weir.runtime.minicluster.MiniCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The log endpoints of the JobManager and the task managers serve the files of the log directory
 * in Flink's shapes, and nothing outside it: not through {@code ..}, encoded separators or a link
 * that points out of the directory.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LogEndpointsTest {
    private static final String SECRET = "the secret outside the log directory";

    @TempDir
    static Path dir;
    private static MiniCluster cluster;
    private static RestClient rest;
    private static String taskManager;

    @BeforeAll
    static void startCluster() throws Exception {
        Path logs = Files.createDirectories(dir.resolve("log"));
        Files.writeString(logs.resolve("weir-test-run-host.log"), "2026-12-03 INFO started\n");
        Files.writeString(logs.resolve("weir-test-run-host.log.1"), "older lines\n");
        Files.writeString(logs.resolve("weir-test-run-host.out"), "printed by the job\n");
        Files.createDirectories(logs.resolve("archive"));
        Path secret = Files.writeString(dir.resolve("secret.txt"), SECRET);
        Files.createSymbolicLink(logs.resolve("link.log"), secret);

        Configuration config = new Configuration();
        config.set(WebOptions.PORT, 0);
        config.set(WebOptions.LOG_PATH, logs.resolve("weir-test-run-host.log").toString());
        cluster = new MiniCluster(2, 1, Clock.systemUTC(), config).start();
        rest = new RestClient("http://localhost:" + cluster.service(RestServer.class).orElseThrow().port());
        taskManager = rest.get("/taskmanagers").path("taskmanagers").get(0).path("id").asText();
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void logListsHaveTheRegularFilesOfTheLogDirectory() throws Exception {
        for (String path : List.of("/jobmanager/logs", "/taskmanagers/" + taskManager + "/logs")) {
            JsonNode logs = rest.get(path).path("logs");
            List<String> names = new ArrayList<>();
            logs.forEach(log -> names.add(log.path("name").asText()));
            assertEquals(List.of("weir-test-run-host.log", "weir-test-run-host.log.1", "weir-test-run-host.out"), names,
                    path + ": no directory, no link");
            RestApiTest.assertFields(logs.get(0), "name", "size", "mtime");
            assertEquals("2026-12-03 INFO started\n".length(), logs.get(0).path("size").asLong());
            assertTrue(logs.get(0).path("mtime").asLong() > 0);
        }
    }

    @Test
    void filesLogAndStdoutAreServedAsText() throws Exception {
        for (String base : List.of("/jobmanager", "/taskmanagers/" + taskManager)) {
            RestClient.Response older = rest.send("GET", base + "/logs/weir-test-run-host.log.1");
            assertEquals(200, older.status());
            assertEquals("older lines\n", older.body());
            assertTrue(older.contentType().startsWith("text/plain"), older.contentType());
            assertEquals("2026-12-03 INFO started\n", rest.send("GET", base + "/log").body());
            assertEquals("printed by the job\n", rest.send("GET", base + "/stdout").body());
        }
    }

    @Test
    void noNameReachesOutsideTheLogDirectory() throws Exception {
        List<String> attempts = List.of("..%2Fsecret.txt", "..%2F..%2Fsecret.txt", "%2E%2E", "..",
                "link.log", "archive", "..%5Csecret.txt", "%2Fetc%2Fpasswd", "secret.txt");
        for (String name : attempts) {
            for (String base : List.of("/jobmanager/logs/", "/taskmanagers/" + taskManager + "/logs/")) {
                RestClient.Response response = rest.send("GET", base + name);
                assertTrue(response.status() == 400 || response.status() == 404, base + name + ": " + response.status());
                assertFalse(response.body().contains(SECRET), base + name);
                assertFalse(response.body().contains("root:"), base + name);
            }
        }
        assertError(rest.send("GET", "/jobmanager/logs/link.log"), 404, "the list of logs has the names");
        assertError(rest.send("GET", "/jobmanager/logs/..%5Csecret.txt"), 400, "not a log file name");
    }

    @Test
    void unknownTaskManagerOrFileIsA404() throws Exception {
        assertError(rest.send("GET", "/taskmanagers/no-such-tm/logs"), 404, "GET /taskmanagers lists the ids");
        assertError(rest.send("GET", "/taskmanagers/no-such-tm/stdout"), 404, "GET /taskmanagers lists the ids");
        assertError(rest.send("GET", "/jobmanager/logs/missing.log"), 404, "the list of logs has the names");
        assertError(rest.send("POST", "/jobmanager/logs"), 405, "use GET");
    }

    @Test
    void aProcessWithoutLogFileListsNoneAndSaysWhy() throws Exception {
        Configuration config = new Configuration();
        config.set(WebOptions.PORT, 0);
        try (MiniCluster noLogs = new MiniCluster(1, 1, Clock.systemUTC(), config).start()) {
            RestClient client = new RestClient("http://localhost:" + noLogs.service(RestServer.class).orElseThrow().port());
            assertEquals(0, client.get("/jobmanager/logs").path("logs").size());
            assertError(client.send("GET", "/jobmanager/log"), 404, "web.log.path");
            assertError(client.send("GET", "/jobmanager/stdout"), 404, "no log file");
        }
    }
}
