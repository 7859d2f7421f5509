package io.weir.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.weir.api.configuration.Configuration;
import io.weir.runtime.minicluster.MiniCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code /openapi.json} has every route the server's router holds, each described by its row of
 * docs/monitoring.md's REST table, and the table documents no route the server lacks.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OpenApiTest {
    private static MiniCluster cluster;
    private static RestServer server;
    private static JsonNode document;

    @BeforeAll
    static void start() throws Exception {
        Configuration config = new Configuration();
        config.set(WebOptions.PORT, 0);
        cluster = new MiniCluster(1, 1, Clock.systemUTC(), config).start();
        server = cluster.service(RestServer.class).orElseThrow();
        document = new RestClient("http://localhost:" + server.port()).get(OpenApiDocument.PATH);
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void everyRegisteredRouteIsInTheDocumentWithItsDescription() {
        assertEquals("3.0.3", document.path("openapi").asText());
        List<String> routes = server.routes();
        assertTrue(routes.size() > 40, routes.toString());
        for (String route : routes) {
            String[] methodAndPath = route.split(" ", 2);
            JsonNode operation = document.path("paths").path(methodAndPath[1])
                    .path(methodAndPath[0].toLowerCase(Locale.ROOT));
            assertTrue(operation.isObject(), route + " is missing from " + OpenApiDocument.PATH);
            assertNotEquals(OpenApiDocument.UNDOCUMENTED, operation.path("description").asText(),
                    route + " has no row in docs/monitoring.md's REST table");
        }
        int operations = 0;
        for (JsonNode path : document.path("paths")) {
            operations += path.size();
        }
        assertEquals(routes.size(), operations, "the document has only the server's routes");
    }

    @Test
    void theReferencePageDocumentsNoRouteTheServerLacks() throws Exception {
        Map<String, String> documented = OpenApiDocument.descriptions(
                Files.readString(Path.of("..", "docs", "monitoring.md")));
        TreeSet<String> stale = new TreeSet<>(documented.keySet());
        server.routes().forEach(stale::remove);
        assertEquals(new TreeSet<>(), stale, "docs/monitoring.md documents routes the server does not have");
    }

    @Test
    void operationsHaveParametersBodiesAndErrorResponses() {
        JsonNode subtask = document.path("paths")
                .path("/jobs/{jobid}/vertices/{vertexid}/subtasks/{subtaskindex}/metrics").path("get");
        List<String> parameters = new ArrayList<>();
        subtask.path("parameters").forEach(p -> parameters.add(p.path("name").asText() + "@" + p.path("in").asText()));
        assertEquals(List.of("jobid@path", "vertexid@path", "subtaskindex@path"), parameters);
        assertEquals("#/components/schemas/Errors", subtask.path("responses").path("default").path("content")
                .path("application/json").path("schema").path("$ref").asText());
        JsonNode run = document.path("paths").path("/jars/{jarid}/run").path("post");
        assertEquals("#/components/schemas/RunRequest", run.path("requestBody").path("content")
                .path("application/json").path("schema").path("$ref").asText());
        JsonNode runRequest = document.path("components").path("schemas").path("RunRequest").path("properties");
        assertEquals("array", runRequest.path("programArgsList").path("type").asText());
        assertEquals("integer", runRequest.path("parallelism").path("type").asText());
        assertEquals("binary", document.path("paths").path("/jars/upload").path("post").path("requestBody")
                .path("content").path("multipart/form-data").path("schema").path("properties").path("jarfile")
                .path("format").asText());
        assertEquals("202", document.path("paths").path("/jobs/{jobid}").path("patch").path("responses")
                .fieldNames().next());
        assertEquals("{\"jobs\": [{\"id\", \"status\"}]}",
                document.path("paths").path("/jobs").path("get").path("summary").asText());
    }
}
