package io.weir.runtime.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.execution.CheckpointingMode;
import io.weir.api.configuration.ExternalizedCheckpointRetention;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Feeds events to the checkpoint coordinator and checks the commands it issues. */
class CheckpointCoordinatorTest {
    private static final TaskKey SOURCE = new TaskKey(1, 0);
    private static final TaskKey SINK = new TaskKey(2, 0);

    private final MutableClock clock = new MutableClock();
    private final Recorder commands = new Recorder();

    private CheckpointCoordinator coordinator(int maxConcurrent, long minPauseMillis, int tolerable, int retained) {
        CheckpointingSettings settings = new CheckpointingSettings(Duration.ofMillis(100), CheckpointingMode.EXACTLY_ONCE,
                Duration.ofSeconds(10), Duration.ofMillis(minPauseMillis), maxConcurrent, tolerable, retained, null,
                ExternalizedCheckpointRetention.NO_EXTERNALIZED_CHECKPOINTS);
        return new CheckpointCoordinator(settings, clock, commands, null);
    }

    private CheckpointCoordinator started(int maxConcurrent, long minPauseMillis, int tolerable, int retained) {
        CheckpointCoordinator c = coordinator(maxConcurrent, minPauseMillis, tolerable, retained);
        c.start(Set.of(SOURCE, SINK));
        return c;
    }

    private void fireTimer(CheckpointCoordinator c) {
        c.onTriggerTimer(commands.lastToken);
    }

    private void acknowledgeAll(CheckpointCoordinator c, long id) {
        assertTrue(c.onAcknowledge(SOURCE, id, null));
        assertTrue(c.onAcknowledge(SINK, id, null));
    }

    @Test
    void startSchedulesTheFirstTriggerOneIntervalLater() {
        started(1, 0, 0, 1);
        assertEquals(List.of("schedule 100"), commands.log);
    }

    @Test
    void checkpointCompletesWhenEveryTaskAcknowledgedAndItsMetadataIsWritten() {
        CheckpointCoordinator c = started(1, 0, 0, 1);
        commands.log.clear();
        fireTimer(c);
        assertEquals(List.of("trigger 1", "schedule 100", "timeout 1"), commands.log);
        commands.log.clear();
        c.onAcknowledge(SOURCE, 1, null);
        assertEquals(List.of(), commands.log, "one task is still missing");
        c.onAcknowledge(SINK, 1, null);
        assertEquals(List.of("commit 1"), commands.log);
        commands.log.clear();
        c.onCommitted(completed(1));
        assertEquals(List.of("complete 1"), commands.log);
        assertEquals(1, c.latestCompleted().id());
        assertEquals(0, c.numPending());
    }

    @Test
    void duplicateAndUnknownAcknowledgementsAreIgnored() {
        CheckpointCoordinator c = started(1, 0, 0, 1);
        fireTimer(c);
        assertTrue(c.onAcknowledge(SOURCE, 1, null));
        assertFalse(c.onAcknowledge(SOURCE, 1, null));
        assertFalse(c.onAcknowledge(SOURCE, 7, null));
        assertFalse(c.onAcknowledge(new TaskKey(9, 9), 1, null));
        assertEquals(1, c.numPending());
    }

    @Test
    void noNewCheckpointWhileMaxConcurrentArePendingThenOneAtOnceWhenOneCompletes() {
        CheckpointCoordinator c = started(1, 0, 0, 1);
        fireTimer(c);
        commands.log.clear();
        fireTimer(c);
        assertEquals(List.of(), commands.log, "checkpoint 1 still pending");
        acknowledgeAll(c, 1);
        c.onCommitted(completed(1));
        assertEquals(List.of("commit 1", "complete 1", "trigger 2", "schedule 100", "timeout 2"), commands.log);
    }

