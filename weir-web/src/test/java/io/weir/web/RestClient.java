package io.weir.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

/** A small HTTP client for the tests: JSON in, status and JSON out, a timeout on everything. */
final class RestClient {
    static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    RestClient(String base) {
        this.base = base;
    }

    record Response(int status, String body, String contentType) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (Exception e) {
                throw new AssertionError("not JSON (status " + status + "): " + body, e);
            }
        }
    }

    Response send(String method, String path) throws Exception {
        return send(method, path, null);
    }

    /** Sends {@code json} (or no body when {@code null}). */
    Response send(String method, String path, String json) throws Exception {
        return send(method, path, json, java.util.Map.of()).response();
    }

    /** A response with its headers. */
    record Exchange(Response response, java.net.http.HttpHeaders headers) {}

    /** Sends {@code json} (or no body when {@code null}) with extra request headers. */
    Exchange send(String method, String path, String json, java.util.Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Exchange(new Response(response.statusCode(), response.body(),
                response.headers().firstValue("Content-Type").orElse("")), response.headers());
    }

    /** POSTs {@code content} as the file {@code fileName} in the multipart field {@code field}. */
    Response upload(String path, String field, String fileName, byte[] content) throws Exception {
        String boundary = "weir-test-" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/java-archive\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body(),
                response.headers().firstValue("Content-Type").orElse(""));
    }

    /** GETs a path that must answer 200 with JSON. */
    JsonNode get(String path) throws Exception {
        Response response = send("GET", path);
        if (response.status() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.status() + ": " + response.body());
        }
        return response.json();
    }

    /** GETs a path until its JSON satisfies {@code until}; fails after {@link #TIMEOUT}. */
    JsonNode poll(String path, Predicate<JsonNode> until) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = get(path);
            if (until.test(last)) {
                return last;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("GET " + path + " did not reach the expected state within " + TIMEOUT + "; last: " + last);
    }

    /** GETs a plain-text path (the Prometheus endpoint). */
    String text(String path) throws Exception {
        Response response = send("GET", path);
        if (response.status() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.status() + ": " + response.body());
        }
        return response.body();
    }
}
