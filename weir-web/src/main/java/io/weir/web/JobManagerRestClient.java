package io.weir.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.weir.runtime.security.SslSettings;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Talks to a JobManager's REST API ({@code rest.port}, 8081 by default) for the CLI commands that act
 * on a running job. Every failure is a {@link RequestFailedException} whose message says what to check.
 *
 * <p>Threading: one caller at a time.
 */
public final class JobManagerRestClient {

    /** A request that failed; the message is meant for the person at the command line. */
    public static final class RequestFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RequestFailedException(String message) {
            super(message, null, false, false);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    /** The bearer token for a server with {@code rest.auth.token}, or {@code null}. */
    private final String token;
    /** Follows redirects: a standby JobManager of a highly available cluster redirects to the leader's REST API. */
    private final HttpClient http;
    /** The client's TLS settings ({@code security.ssl.rest.*}), or {@code null} for plain HTTP. */
    private final SslSettings tls;

    /** @param address {@code host:port} of the JobManager's REST endpoint */
    public JobManagerRestClient(String address) {
        this(address, null);
    }

    /**
     * @param address {@code host:port} of the JobManager's REST endpoint
     * @param token the server's {@code rest.auth.token}, sent as a bearer token; {@code null} for none
     */
    public JobManagerRestClient(String address, String token) {
        this(address, token, null);
    }

    /**
     * @param address {@code host:port} of the JobManager's REST endpoint
     * @param token the server's {@code rest.auth.token}, sent as a bearer token; {@code null} for none
     * @param tls HTTPS settings from {@link SslSettings#restClient}; {@code null} for plain HTTP
     */
    public JobManagerRestClient(String address, String token, SslSettings tls) {
        this.token = token == null || token.isBlank() ? null : token;
        this.tls = tls;
        HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL);
        if (tls != null) {
            client.sslContext(tls.sslContext()).sslParameters(tls.sslParameters());
        }
        this.http = client.build();
        if (!address.matches("[^:/\\s]+:\\d{1,5}")) {
            throw new RequestFailedException("-m expects host:port of the JobManager's REST endpoint (for example localhost:8081),"
                    + " got '" + address + "'.");
        }
        this.base = (tls == null ? "http://" : "https://") + address;
    }

    /**
     * Takes a savepoint of a running job ({@code POST /jobs/:jobid/savepoints}) and waits for it; returns
     * its location. {@code directory} may be {@code null} (the cluster's default).
     */
    public String triggerSavepoint(String jobId, String directory, Duration timeout) throws InterruptedException {
        Map<String, Object> body = new java.util.HashMap<>();
        if (directory != null) {
            body.put("target-directory", directory);
        }
        return awaitSavepoint(jobId, post("/jobs/" + jobId + "/savepoints", body), timeout);
    }

    /** Stops a running job with a savepoint ({@code POST /jobs/:jobid/stop}); returns the savepoint's location. */
    public String stopWithSavepoint(String jobId, String directory, boolean drain, Duration timeout)
            throws InterruptedException {
        Map<String, Object> body = new java.util.HashMap<>();
        if (directory != null) {
            body.put("targetDirectory", directory);
        }
        body.put("drain", drain);
        return awaitSavepoint(jobId, post("/jobs/" + jobId + "/stop", body), timeout);
    }

    /** A job as {@code GET /jobs/overview} lists it. */
    public record JobSummary(String id, String name, String state, long startTime) {}

    /** The cluster's jobs, running and ended, newest first ({@code GET /jobs/overview}). */
    public java.util.List<JobSummary> listJobs() {
        java.util.List<JobSummary> jobs = new java.util.ArrayList<>();
        for (JsonNode job : get("/jobs/overview").path("jobs")) {
            jobs.add(new JobSummary(job.path("jid").asText(), job.path("name").asText(), job.path("state").asText(),
                    job.path("start-time").asLong()));
        }
        jobs.sort(java.util.Comparator.comparingLong(JobSummary::startTime).reversed());
        return jobs;
    }

