package io.weir.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.weir.runtime.checkpoint.CheckpointStats;
import io.weir.runtime.checkpoint.CheckpointStatsTracker;
import io.weir.runtime.jobmaster.JobDetails;
import java.util.function.Function;

/**
 * A job's checkpoint statistics: {@code /jobs/:jobid/checkpoints}, {@code /checkpoints/config},
 * {@code /checkpoints/details/:checkpointid} and its {@code /subtasks/:vertexid}. Every job has
 * statistics (a job without periodic checkpoints can still take savepoints); {@code /config} of a
 * job without periodic checkpoints answers 404 with how to enable them, as Flink does.
 */
final class CheckpointEndpoints {
    private static final String CHECKPOINTS = "/jobs/{jobid}/checkpoints";

    private final Function<Context, JobDetails> jobs;

    /** @param jobs the snapshot of the job a request names; throws a {@link RestError} for an unknown job */
    CheckpointEndpoints(Function<Context, JobDetails> jobs) {
        this.jobs = jobs;
    }

    void register(Javalin app) {
        app.get(CHECKPOINTS, ctx -> {
            JobDetails job = jobs.apply(ctx);
            ctx.json(CheckpointJson.overview(job, stats(job)));
        });
        app.get(CHECKPOINTS + "/config", ctx -> {
            JobDetails job = jobs.apply(ctx);
            if (!stats(job).settings().enabled()) {
                throw RestError.notFound("Checkpointing is not enabled for job " + job.jobId().toHexString()
                        + "; set execution.checkpointing.interval (or call enableCheckpointing) to take checkpoints.");
            }
            ctx.json(CheckpointJson.config(stats(job).settings()));
        });
        app.get(CHECKPOINTS + "/details/{checkpointid}", ctx -> {
            JobDetails job = jobs.apply(ctx);
            ctx.json(CheckpointJson.checkpoint(job, stats(job), checkpoint(ctx, job)));
        });
        app.get(CHECKPOINTS + "/details/{checkpointid}/subtasks/{vertexid}", ctx -> {
            JobDetails job = jobs.apply(ctx);
            CheckpointStats.Checkpoint checkpoint = checkpoint(ctx, job);
            String vertexId = ctx.pathParam("vertexid");
            for (int v = 0; v < job.vertices().size(); v++) {
                if (job.vertices().get(v).id().equalsIgnoreCase(vertexId)) {
                    ctx.json(CheckpointJson.subtasks(job, v, checkpoint));
                    return;
                }
            }
            throw RestError.notFound("Job " + job.jobId().toHexString() + " has no vertex '" + vertexId
                    + "'; GET /jobs/" + job.jobId().toHexString() + " lists its vertices.");
        });
    }

    private static CheckpointStats stats(JobDetails job) {
        if (job.checkpoints() == null) {
            throw RestError.notFound("Job " + job.jobId().toHexString() + " has no checkpoint statistics.");
        }
        return job.checkpoints();
    }

    private static CheckpointStats.Checkpoint checkpoint(Context ctx, JobDetails job) {
        CheckpointStats stats = stats(job);
        String text = ctx.pathParam("checkpointid");
        long id;
        try {
            id = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw RestError.badRequest("'" + text + "' is not a checkpoint id: ids are numbers; GET /jobs/"
                    + job.jobId().toHexString() + "/checkpoints lists them.");
        }
        for (CheckpointStats.Checkpoint checkpoint : stats.history()) {
            if (checkpoint.id() == id) {
                return checkpoint;
            }
        }
        throw RestError.notFound("Checkpoint " + id + " is not in the history of job " + job.jobId().toHexString()
                + " (it keeps the latest " + CheckpointStatsTracker.HISTORY_SIZE
                + "); GET /jobs/" + job.jobId().toHexString() + "/checkpoints lists them.");
    }
}