    @Test
    void minPauseDelaysTheNextTrigger() {
        CheckpointCoordinator c = started(1, 500, 0, 1);
        fireTimer(c);
        acknowledgeAll(c, 1);
        c.onCommitted(completed(1));
        commands.log.clear();
        clock.advance(100);
        fireTimer(c);
        assertEquals(List.of("schedule 400"), commands.log);
        commands.log.clear();
        clock.advance(400);
        fireTimer(c);
        assertEquals(List.of("trigger 2", "schedule 100", "timeout 2"), commands.log);
    }

    @Test
    void timeoutAbortsTheCheckpointAndTooManyFailuresInARowFailTheJob() {
        CheckpointCoordinator c = started(1, 0, 1, 1);
        fireTimer(c);
        commands.log.clear();
        c.onTimeout(1);
        assertEquals(List.of("abort 1", "discard 1"), commands.log, "one failure is tolerated");
        commands.log.clear();
        fireTimer(c);
        c.onDecline(SINK, 2, "disk full");
        assertEquals(List.of("trigger 2", "schedule 100", "timeout 2", "abort 2", "discard 2", "fail"), commands.log);
        assertTrue(commands.failure.getMessage().contains("disk full"), commands.failure.getMessage());
        assertTrue(commands.failure.getMessage().contains("tolerable-failed-checkpoints"));
    }

    @Test
    void aCompletedCheckpointResetsTheFailureCount() {
        CheckpointCoordinator c = started(1, 0, 1, 1);
        fireTimer(c);
        c.onTimeout(1);
        fireTimer(c);
        acknowledgeAll(c, 2);
        c.onCommitted(completed(2));
        fireTimer(c);
        c.onTimeout(3);
        assertNull(commands.failure);
    }

    @Test
    void aTimeoutAfterCompletionIsIgnored() {
        CheckpointCoordinator c = started(1, 0, 0, 1);
        fireTimer(c);
        acknowledgeAll(c, 1);
        c.onCommitted(completed(1));
        commands.log.clear();
        c.onTimeout(1);
        assertEquals(List.of(), commands.log);
    }

    @Test
    void completionSubsumesOlderPendingCheckpointsAndDiscardsBeyondRetained() {
        CheckpointCoordinator c = started(3, 0, 0, 2);
        fireTimer(c);
        fireTimer(c);
        fireTimer(c);
        acknowledgeAll(c, 3);
        commands.log.clear();
        c.onCommitted(completed(3));
        assertEquals(List.of("abort 1", "discard 1", "abort 2", "discard 2", "complete 3"), commands.log);
        for (long id = 4; id <= 5; id++) {
            fireTimer(c);
            acknowledgeAll(c, id);
            c.onCommitted(completed(id));
        }
        assertEquals(List.of(4L, 5L), c.retainedCheckpoints().stream().map(CompletedCheckpoint::id).toList());
        assertTrue(commands.log.contains("discard 3"));
    }

    @Test
    void suspendAbortsPendingWithoutCountingAndIgnoresOldTimers() {
        CheckpointCoordinator c = started(1, 0, 0, 1);
        fireTimer(c);
        long oldToken = commands.lastToken;
        commands.log.clear();
        c.suspend();
        assertEquals(List.of("abort 1", "discard 1"), commands.log);
        assertNull(commands.failure);
        commands.log.clear();
        c.onTriggerTimer(oldToken);
        assertEquals(List.of(), commands.log);
        c.resume(Set.of(SOURCE, SINK));
        assertEquals(List.of("schedule 100"), commands.log);
        fireTimer(c);
        assertTrue(commands.log.contains("trigger 2"), "ids keep increasing over failovers: " + commands.log);
    }

    @Test
    void aCheckpointThatCannotStartIsRetriedNextInterval() {
        CheckpointCoordinator c = started(1, 0, 0, 1);
        commands.refuse = true;
        commands.log.clear();
        fireTimer(c);
        assertEquals(List.of("trigger 1", "schedule 100"), commands.log);
        assertEquals(0, c.numPending());
        commands.refuse = false;
        fireTimer(c);
        assertEquals(1, c.numPending());
    }

