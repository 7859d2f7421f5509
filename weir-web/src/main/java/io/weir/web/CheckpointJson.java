package io.weir.web;

import io.weir.api.configuration.ExternalizedCheckpointRetention;
import io.weir.runtime.checkpoint.CheckpointMetrics;
import io.weir.runtime.checkpoint.CheckpointStats;
import io.weir.runtime.checkpoint.CheckpointingSettings;
import io.weir.runtime.checkpoint.TaskKey;
import io.weir.runtime.jobmaster.JobDetails;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checkpoint statistics in the JSON shapes of Flink's {@code /jobs/:jobid/checkpoints} endpoints;
 * savepoints are among them ({@code is_savepoint}, {@code checkpoint_type} SAVEPOINT or SYNC_SAVEPOINT
 * for one that stops the job).
 * Weir does not measure the data buffered during alignment, so {@code alignment_buffered} is 0, as
 * Flink also reports it since aligned checkpoints stopped buffering; the in-flight data fields
 * ({@code processed_data}, {@code persisted_data}) are left out. Each subtask's timings (sync,
 * async, alignment, start delay) come with its acknowledgement ({@link CheckpointMetrics}).
 */
final class CheckpointJson {
    private CheckpointJson() {}

    /** {@code /jobs/:jobid/checkpoints}. */
    static Map<String, Object> overview(JobDetails job, CheckpointStats stats) {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("restored", stats.counts().restored());
        counts.put("total", stats.counts().total());
        counts.put("in_progress", stats.counts().inProgress());
        counts.put("completed", stats.counts().completed());
        counts.put("failed", stats.counts().failed());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("checkpointed_size", summary(stats.stateSize()));
        summary.put("state_size", summary(stats.stateSize()));
        summary.put("end_to_end_duration", summary(stats.duration()));
        Map<String, Object> latest = new LinkedHashMap<>();
        latest.put("completed", stats.latestCompleted() == null ? null : checkpoint(job, stats, stats.latestCompleted()));
        latest.put("savepoint", stats.latestSavepoint() == null ? null : checkpoint(job, stats, stats.latestSavepoint()));
        latest.put("failed", stats.latestFailed() == null ? null : checkpoint(job, stats, stats.latestFailed()));
        latest.put("restored", stats.restored() == null ? null : restored(stats.restored()));
        List<Object> history = new ArrayList<>();
        stats.history().forEach(c -> history.add(checkpoint(job, stats, c)));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("counts", counts);
        json.put("summary", summary);
        json.put("latest", latest);
        json.put("history", history);
        return json;
    }

