package io.weir.runtime.checkpoint;

import java.util.List;
import java.util.Map;

/**
 * A read-only snapshot of a job's checkpoint statistics, for monitoring: how many checkpoints were
 * triggered, completed and failed, the latest of each kind, the checkpoint the job last restored,
 * and the most recent checkpoints with their per-subtask acknowledgements. Savepoints are counted
 * and listed among the checkpoints, as Flink does, marked by their type. Taken by
 * {@link CheckpointStatsTracker}; it never changes afterwards.
 *
 * @param history the most recent checkpoints, newest first (at most {@link CheckpointStatsTracker#HISTORY_SIZE})
 * @param latestCompleted the newest completed checkpoint (not savepoint), or {@code null}
 * @param latestSavepoint the newest completed savepoint, or {@code null}
 * @param latestFailed the newest failed checkpoint, or {@code null}
 * @param restored the checkpoint the job last restored from, or {@code null}
 * @param duration milliseconds from trigger to completion, over the recent completed checkpoints
 * @param stateSize bytes of state, over the recent completed checkpoints
 */
public record CheckpointStats(CheckpointingSettings settings, Counts counts, List<Checkpoint> history,
        Checkpoint latestCompleted, Checkpoint latestSavepoint, Checkpoint latestFailed, Restored restored, Summary duration, Summary stateSize) {

    /** Statistics of a value over completed checkpoints; all 0 before the first one completed. */
    public record Summary(long min, long max, long avg, long p50, long p90, long p95, long p99, long p999) {
        /** The summary of {@code values}, which it sorts. */
        static Summary of(long[] values) {
            if (values.length == 0) {
                return new Summary(0, 0, 0, 0, 0, 0, 0, 0);
            }
            java.util.Arrays.sort(values);
            long sum = 0;
            for (long v : values) {
                sum += v;
            }
            return new Summary(values[0], values[values.length - 1], sum / values.length, quantile(values, 0.5),
                    quantile(values, 0.9), quantile(values, 0.95), quantile(values, 0.99), quantile(values, 0.999));
        }

        /** The nearest-rank quantile of sorted values. */
        private static long quantile(long[] sorted, double q) {
            int rank = (int) Math.ceil(q * sorted.length);
            return sorted[Math.max(0, rank - 1)];
        }
    }

    public enum Status { IN_PROGRESS, COMPLETED, FAILED }

    /** How many checkpoints reached each end, and how often the job restored one. */
    public record Counts(int restored, int total, int inProgress, int completed, int failed) {}

    /**
     * One checkpoint.
     *
     * @param latestAckTimestamp when the last acknowledgement so far arrived, or -1 before the first
     * @param endTimestamp when it completed or failed, or -1 while in progress
     * @param failureMessage why it failed, or {@code null}
     * @param externalPath its directory, or {@code null} while in progress or when kept in memory
     * @param subtasks each acknowledged subtask's acknowledgement
     */
    public record Checkpoint(long id, SnapshotType type, Status status, long triggerTimestamp, long latestAckTimestamp,
            long endTimestamp, int numSubtasks, String failureMessage, String externalPath,
            Map<TaskKey, Acknowledgement> subtasks) {

        public int numAcknowledged() {
            return subtasks.size();
        }

        /** Bytes of state acknowledged so far. */
        public long stateSize() {
            return subtasks.values().stream().mapToLong(Acknowledgement::stateSize).sum();
        }

        /** Milliseconds from trigger to completion (or to the latest acknowledgement while in progress). */
        public long duration() {
            long end = endTimestamp >= 0 && status == Status.COMPLETED ? endTimestamp
                    : Math.max(latestAckTimestamp, endTimestamp);
            return end < 0 ? 0 : end - triggerTimestamp;
        }
    }

    /** A subtask's acknowledgement: when it arrived, how many bytes of state it carried, and how it was taken. */
    public record Acknowledgement(long timestamp, long stateSize, CheckpointMetrics metrics) {}

    /**
     * A restore.
     *
     * @param externalPath the restored checkpoint's directory, or {@code null} when kept in memory
     */
    public record Restored(long id, long restoreTimestamp, String externalPath) {}
}
