package io.weir.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.UploadedFile;
import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.PipelineOptions;
import io.weir.api.configuration.StateRecoveryOptions;
import io.weir.api.execution.JobID;
import io.weir.runtime.graph.JobGraph;
import io.weir.runtime.jobmaster.JobDetails;
import io.weir.runtime.minicluster.MiniCluster;
import io.weir.runtime.minicluster.MiniClusterExecutor;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The jar endpoints, with Flink's paths and fields: {@code POST /jars/upload} (multipart, field
 * {@code jarfile}), {@code GET /jars}, {@code POST /jars/:jarid/run} and {@code DELETE /jars/:jarid}.
 * A run starts the jar's {@code main} ({@link JarProgram}) and answers {@code {"jobid": ...}} once
 * the program has submitted its job to this cluster. With {@code web.submit.enable: false} every
 * one of them answers 403.
 *
 * <p>Threading: handlers run on the server's request threads; a run waits there (at most
 * {@link #SUBMIT_TIMEOUT_SECONDS}) while the program runs on its own thread ({@link JarProgram}).
 */
final class JarEndpoints {
    /** How long a run waits for the program to submit its job. */
    static final int SUBMIT_TIMEOUT_SECONDS = 60;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The body of {@code POST /jars/:jarid/run}: Flink's fields, all optional. */
    record RunRequest(String entryClass, String programArgs, List<String> programArgsList, Integer parallelism,
            String savepointPath, Boolean allowNonRestoredState, Map<String, String> flinkConfiguration,
            String jobId) {}

    private final MiniCluster cluster;
    private final Configuration configuration;
    private final JarStore jars;

    JarEndpoints(MiniCluster cluster, Configuration configuration, JarStore jars) {
        this.cluster = cluster;
        this.configuration = configuration;
        this.jars = jars;
    }

    void register(Javalin app) {
        app.post("/jars/upload", this::upload);
        app.get("/jars", this::list);
        app.post("/jars/{jarid}/run", this::run);
        app.get("/jars/{jarid}/plan", this::plan);
        app.post("/jars/{jarid}/plan", this::plan);
        app.delete("/jars/{jarid}", ctx -> {
            enabled();
            jars.delete(ctx.pathParam("jarid"));
            ctx.json(Map.of());
        });
    }

    private void enabled() {
        if (!configuration.get(WebOptions.SUBMIT_ENABLE)) {
            throw new RestError(403, "Jar submission is turned off on this cluster (" + WebOptions.SUBMIT_ENABLE.key()
                    + ": false).");
        }
    }

    private void upload(Context ctx) throws IOException {
        enabled();
        long limit = configuration.get(WebOptions.MAX_CONTENT_LENGTH);
        if (ctx.contentLength() > limit) {
            throw tooLarge(limit);
        }
        if (ctx.contentType() == null || !ctx.contentType().startsWith("multipart/form-data")) {
            throw RestError.badRequest("Upload a jar as multipart/form-data with the file in the field 'jarfile'.");
        }
        List<UploadedFile> files;
        try {
            files = ctx.uploadedFiles("jarfile");
        } catch (RuntimeException e) {
            // the multipart parser enforces the limit on a body sent without a Content-Length
            String message = String.valueOf(e.getMessage()) + (e.getCause() == null ? "" : e.getCause().getMessage());
            if (message.contains("max") || message.contains("exceed")) {
                throw tooLarge(limit);
            }
            throw RestError.badRequest("The upload is not a readable multipart/form-data body (" + e.getMessage() + ").");
        }
        if (files.size() != 1) {
            throw RestError.badRequest("Upload exactly one jar, in the multipart field 'jarfile' (got " + files.size()
                    + ").");
        }
        UploadedFile file = files.get(0);
        JarStore.StoredJar jar;
        try (InputStream content = file.content()) {
            jar = jars.store(file.filename(), content);
        }
        ctx.json(Map.of("filename", jars.path(jar).toString(), "status", "success"));
    }

    private static RestError tooLarge(long limit) {
        return new RestError(413, "The upload is larger than " + limit + " bytes; raise "
                + WebOptions.MAX_CONTENT_LENGTH.key() + " on the cluster to accept it.");
    }

    private void list(Context ctx) throws IOException {
        List<Object> files = new ArrayList<>();
        for (JarStore.StoredJar jar : jars.list()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", jar.id());
            json.put("name", jar.name());
            json.put("uploaded", jar.uploaded());
            List<Object> entries = new ArrayList<>();
            if (jar.mainClass() != null) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("name", jar.mainClass());
                entry.put("description", null);
                entries.add(entry);
            }
            json.put("entry", entries);
            files.add(json);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("address", "http://" + configuration.get(WebOptions.ADDRESS) + ":" + ctx.port());
        json.put("files", files);
        ctx.json(json);
    }

    private void run(Context ctx) throws IOException, InterruptedException {
        enabled();
        JarStore.StoredJar jar = jars.find(ctx.pathParam("jarid"));
        RunRequest request = request(ctx);
        String entryClass = entryClass(jar, request);
        JarProgram program = new JarProgram(jars.path(jar), jar.name(), entryClass);
        try {
            JobID job = program.start(MiniClusterExecutor.on(cluster), jobConfiguration(request), arguments(request))
                    .get(SUBMIT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            ctx.json(Map.of("jobid", job.toHexString()));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RestError error) {
                throw error;
            }
            throw new IllegalStateException("The program could not be started", e.getCause());
        } catch (TimeoutException e) {
            throw new RestError(504, "The main method of " + entryClass + " did not submit a job within "
                    + SUBMIT_TIMEOUT_SECONDS + " s; it is still running and its job may appear in GET /jobs later.");
        }
    }

    /**
     * {@code GET|POST /jars/:jarid/plan}: the job graph the program would submit, as
     * {@code /jobs/:jobid/plan} shows a running job's, without running the job. GET takes Flink's
     * query parameters ({@code entry-class}, {@code programArg} comma-separated, {@code parallelism}),
     * POST the run request's fields.
     */
    private void plan(Context ctx) throws IOException, InterruptedException {
        enabled();
        JarStore.StoredJar jar = jars.find(ctx.pathParam("jarid"));
        RunRequest request = ctx.method() == HandlerType.GET ? queryRequest(ctx) : request(ctx);
        String entryClass = entryClass(jar, request);
        JarProgram program = new JarProgram(jars.path(jar), jar.name(), entryClass);
        try {
            JobGraph job = program.plan(jobConfiguration(request), arguments(request))
                    .get(SUBMIT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<JobDetails.Vertex> vertices = new ArrayList<>();
            job.getVertices().forEach(vertex -> vertices.add(JobDetails.Vertex.of(vertex, List.of())));
            ctx.json(JobJson.plan(job.getJobId(), job.getName(), vertices));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RestError error) {
                throw error;
            }
            throw new IllegalStateException("The program's plan could not be taken", e.getCause());
        } catch (TimeoutException e) {
            throw new RestError(504, "The main method of " + entryClass + " did not execute a job within "
                    + SUBMIT_TIMEOUT_SECONDS + " s, so there is no plan to show.");
        }
    }

    private static RunRequest queryRequest(Context ctx) {
        String args = ctx.queryParam("programArg");
        Integer parallelism = null;
        String given = ctx.queryParam("parallelism");
        if (given != null && !given.isBlank()) {
            try {
                parallelism = Integer.valueOf(given.trim());
            } catch (NumberFormatException e) {
                throw RestError.badRequest("parallelism must be a whole number, got '" + given + "'.");
            }
        }
        return new RunRequest(ctx.queryParam("entry-class"), ctx.queryParam("program-args"),
                args == null || args.isEmpty() ? null : List.of(args.split(",")), parallelism, null, null, null, null);
    }

    /** The request's entry class, else the jar manifest's. */
    private static String entryClass(JarStore.StoredJar jar, RunRequest request) {
        if (request.jobId() != null) {
            throw RestError.badRequest("jobId is not supported: Weir gives each job a new id; leave it out.");
        }
        String entryClass = request.entryClass() != null && !request.entryClass().isBlank() ? request.entryClass()
                : jar.mainClass();
        if (entryClass == null) {
            throw RestError.badRequest("The jar " + jar.name() + " names no Main-Class in its manifest; pass entryClass.");
        }
        return entryClass;
    }

    private static RunRequest request(Context ctx) {
        String body = ctx.body();
        if (body.isBlank()) {
            return new RunRequest(null, null, null, null, null, null, null, null);
        }
        try {
            return JSON.readValue(body, RunRequest.class);
        } catch (JsonProcessingException e) {
            throw RestError.badRequest("The run request is not valid JSON with Flink's fields (entryClass, programArgs,"
                    + " programArgsList, parallelism, savepointPath, allowNonRestoredState, flinkConfiguration): "
                    + e.getOriginalMessage());
        }
    }

    /** The cluster's settings, then the request's: its configuration map, parallelism and savepoint. */
    private Configuration jobConfiguration(RunRequest request) {
        Configuration job = new Configuration(configuration);
        if (request.flinkConfiguration() != null) {
            job.addAll(Configuration.fromMap(request.flinkConfiguration()));
        }
        if (request.parallelism() != null) {
            if (request.parallelism() < 1 && request.parallelism() != -1) {
                throw RestError.badRequest("parallelism must be 1 or more (or -1 for the cluster's default), got "
                        + request.parallelism() + ".");
            }
            if (request.parallelism() > 0) {
                job.set(PipelineOptions.PARALLELISM, request.parallelism());
            }
        }
        if (request.savepointPath() != null && !request.savepointPath().isBlank()) {
            job.set(StateRecoveryOptions.SAVEPOINT_PATH, request.savepointPath());
        }
        if (request.allowNonRestoredState() != null) {
            job.set(StateRecoveryOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE, request.allowNonRestoredState());
        }
        return job;
    }

    /** {@code programArgsList} as given, else {@code programArgs} split at spaces outside quotes. */
    static List<String> arguments(RunRequest request) {
        if (request.programArgsList() != null && !request.programArgsList().isEmpty()) {
            return request.programArgsList();
        }
        List<String> args = new ArrayList<>();
        String line = request.programArgs() == null ? "" : request.programArgs();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        boolean inArgument = false;
        for (char c : line.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    current.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inArgument = true;
            } else if (Character.isWhitespace(c)) {
                if (inArgument) {
                    args.add(current.toString());
                    current.setLength(0);
                    inArgument = false;
                }
            } else {
                current.append(c);
                inArgument = true;
            }
        }
        if (quote != 0) {
            throw RestError.badRequest("programArgs has an unclosed " + quote + " quote: " + line);
        }
        if (inArgument) {
            args.add(current.toString());
        }
        return args;
    }
}
