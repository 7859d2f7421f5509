package io.weir.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.weir.api.execution.JobID;
import io.weir.runtime.checkpoint.SnapshotType;
import io.weir.runtime.minicluster.MiniCluster;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Savepoints over REST, in Flink's shape for long operations: {@code POST /jobs/:jobid/savepoints}
 * (body {@code target-directory}, {@code cancel-job}, {@code formatType}) and {@code POST
 * /jobs/:jobid/stop} (body {@code targetDirectory}, {@code drain}, {@code formatType}) answer 202
 * with a {@code request-id}; {@code GET /jobs/:jobid/savepoints/:triggerid} answers
 * {@code IN_PROGRESS}, or {@code COMPLETED} with the savepoint's {@code location} or its
 * {@code failure-cause}.
 *
 * <p>Threading: handlers run on the server's request threads; operations live in a bounded
 * synchronized map.
 */
final class SavepointEndpoints {
    private static final int REMEMBERED_OPERATIONS = 256;
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private final MiniCluster cluster;
    private final Map<String, Operation> operations = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Operation> eldest) {
                    return size() > REMEMBERED_OPERATIONS;
                }
            });

    private record Operation(JobID job, CompletableFuture<String> location) {}

    SavepointEndpoints(MiniCluster cluster) {
        this.cluster = cluster;
    }

    void register(Javalin app) {
        app.post("/jobs/{jobid}/savepoints", this::savepoint);
        app.post("/jobs/{jobid}/stop", this::stop);
        app.get("/jobs/{jobid}/savepoints/{triggerid}", this::status);
    }

    private void savepoint(Context ctx) {
        Map<String, Object> body = body(ctx);
        JobID job = JobEndpoints.jobId(ctx);
        String directory = string(body, "target-directory");
        formatType(body);
        boolean cancel = flag(body, "cancel-job");
        CompletableFuture<String> location = trigger(job, directory, SnapshotType.SAVEPOINT);
        if (cancel) {
            location = location.thenApply(path -> {
                cluster.cancel(job);
                return path;
            });
        }
        accepted(ctx, job, location);
    }

    private void stop(Context ctx) {
        Map<String, Object> body = body(ctx);
        JobID job = JobEndpoints.jobId(ctx);
        String directory = string(body, "targetDirectory");
        formatType(body);
        SnapshotType type = flag(body, "drain") ? SnapshotType.SAVEPOINT_TERMINATE : SnapshotType.SAVEPOINT_SUSPEND;
        accepted(ctx, job, trigger(job, directory, type));
    }

    private CompletableFuture<String> trigger(JobID job, String directory, SnapshotType type) {
        return cluster.triggerSavepoint(job, directory, type).orElseThrow(() -> cluster.jobDetails(job).isPresent()
                ? new RestError(409, "Job " + job.toHexString() + " has ended: a savepoint can only be taken of a "
                        + "running job.")
                : JobEndpoints.unknownJob(job));
    }

    private void accepted(Context ctx, JobID job, CompletableFuture<String> location) {
        String triggerId = UUID.randomUUID().toString().replace("-", "");
        operations.put(triggerId, new Operation(job, location));
        ctx.status(202).json(Map.of("request-id", triggerId));
    }

    private void status(Context ctx) {
        JobID job = JobEndpoints.jobId(ctx);
        String triggerId = ctx.pathParam("triggerid");
        Operation operation = operations.get(triggerId);
        if (operation == null || !operation.job().equals(job)) {
            throw RestError.notFound("No savepoint operation " + triggerId + " for job " + job.toHexString()
                    + ": the request-id comes from POST /jobs/:jobid/savepoints or /stop (the server remembers the last "
                    + REMEMBERED_OPERATIONS + ").");
        }
        Map<String, Object> json = new LinkedHashMap<>();
        if (!operation.location().isDone()) {
            json.put("status", Map.of("id", "IN_PROGRESS"));
            json.put("operation", null);
            ctx.json(json);
            return;
        }
        json.put("status", Map.of("id", "COMPLETED"));
        try {
            json.put("operation", Map.of("location", operation.location().get()));
        } catch (ExecutionException | CompletionException e) {
            json.put("operation", Map.of("failure-cause", failure(e.getCause())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RestError(503, "The server is shutting down.");
        }
        ctx.json(json);
    }

    private static Map<String, Object> failure(Throwable cause) {
        StringWriter trace = new StringWriter();
        cause.printStackTrace(new PrintWriter(trace));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("class", cause.getClass().getName());
        json.put("message", cause.getMessage());
        json.put("stack-trace", trace.toString());
        return json;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(Context ctx) {
        String text = ctx.body();
        if (text.isBlank()) {
            return Map.of();
        }
        try {
            return JSON.readValue(text, Map.class);
        } catch (java.io.IOException e) {
            throw RestError.badRequest("The request body is not a JSON object: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        }
    }

    private static String string(Map<String, Object> body, String key) {
        Object value = body.get(key);
        if (value != null && !(value instanceof String)) {
            throw RestError.badRequest("'" + key + "' must be a string (a directory path), got " + value);
        }
        return (String) value;
    }

    private static boolean flag(Map<String, Object> body, String key) {
        Object value = body.getOrDefault(key, false);
        if (!(value instanceof Boolean b)) {
            throw RestError.badRequest("'" + key + "' must be true or false, got " + value);
        }
        return b;
    }

    /** Both formats give the same self-contained savepoint (see SavepointFormatType); anything else is refused. */
    private static void formatType(Map<String, Object> body) {
        Object value = body.get("formatType");
        if (value != null && !"CANONICAL".equals(value) && !"NATIVE".equals(value)) {
            throw RestError.badRequest("'formatType' must be CANONICAL or NATIVE, got " + value);
        }
    }
}