    /** Cancels a job ({@code PATCH /jobs/:jobid?mode=cancel}); returns once the JobManager accepted it. */
    public void cancel(String jobId) {
        send(HttpRequest.newBuilder(URI.create(base + "/jobs/" + jobId + "?mode=cancel"))
                .method("PATCH", HttpRequest.BodyPublishers.noBody()));
    }

    private JsonNode post(String path, Map<String, Object> body) {
        try {
            return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What a failed handshake means and what to check. A server that refuses this client's certificate
     * (or its lack of one) may send an alert saying so, or just close the connection; so the hint about
     * client certificates comes with every handshake failure.
     */
    private String handshakeFailure(javax.net.ssl.SSLException e) {
        String message = String.valueOf(e.getMessage());
        String clientCertificate = tls.mutualAuthentication()
                ? "the JobManager's security.ssl.rest.truststore must trust the certificate of security.ssl.rest.keystore"
                        + " in this client's config.yaml."
                : "if the JobManager requires client certificates, set security.ssl.rest.authentication-enabled: true and"
                        + " security.ssl.rest.keystore (and its password) in this client's config.yaml.";
        // an alert the server sent about this client's certificate (a client refusing the server's fails locally)
        if (message.contains("Received fatal alert: bad_certificate") || message.contains("Received fatal alert: certificate_required")
                || message.contains("Received fatal alert: certificate_unknown")) {
            return "The JobManager at " + base + " refused this client's certificate (" + message + "): "
                    + clientCertificate;
        }
        return "The TLS handshake with " + base + " failed: " + message + ". Check that the JobManager serves HTTPS"
                + " (security.ssl.rest.enabled) and that security.ssl.rest.truststore in this client's config.yaml trusts"
                + " its certificate, which must name the host given with -m; " + clientCertificate;
    }

    private JsonNode get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    private JsonNode send(HttpRequest.Builder request) {
        HttpResponse<String> response;
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            response = http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new RequestFailedException("No JobManager answers at " + base + ": start the job with `bin/weir run --web ...`"
                    + " (or -D rest.port=<port>) and pass that port with -m host:port.");
        } catch (javax.net.ssl.SSLException e) {
            throw new RequestFailedException(handshakeFailure(e));
        } catch (IOException e) {
            throw new RequestFailedException("The request to " + base + " failed: " + e.getMessage()
                    + (tls == null ? " (if the JobManager serves HTTPS, set security.ssl.rest.enabled and"
                            + " security.ssl.rest.truststore in this client's config.yaml)" : ""));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RequestFailedException("Interrupted while waiting for " + base);
        }
        JsonNode json;
        try {
            json = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new RequestFailedException(base + " answered " + response.statusCode() + " with something that is not JSON;"
                    + " is it a Weir JobManager?");
        }
        if (response.statusCode() >= 400) {
            JsonNode errors = json.path("errors");
            String message = errors.isArray() && !errors.isEmpty() ? errors.get(0).asText()
                    : base + " answered " + response.statusCode();
            throw new RequestFailedException(response.statusCode() == 401
                    ? message + " bin/weir sends the token in the environment variable WEIR_REST_TOKEN." : message);
        }
        return json;
    }

    /**
     * Waits for a savepoint operation started with a POST that answered a {@code request-id}: returns
     * the savepoint's location, or throws its failure as a {@link RequestFailedException}.
     */
    private String awaitSavepoint(String jobId, JsonNode accepted, Duration timeout) throws InterruptedException {
        String triggerId = accepted.path("request-id").asText();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode status = get("/jobs/" + jobId + "/savepoints/" + triggerId);
            if ("COMPLETED".equals(status.path("status").path("id").asText())) {
                JsonNode operation = status.path("operation");
                if (operation.has("location")) {
                    return operation.get("location").asText();
                }
                throw new RequestFailedException("The savepoint failed: " + operation.path("failure-cause").path("message").asText());
            }
            if (System.nanoTime() > deadline) {
                throw new RequestFailedException("The savepoint did not complete within " + timeout.toSeconds() + " s; it may still"
                        + " complete (GET /jobs/" + jobId + "/savepoints/" + triggerId + " tells).");
            }
            Thread.sleep(100); // polling a remote operation, as Flink's CLI does
        }
    }
}