    /** A checkpoint of the history, and {@code /jobs/:jobid/checkpoints/details/:checkpointid}. */
    static Map<String, Object> checkpoint(JobDetails job, CheckpointStats stats, CheckpointStats.Checkpoint checkpoint) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("className", checkpoint.status() == CheckpointStats.Status.IN_PROGRESS ? "in_progress"
                : checkpoint.status().name().toLowerCase());
        json.put("id", checkpoint.id());
        json.put("status", checkpoint.status().name());
        json.put("is_savepoint", checkpoint.type().isSavepoint());
        json.put("savepointFormat", checkpoint.type().isSavepoint() ? "CANONICAL" : null);
        json.put("trigger_timestamp", checkpoint.triggerTimestamp());
        json.put("latest_ack_timestamp", checkpoint.latestAckTimestamp());
        json.put("checkpointed_size", checkpoint.stateSize());
        json.put("state_size", checkpoint.stateSize());
        json.put("end_to_end_duration", checkpoint.duration());
        json.put("alignment_buffered", 0);
        json.put("num_subtasks", checkpoint.numSubtasks());
        json.put("num_acknowledged_subtasks", checkpoint.numAcknowledged());
        json.put("checkpoint_type", !checkpoint.type().isSavepoint()
                ? (stats.settings().unaligned() ? "UNALIGNED_CHECKPOINT" : "ALIGNED_CHECKPOINT")
                : checkpoint.type().isSynchronous() ? "SYNC_SAVEPOINT" : "SAVEPOINT");
        Map<String, Object> tasks = new LinkedHashMap<>();
        for (int v = 0; v < job.vertices().size(); v++) {
            tasks.put(job.vertices().get(v).id(), task(job.vertices().get(v), v, checkpoint));
        }
        json.put("tasks", tasks);
        if (checkpoint.status() == CheckpointStats.Status.COMPLETED) {
            json.put("external_path", checkpoint.externalPath() == null ? "<checkpoint-not-externally-addressable>"
                    : checkpoint.externalPath());
            json.put("discarded", false);
        } else if (checkpoint.status() == CheckpointStats.Status.FAILED) {
            json.put("failure_timestamp", checkpoint.endTimestamp());
            json.put("failure_message", checkpoint.failureMessage());
        }
        return json;
    }

    /** One vertex's part of a checkpoint. */
    private static Map<String, Object> task(JobDetails.Vertex vertex, int vertexIndex,
            CheckpointStats.Checkpoint checkpoint) {
        long latestAck = -1;
        long size = 0;
        int acknowledged = 0;
        for (Map.Entry<TaskKey, CheckpointStats.Acknowledgement> ack : checkpoint.subtasks().entrySet()) {
            if (ack.getKey().vertexId() == vertexIndex) {
                acknowledged++;
                latestAck = Math.max(latestAck, ack.getValue().timestamp());
                size += ack.getValue().stateSize();
            }
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", checkpoint.id());
        json.put("status", checkpoint.status().name());
        json.put("latest_ack_timestamp", latestAck);
        json.put("checkpointed_size", size);
        json.put("state_size", size);
        json.put("end_to_end_duration", latestAck < 0 ? -1 : latestAck - checkpoint.triggerTimestamp());
        json.put("alignment_buffered", 0);
        json.put("num_subtasks", vertex.parallelism());
        json.put("num_acknowledged_subtasks", acknowledged);
        return json;
    }

    /**
     * {@code /jobs/:jobid/checkpoints/details/:checkpointid/subtasks/:vertexid}: the vertex's part, a
     * {@code summary} over its acknowledged subtasks, and each subtask with its timings.
     */
    static Map<String, Object> subtasks(JobDetails job, int vertexIndex, CheckpointStats.Checkpoint checkpoint) {
        JobDetails.Vertex vertex = job.vertices().get(vertexIndex);
        Map<String, Object> json = task(vertex, vertexIndex, checkpoint);
        List<Object> subtasks = new ArrayList<>();
        List<CheckpointStats.Acknowledgement> acks = new ArrayList<>();
        for (int i = 0; i < vertex.parallelism(); i++) {
            CheckpointStats.Acknowledgement ack = checkpoint.subtasks().get(new TaskKey(vertexIndex, i));
            Map<String, Object> subtask = new LinkedHashMap<>();
            subtask.put("index", i);
            if (ack == null) {
                subtask.put("status", "pending_or_failed");
            } else {
                acks.add(ack);
                CheckpointMetrics timings = ack.metrics();
                subtask.put("status", "completed");
                subtask.put("ack_timestamp", ack.timestamp());
                subtask.put("end_to_end_duration", ack.timestamp() - checkpoint.triggerTimestamp());
                subtask.put("state_size", ack.stateSize());
                subtask.put("checkpointed_size", ack.stateSize());
                subtask.put("checkpoint", Map.of("sync", timings.syncDurationMillis(),
                        "async", timings.asyncDurationMillis()));
                subtask.put("alignment", alignment(timings.alignmentDurationMillis()));
                subtask.put("start_delay", timings.startDelayMillis());
                subtask.put("unaligned_checkpoint", timings.unaligned());
                subtask.put("aborted", false);
            }
            subtasks.add(subtask);
        }
        json.put("summary", subtaskSummary(checkpoint, acks));
        json.put("subtasks", subtasks);
        return json;
    }

    /** Flink's alignment object: Weir buffers nothing during alignment, so only the duration is measured. */
    private static Map<String, Object> alignment(Object duration) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("buffered", 0);
        json.put("processed", 0);
        json.put("persisted", 0);
        json.put("duration", duration);
        return json;
    }

    private static Map<String, Object> subtaskSummary(CheckpointStats.Checkpoint checkpoint,
            List<CheckpointStats.Acknowledgement> acks) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("checkpointed_size", statistics(acks, a -> a.stateSize()));
        json.put("state_size", statistics(acks, a -> a.stateSize()));
        json.put("end_to_end_duration", statistics(acks, a -> a.timestamp() - checkpoint.triggerTimestamp()));
        json.put("checkpoint_duration", Map.of("sync", statistics(acks, a -> a.metrics().syncDurationMillis()),
                "async", statistics(acks, a -> a.metrics().asyncDurationMillis())));
        json.put("alignment", alignment(statistics(acks, a -> a.metrics().alignmentDurationMillis())));
        json.put("start_delay", statistics(acks, a -> a.metrics().startDelayMillis()));
        return json;
    }

    /** {@code min}, {@code max}, {@code avg} and percentiles of a value over the acknowledgements. */
    private static Map<String, Object> statistics(List<CheckpointStats.Acknowledgement> acks,
            java.util.function.ToLongFunction<CheckpointStats.Acknowledgement> value) {
        long[] values = acks.stream().mapToLong(value).sorted().toArray();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("min", values.length == 0 ? 0 : values[0]);
        json.put("max", values.length == 0 ? 0 : values[values.length - 1]);
        json.put("avg", values.length == 0 ? 0 : java.util.Arrays.stream(values).sum() / values.length);
        String[] names = {"p50", "p90", "p95", "p99", "p999"};
        double[] quantiles = {0.5, 0.9, 0.95, 0.99, 0.999};
        for (int q = 0; q < names.length; q++) {
            double quantile = quantiles[q];
            json.put(names[q], values.length == 0 ? 0
                    : values[Math.min(values.length - 1, (int) Math.ceil(quantile * values.length) - 1)]);
        }
        return json;
    }

    private static Map<String, Object> restored(CheckpointStats.Restored restored) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", restored.id());
        json.put("restore_timestamp", restored.restoreTimestamp());
        json.put("is_savepoint", false);
        json.put("external_path", restored.externalPath());
        return json;
    }

    private static Map<String, Object> summary(CheckpointStats.Summary s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("min", s.min());
        json.put("max", s.max());
        json.put("avg", s.avg());
        json.put("p50", s.p50());
        json.put("p90", s.p90());
        json.put("p95", s.p95());
        json.put("p99", s.p99());
        json.put("p999", s.p999());
        return json;
    }

    /** {@code /jobs/:jobid/checkpoints/config}. */
    static Map<String, Object> config(CheckpointingSettings settings) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("mode", settings.exactlyOnce() ? "exactly_once" : "at_least_once");
        json.put("interval", settings.interval().toMillis());
        json.put("timeout", settings.timeout().toMillis());
        json.put("min_pause", settings.minPause().toMillis());
        json.put("max_concurrent", settings.maxConcurrent());
        boolean externalized = settings.directory() != null
                && settings.retention() != ExternalizedCheckpointRetention.NO_EXTERNALIZED_CHECKPOINTS;
        json.put("externalization", Map.of("enabled", externalized, "delete_on_cancellation",
                settings.retention() != ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION));
        json.put("checkpoint_storage", settings.directory() == null ? "JobManagerCheckpointStorage"
                : "FileSystemCheckpointStorage");
        json.put("checkpoint_directory", settings.directory());
        json.put("unaligned_checkpoints", settings.unaligned());
        json.put("tolerable_failed_checkpoints", settings.tolerableFailures());
        json.put("retained_checkpoints", settings.retained());
        return json;
    }
}