    @Test
    void resumingFromARestoredCheckpointContinuesItsIds() {
        CheckpointingSettings settings = new CheckpointingSettings(Duration.ofMillis(100), CheckpointingMode.EXACTLY_ONCE,
                Duration.ofSeconds(10), Duration.ZERO, 1, 0, 1, null,
                ExternalizedCheckpointRetention.NO_EXTERNALIZED_CHECKPOINTS);
        CheckpointCoordinator c = new CheckpointCoordinator(settings, clock, commands, completed(41));
        assertEquals(41, c.latestCompleted().id());
        c.start(Set.of(SOURCE));
        fireTimer(c);
        assertTrue(commands.log.contains("trigger 42"));
    }

    @Test
    void eventsInTheWrongStateFailLoudly() {
        CheckpointCoordinator c = coordinator(1, 0, 0, 1);
        assertThrows(IllegalStateException.class, () -> c.resume(Set.of(SOURCE)));
        c.start(Set.of(SOURCE));
        assertThrows(IllegalStateException.class, () -> c.start(Set.of(SOURCE)));
        c.shutDown();
        assertEquals(CheckpointCoordinator.State.SHUT_DOWN, c.state());
    }

    @Test
    void aSavepointIsTakenAtOnceAndNeitherRetainedNorCommittingNorSubsuming() throws Exception {
        CheckpointCoordinator c = started(1, 0, 0, 1);
        fireTimer(c); // checkpoint 1 pending: a savepoint does not wait for max-concurrent or the interval
        commands.log.clear();
        long id = c.triggerSavepoint(SnapshotType.SAVEPOINT, "/savepoints/sp");
        assertEquals(2, id);
        assertEquals(List.of("trigger 2", "timeout 2"), commands.log);
        acknowledgeAll(c, 2);
        commands.log.clear();
        c.onCommitted(completed(2));
        assertEquals(List.of("savepoint done 2"), commands.log, "no notification: an intermediate savepoint commits nothing");
        assertNull(c.latestCompleted(), "a savepoint is not used for recovery");
        assertEquals(1, c.numPending(), "checkpoint 1 is not subsumed by the savepoint");
        acknowledgeAll(c, 1);
        c.onCommitted(completed(1));
        assertEquals(1, c.latestCompleted().id());
    }

    @Test
    void aStoppingSavepointNotifiesTheTasksSoSinksCommit() throws Exception {
        CheckpointCoordinator c = started(1, 0, 0, 1);
        long id = c.triggerSavepoint(SnapshotType.SAVEPOINT_SUSPEND, "/savepoints/sp");
        acknowledgeAll(c, id);
        commands.log.clear();
        c.onCommitted(completed(id));
        assertEquals(List.of("savepoint done 1", "complete 1"), commands.log);
    }

    @Test
    void aFailedSavepointIsReportedAndNotCountedAsACheckpointFailure() throws Exception {
        CheckpointCoordinator c = started(1, 0, 0, 1);
        long id = c.triggerSavepoint(SnapshotType.SAVEPOINT, "/savepoints/sp");
        commands.log.clear();
        c.onDecline(SINK, id, "disk full");
        assertEquals(List.of("abort 1", "discard 1", "savepoint failed 1"), commands.log,
                "no job failure although no checkpoint failure is tolerated");
        fireTimer(c);
        CheckpointCoordinator.State running = c.state();
        assertEquals(CheckpointCoordinator.State.RUNNING, running);
    }

    @Test
    void aSavepointCannotStartWhileTheJobRestartsOrWhenTasksAreNotRunning() {
        CheckpointCoordinator c = started(1, 0, 0, 1);
        commands.refuse = true;
        CheckpointException notRunning = assertThrows(CheckpointException.class,
                () -> c.triggerSavepoint(SnapshotType.SAVEPOINT, "/sp"));
        assertTrue(notRunning.getMessage().contains("not every task"), notRunning.getMessage());
        c.suspend();
        CheckpointException suspended = assertThrows(CheckpointException.class,
                () -> c.triggerSavepoint(SnapshotType.SAVEPOINT, "/sp"));
        assertTrue(suspended.getMessage().contains("restarting"), suspended.getMessage());
    }

