package io.weir.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * The log endpoints, with Flink's paths: {@code /jobmanager/logs} lists the JobManager's log
 * directory ({@code {"logs": [{"name", "size", "mtime"}]}}), {@code /jobmanager/logs/:filename}
 * serves one file as text, {@code /jobmanager/log} the log file and {@code /jobmanager/stdout}
 * its stdout file; {@code /taskmanagers/:tmid/...} the same for a task manager. Files are served
 * only through {@link LogFiles}, which never leaves its directory.
 *
 * <p>Threading: handlers run on the server's request threads; a file is streamed by the server
 * after the handler returned, and closed by it.
 */
final class LogEndpoints {
    private final LogFiles jobManager;
    /** A known task manager's log files, or a {@link RestError} 404 for an unknown id. */
    private final Function<String, LogFiles> taskManagers;

    LogEndpoints(LogFiles jobManager, Function<String, LogFiles> taskManagers) {
        this.jobManager = jobManager;
        this.taskManagers = taskManagers;
    }

    void register(Javalin app) {
        app.get("/jobmanager/logs", ctx -> ctx.json(Map.of("logs", jobManager.list())));
        app.get("/jobmanager/logs/{filename}", ctx -> text(ctx, jobManager.file(ctx.pathParam("filename"))));
        app.get("/jobmanager/log", ctx -> text(ctx, jobManager.mainLog()));
        app.get("/jobmanager/stdout", ctx -> text(ctx, jobManager.stdout()));
        String tm = "/taskmanagers/{tmid}";
        app.get(tm + "/logs", ctx -> ctx.json(Map.of("logs", taskManager(ctx).list())));
        app.get(tm + "/logs/{filename}", ctx -> text(ctx, taskManager(ctx).file(ctx.pathParam("filename"))));
        app.get(tm + "/log", ctx -> text(ctx, taskManager(ctx).mainLog()));
        app.get(tm + "/stdout", ctx -> text(ctx, taskManager(ctx).stdout()));
    }

    private LogFiles taskManager(Context ctx) {
        return taskManagers.apply(ctx.pathParam("tmid"));
    }

    /** Streams the file; the server closes the stream when the response is written. */
    private static void text(Context ctx, Path file) throws IOException {
        ctx.contentType("text/plain; charset=utf-8");
        ctx.result(Files.newInputStream(file));
    }
}
