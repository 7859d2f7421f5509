package io.weir.web;

import static io.weir.web.RestApiTest.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.weir.api.configuration.Configuration;
import io.weir.runtime.minicluster.MiniCluster;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;

/**
 * With {@code rest.auth.token} set, every route of the server answers 401 JSON without the bearer
 * token or with a wrong one, and works with it; the dashboard's files load without it and its API
 * calls carry it. {@code rest.cors.allowed-origins} lets the listed origins (only) call the API
 * from a browser, preflight included.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AccessControlTest {
    private static final String TOKEN = "s3cret-token";
    private static final Map<String, String> AUTHORIZED = Map.of("Authorization", "Bearer " + TOKEN);
    private static final String ORIGIN = "http://ui.example:8080";

    private static MiniCluster cluster;
    private static RestServer server;
    private static RestClient rest;

    @BeforeAll
    static void start() throws Exception {
        Configuration config = new Configuration();
        config.set(WebOptions.PORT, 0);
        config.set(WebOptions.AUTH_TOKEN, TOKEN);
        config.setString("rest.cors.allowed-origins", ORIGIN + ";http://other.example");
        cluster = new MiniCluster(1, 1, Clock.systemUTC(), config).start();
        server = cluster.service(RestServer.class).orElseThrow();
        rest = new RestClient("http://localhost:" + server.port());
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void everyRouteDemandsTheToken() throws Exception {
        List<String> routes = server.routes();
        assertTrue(routes.size() > 40, routes.toString());
        for (String route : routes) {
            String[] methodAndPath = route.split(" ", 2);
            String path = methodAndPath[1].replaceAll("\\{[^}]+}", "0");
            RestClient.Exchange without = rest.send(methodAndPath[0], path, "{}", Map.of());
            assertError(without.response(), 401, "Authorization: Bearer <token>");
            assertEquals("Bearer", without.headers().firstValue("WWW-Authenticate").orElse(""), route);
            RestClient.Exchange wrong = rest.send(methodAndPath[0], path, "{}",
                    Map.of("Authorization", "Bearer " + TOKEN + "x"));
            assertError(wrong.response(), 401, "not the one configured");
            RestClient.Exchange with = rest.send(methodAndPath[0], path, "{}", AUTHORIZED);
            assertTrue(with.response().status() != 401, route + " refused the right token");
        }
    }

    @Test
    void theRightTokenOpensTheApiAndTheConfigurationHidesIt() throws Exception {
        assertEquals(200, rest.send("GET", "/overview", null, AUTHORIZED).response().status());
        assertEquals(200, rest.send("GET", "/jobs", null, Map.of("Authorization", "bearer " + TOKEN))
                .response().status(), "the scheme is case-insensitive");
        JsonNode config = rest.send("GET", "/jobmanager/config", null, AUTHORIZED).response().json();
        for (JsonNode entry : config) {
            if (entry.path("key").asText().equals("rest.auth.token")) {
                assertEquals(JobJson.HIDDEN, entry.path("value").asText());
            }
        }
        assertFalse(config.toString().contains(TOKEN));
    }

    @Test
    void theDashboardsFilesLoadWithoutTheToken() throws Exception {
        for (String file : List.of("/", "/index.html", "/dom.js", "/dashboard.css", "/webjars/dagre/0.8.4/dist/dagre.min.js")) {
            assertEquals(200, rest.send("GET", file).status(), file);
        }
    }

    @Test
    void listedOriginsMayCallTheApiFromABrowser() throws Exception {
        RestClient.Exchange preflight = rest.send("OPTIONS", "/jobs", null, Map.of("Origin", ORIGIN,
                "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "authorization"));
        assertEquals(200, preflight.response().status(), preflight.response().body());
        assertEquals(ORIGIN, preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").contains("authorization"));
        Map<String, String> fromOrigin = Map.of("Origin", ORIGIN, "Authorization", "Bearer " + TOKEN);
        assertEquals(ORIGIN, rest.send("GET", "/jobs", null, fromOrigin).headers()
                .firstValue("Access-Control-Allow-Origin").orElse(""));
        RestClient.Exchange evil = rest.send("GET", "/jobs", null, Map.of("Origin", "http://evil.example",
                "Authorization", "Bearer " + TOKEN));
        assertTrue(evil.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), "an origin not listed");
    }

    @Test
    void withoutCorsSettingsNoOriginIsAllowed() throws Exception {
        Configuration config = new Configuration();
        config.set(WebOptions.PORT, 0);
        try (MiniCluster plain = new MiniCluster(1, 1, Clock.systemUTC(), config).start()) {
            RestClient client = new RestClient("http://localhost:" + plain.service(RestServer.class).orElseThrow().port());
            RestClient.Exchange answer = client.send("GET", "/jobs", null, Map.of("Origin", ORIGIN));
            assertEquals(200, answer.response().status(), "no token needed without rest.auth.token");
            assertTrue(answer.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
        }
    }

    @Test
    void anEmptyTokenFailsTheStart() {
        Configuration config = new Configuration();
        config.set(WebOptions.PORT, 0);
        config.set(WebOptions.AUTH_TOKEN, " ");
        RuntimeException failure = assertThrows(RuntimeException.class,
                () -> new MiniCluster(1, 1, Clock.systemUTC(), config).start().close());
        String messages = "";
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages += t.getMessage() + "\n";
        }
        assertTrue(messages.contains("rest.auth.token is set but empty"), messages);
    }

    @Test
    void theDashboardSendsTheTokenItWasOpenedWith() throws Exception {
        Browser.assumeInstalled();
        try (Browser browser = Browser.start(1280, 800)) {
            String base = "http://localhost:" + server.port();
            browser.driver().get(base + "/?token=" + TOKEN + "#/overview");
            browser.waitFor("the overview's numbers", d -> d.findElement(By.cssSelector("[data-card=slots] .card-value"))
                    .getText().endsWith("/ 1"));
            browser.script("sessionStorage.clear()");
            browser.driver().get(base + "/#/jobs");
            browser.waitFor("the refusal in the status bar", d -> d.findElement(By.id("status")).getText()
                    .contains("needs a token"));
            browser.screenshot("auth-refused");
        }
    }
}