    @Test
    void withoutAnIntervalNoCheckpointIsScheduledButSavepointsAre() throws Exception {
        CheckpointingSettings off = new CheckpointingSettings(null, CheckpointingMode.EXACTLY_ONCE,
                Duration.ofSeconds(10), Duration.ZERO, 1, 0, 1, null,
                ExternalizedCheckpointRetention.NO_EXTERNALIZED_CHECKPOINTS);
        CheckpointCoordinator c = new CheckpointCoordinator(off, clock, commands, null);
        c.start(Set.of(SOURCE));
        assertEquals(List.of(), commands.log);
        assertEquals(1, c.triggerSavepoint(SnapshotType.SAVEPOINT, "/sp"));
    }

    @Test
    void aTaskWhoseDataEndedIsSentEveryLaterCheckpointDirectly() {
        CheckpointCoordinator c = started(1, 0, 0, 1);
        c.onEndOfData(SINK);
        commands.log.clear();
        fireTimer(c);
        assertEquals(List.of("trigger 1 +ended [sink]", "schedule 100", "timeout 1"), commands.log);
    }

    @Test
    void aTaskThatEndsItsDataWhileACheckpointIsPendingTakesItDirectlyUnlessItAcknowledgedIt() {
        CheckpointCoordinator c = started(2, 0, 0, 1);
        fireTimer(c);
        fireTimer(c);
        assertTrue(c.onAcknowledge(SINK, 1, null));
        commands.log.clear();
        c.onEndOfData(SINK);
        assertEquals(List.of("trigger 2 at [sink]"), commands.log, "checkpoint 1 has the sink's acknowledgement");
        commands.log.clear();
        c.onEndOfData(SINK);
        assertEquals(List.of(), commands.log, "a second report changes nothing");
    }

    @Test
    void theFinalCheckpointIsTriggeredAtOnceWhenEveryTaskEndedItsDataWhateverTheMinPause() {
        CheckpointCoordinator c = started(1, 500, 0, 1);
        fireTimer(c);
        acknowledgeAll(c, 1);
        c.onCommitted(completed(1));
        commands.log.clear();
        c.onEndOfData(SOURCE);
        assertEquals(List.of(), commands.log, "the sink still reads");
        c.onEndOfData(SINK);
        assertEquals(List.of("trigger 2 final +ended [sink, source]", "schedule 100", "timeout 2"), commands.log);
        commands.log.clear();
        acknowledgeAll(c, 2);
        c.onCommitted(completed(2));
        assertEquals(List.of("commit 2", "discard 1", "complete 2"), commands.log, "the tasks end when it completes");
    }

    @Test
    void theFinalCheckpointWaitsWhileMaxConcurrentArePending() {
        CheckpointCoordinator c = started(1, 0, 0, 1);
        fireTimer(c);
        c.onEndOfData(SOURCE);
        commands.log.clear();
        c.onEndOfData(SINK);
        assertEquals(List.of("trigger 1 at [sink]"), commands.log, "checkpoint 1 is pending");
        commands.log.clear();
        acknowledgeAll(c, 1);
        c.onCommitted(completed(1));
        assertEquals(List.of("commit 1", "complete 1", "trigger 2 final +ended [sink, source]", "schedule 100",
                "timeout 2"), commands.log);
    }

    @Test
    void aCheckpointRecordsTheTasksWhoseDataHadEndedWhenItWasTriggeredNotThoseEndingLater() {
        CheckpointCoordinator c = started(2, 0, 0, 1);
        fireTimer(c); // checkpoint 1
        c.onEndOfData(SOURCE); // ends while checkpoint 1 is pending: its part of 1 may predate its end
        fireTimer(c); // checkpoint 2: the source had ended its data
        acknowledgeAll(c, 1);
        acknowledgeAll(c, 2);
        assertEquals(2, commands.committing.size());
        assertEquals(Set.of(), commands.committing.get(0).finishedTasks());
        assertEquals(Set.of(SOURCE), commands.committing.get(1).finishedTasks());
    }

