package io.weir.runtime.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.weir.api.configuration.ExternalizedCheckpointRetention;
import io.weir.api.execution.CheckpointingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckpointStatsTrackerTest {
    private static final CheckpointMetrics TIMINGS = new CheckpointMetrics(3, 7, 2, 1, false);

    private final MutableClock clock = new MutableClock();
    private final CheckpointStatsTracker tracker = new CheckpointStatsTracker(new CheckpointingSettings(
            Duration.ofMillis(100), CheckpointingMode.EXACTLY_ONCE, Duration.ofSeconds(10), Duration.ZERO, 1, 0, 1,
            null, ExternalizedCheckpointRetention.NO_EXTERNALIZED_CHECKPOINTS, false), clock);

    @Test
    void completedCheckpointHasItsDurationSizeAndAcknowledgements() {
        tracker.triggered(1, SnapshotType.CHECKPOINT, clock.millis(), 2);
        clock.advance(30);
        tracker.acknowledged(1, new TaskKey(0, 0), 100, CheckpointMetrics.UNKNOWN);
        CheckpointStats inProgress = tracker.snapshot();
        assertEquals(new CheckpointStats.Counts(0, 1, 1, 0, 0), inProgress.counts());
        assertEquals(1, inProgress.history().get(0).numAcknowledged());
        clock.advance(20);
        tracker.acknowledged(1, new TaskKey(1, 0), 50, TIMINGS);
        clock.advance(5);
        tracker.completed(1, "/checkpoints/chk-1");

        CheckpointStats stats = tracker.snapshot();
        assertEquals(new CheckpointStats.Counts(0, 1, 0, 1, 0), stats.counts());
        CheckpointStats.Checkpoint latest = stats.latestCompleted();
        assertEquals(CheckpointStats.Status.COMPLETED, latest.status());
        assertEquals(55, latest.duration());
        assertEquals(150, latest.stateSize());
        assertEquals("/checkpoints/chk-1", latest.externalPath());
        assertEquals(new CheckpointStats.Acknowledgement(1_050, 50, TIMINGS), latest.subtasks().get(new TaskKey(1, 0)));
        assertEquals(55, stats.duration().max());
        assertEquals(150, stats.stateSize().p50());
        assertNull(stats.latestFailed());
    }

    @Test
    void failedCheckpointKeepsItsReasonAndLateAcknowledgementsAreIgnored() {
        tracker.triggered(1, SnapshotType.CHECKPOINT, clock.millis(), 2);
        clock.advance(10);
        tracker.failed(1, "it expired");
        tracker.acknowledged(1, new TaskKey(0, 0), 100, CheckpointMetrics.UNKNOWN);
        tracker.completed(1, null);

        CheckpointStats stats = tracker.snapshot();
        assertEquals(new CheckpointStats.Counts(0, 1, 0, 0, 1), stats.counts());
        assertEquals("it expired", stats.latestFailed().failureMessage());
        assertEquals(1_010, stats.latestFailed().endTimestamp());
        assertEquals(Map.of(), stats.history().get(0).subtasks());
        assertNull(stats.latestCompleted());
    }

    @Test
    void historyKeepsTheNewestCheckpointsFirstAndIsBounded() {
        for (long id = 1; id <= CheckpointStatsTracker.HISTORY_SIZE + 5; id++) {
            tracker.triggered(id, SnapshotType.CHECKPOINT, clock.millis(), 1);
            tracker.acknowledged(id, new TaskKey(0, 0), id, CheckpointMetrics.UNKNOWN);
            tracker.completed(id, null);
        }
        CheckpointStats stats = tracker.snapshot();
        assertEquals(CheckpointStatsTracker.HISTORY_SIZE, stats.history().size());
        assertEquals(CheckpointStatsTracker.HISTORY_SIZE + 5, stats.history().get(0).id());
        assertEquals(CheckpointStatsTracker.HISTORY_SIZE + 5, stats.counts().completed());
        assertEquals(1, stats.stateSize().min());
        assertEquals(8, stats.stateSize().avg());
    }

    @Test
    void savepointIsCountedAndListedButIsNotTheLatestCheckpoint() {
        tracker.triggered(1, SnapshotType.CHECKPOINT, clock.millis(), 1);
        tracker.completed(1, null);
        tracker.triggered(2, SnapshotType.SAVEPOINT, clock.millis(), 1);
        tracker.completed(2, "/savepoints/savepoint-1");
        CheckpointStats stats = tracker.snapshot();
        assertEquals(2, stats.counts().completed());
        assertEquals(1, stats.latestCompleted().id());
        assertEquals(2, stats.latestSavepoint().id());
        assertEquals(SnapshotType.SAVEPOINT, stats.history().get(0).type());
    }

    @Test
    void restoreIsCounted() {
        tracker.restored(new CompletedCheckpoint(7, 0, Map.of(), new JobTopology(Map.of(), Map.of()), Map.of(),
                "/chk-7"));
        CheckpointStats stats = tracker.snapshot();
        assertEquals(1, stats.counts().restored());
        assertEquals(new CheckpointStats.Restored(7, 1_000, "/chk-7"), stats.restored());
    }

    private static final class MutableClock extends Clock {
        private long millis = 1_000;

        void advance(long delta) {
            millis += delta;
        }

        @Override
        public long millis() {
            return millis;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