    @Test
    void aFailoverForgetsWhichTasksEndedTheirData() {
        CheckpointCoordinator c = started(1, 0, 0, 1);
        c.onEndOfData(SOURCE);
        c.suspend();
        c.onEndOfData(SINK);
        c.resume(Set.of(SOURCE, SINK));
        commands.log.clear();
        fireTimer(c);
        assertEquals(List.of("trigger 1", "schedule 100", "timeout 1"), commands.log);
    }

    @Test
    void withoutAnIntervalTheEndOfDataTriggersNothingButSavepointsReachTheEndedTasks() throws Exception {
        CheckpointingSettings off = new CheckpointingSettings(null, CheckpointingMode.EXACTLY_ONCE,
                Duration.ofSeconds(10), Duration.ZERO, 1, 0, 1, null,
                ExternalizedCheckpointRetention.NO_EXTERNALIZED_CHECKPOINTS);
        CheckpointCoordinator c = new CheckpointCoordinator(off, clock, commands, null);
        c.start(Set.of(SOURCE));
        c.onEndOfData(SOURCE);
        assertEquals(List.of(), commands.log);
        c.triggerSavepoint(SnapshotType.SAVEPOINT, "/sp");
        assertEquals(List.of("trigger 1 +ended [source]", "timeout 1"), commands.log);
    }

    private static CompletedCheckpoint completed(long id) {
        return new CompletedCheckpoint(id, 0, Map.of(), new JobTopology(Map.of(), Map.of()), Map.of(), null);
    }

    private static final class Recorder implements CheckpointCoordinator.Commands {
        final List<String> log = new ArrayList<>();
        final List<PendingCheckpoint> committing = new ArrayList<>();
        long lastToken;
        boolean refuse;
        Throwable failure;

        @Override
        public Map<Integer, byte[]> triggerCheckpoint(CheckpointBarrier barrier, Set<TaskKey> endedTasks) {
            log.add("trigger " + barrier.id() + (barrier.endsJob() ? " final" : "")
                    + (endedTasks.isEmpty() ? "" : " +ended " + names(endedTasks)));
            return refuse ? null : Map.of();
        }

        @Override
        public void triggerTask(TaskKey task, CheckpointBarrier barrier) {
            log.add("trigger " + barrier.id() + " at " + names(Set.of(task)));
        }

        private static String names(Set<TaskKey> tasks) {
            return tasks.stream().map(t -> t.equals(SOURCE) ? "source" : t.equals(SINK) ? "sink" : t.toString())
                    .sorted().toList().toString();
        }

        @Override
        public void scheduleTrigger(Duration delay, long token) {
            lastToken = token;
            log.add("schedule " + delay.toMillis());
        }

        @Override
        public void scheduleTimeout(long checkpointId, Duration timeout) {
            log.add("timeout " + checkpointId);
        }

        @Override
        public void commit(PendingCheckpoint checkpoint) {
            log.add("commit " + checkpoint.id());
            committing.add(checkpoint);
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            log.add("complete " + checkpointId);
        }

        @Override
        public void notifyCheckpointAborted(long checkpointId, String reason) {
            log.add("abort " + checkpointId);
        }

        @Override
        public void discard(long checkpointId) {
            log.add("discard " + checkpointId);
        }

        @Override
        public void failJob(Throwable cause) {
            log.add("fail");
            failure = cause;
        }

        @Override
        public void savepointCompleted(CompletedCheckpoint savepoint, SnapshotType type) {
            log.add("savepoint done " + savepoint.id());
        }

        @Override
        public void savepointFailed(long savepointId, SnapshotType type, String reason) {
            log.add("savepoint failed " + savepointId);
        }
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
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
