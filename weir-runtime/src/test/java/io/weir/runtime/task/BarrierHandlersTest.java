package io.weir.runtime.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.checkpoint.CheckpointBarrier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Feeds barriers to the aligner and the tracker and checks what they block and trigger. */
class BarrierHandlersTest {
    private final List<String> log = new ArrayList<>();
    private final CheckpointBarrierHandler.Checkpointable task = new CheckpointBarrierHandler.Checkpointable() {
        @Override
        public void triggerCheckpointOnBarrier(CheckpointBarrier barrier) {
            log.add("snapshot " + barrier.id());
        }

        @Override
        public void abortCheckpointOnBarrier(long checkpointId, String reason) {
            log.add("abort " + checkpointId);
        }

        @Override
        public void triggerUnalignedCheckpoint(CheckpointBarrier barrier) {
            log.add("unaligned snapshot " + barrier.id());
        }

        @Override
        public void finishUnalignedCheckpoint(long checkpointId, java.util.Map<Integer, List<byte[]>> recorded) {
            java.util.TreeMap<Integer, String> text = new java.util.TreeMap<>();
            recorded.forEach((c, parts) -> text.put(c, parts.stream().map(String::new).reduce("", String::concat)));
            log.add("acknowledge " + checkpointId + " with " + text);
        }
    };

    private static CheckpointBarrier unaligned(long id) {
        return new CheckpointBarrier(id, id * 100, io.weir.runtime.checkpoint.SnapshotType.CHECKPOINT, null, true);
    }

    @Test
    void unalignedSnapshotsAtTheFirstBarrierRecordsTheOtherChannelsUntilTheirsAndBlocksNothing() throws Exception {
        UnalignedBarrierHandler handler = new UnalignedBarrierHandler(new boolean[] {true, true, true}, task);
        assertFalse(handler.isRecording(1), "nothing is recorded before a checkpoint starts");
        assertFalse(handler.onBarrier(0, unaligned(1)), "no channel is blocked");
        assertEquals(List.of("unaligned snapshot 1"), log);
        assertFalse(handler.isRecording(0), "channel 0 delivered its barrier: what follows is after the checkpoint");
        assertTrue(handler.isRecording(1) && handler.isRecording(2));
        handler.record(1, "xab".getBytes(), 1, 3);
        handler.record(2, "cd".getBytes(), 0, 2);
        handler.onBarrier(2, unaligned(1));
        assertFalse(handler.isRecording(2));
        handler.record(1, "e".getBytes(), 0, 1);
        handler.onBarrier(1, unaligned(1));
        assertEquals(List.of("unaligned snapshot 1", "acknowledge 1 with {1=abe, 2=cd}"), log);
        assertFalse(handler.isRecording(1));
    }

    @Test
    void anUnalignedCheckpointEndsWhenTheChannelsStillToDeliverEndAndANewerOneAbortsAnOlder() throws Exception {
        UnalignedBarrierHandler handler = new UnalignedBarrierHandler(new boolean[] {true, true, true}, task);
        handler.onBarrier(0, unaligned(1));
        handler.onBarrier(1, unaligned(2));
        assertEquals(List.of("unaligned snapshot 1", "abort 1", "unaligned snapshot 2"), log);
        handler.onBarrier(0, unaligned(1)); // stale
        handler.onBarrier(0, unaligned(2));
        handler.onChannelEnded(2);
        assertEquals("acknowledge 2 with {}", log.get(log.size() - 1));
    }

    private static CheckpointBarrier alignedFirst(long id) {
        return new CheckpointBarrier(id, id * 100);
    }

    private static java.util.Map<Integer, List<byte[]>> queued(int channel, String... parts) {
        List<byte[]> bytes = new ArrayList<>();
        for (String part : parts) {
            bytes.add(part.getBytes());
        }
        return java.util.Map.of(channel, bytes);
    }

    @Test
    void anAlignmentThatTimesOutGoesUnalignedUnblocksTheDeliveredChannelsAndCopiesWhatIsQueued() throws Exception {
        UnalignedBarrierHandler handler = new UnalignedBarrierHandler(new boolean[] {true, true, true}, task);
        assertTrue(handler.onBarrier(0, alignedFirst(1)), "the checkpoint starts aligned");
        assertTrue(handler.isBlocked(0));

        // channel 1's barrier is queued behind "pq"; channel 2's is not there yet
        handler.onAlignmentTimeout(alignedFirst(1), queued(1, "p", "q"));
        assertEquals(List.of("unaligned snapshot 1"), log);
        assertFalse(handler.isBlocked(0), "what follows channel 0's barrier is after the checkpoint");
        assertTrue(handler.takeUnblocked());
        assertFalse(handler.isRecording(0));
        assertFalse(handler.isRecording(1), "channel 1 was copied up to its barrier");
        assertTrue(handler.isRecording(2), "channel 2 is recorded until its barrier arrives");

        handler.record(2, "rs".getBytes(), 0, 2);
        assertFalse(handler.onBarrier(1, alignedFirst(1)), "channel 1's barrier, read in order, changes nothing");
        assertEquals(1, log.size());
        assertFalse(handler.onBarrier(2, alignedFirst(1)), "a barrier after the switch blocks nothing");
        assertEquals(List.of("unaligned snapshot 1", "acknowledge 1 with {1=pq, 2=rs}"), log);

        handler.onAlignmentTimeout(alignedFirst(1), java.util.Map.of());
        assertEquals(2, log.size(), "a late timer of a finished checkpoint does nothing");
        assertTrue(handler.onBarrier(0, alignedFirst(2)), "the next checkpoint starts aligned again");
    }

    @Test
    void aTimeoutAfterTheAlignmentCompletedDoesNothing() throws Exception {
        UnalignedBarrierHandler handler = new UnalignedBarrierHandler(new boolean[] {true, true}, task);
        handler.onBarrier(0, alignedFirst(1));
        handler.onBarrier(1, alignedFirst(1));
        handler.onAlignmentTimeout(alignedFirst(1), queued(0));
        assertEquals(List.of("snapshot 1"), log);
        assertFalse(handler.isRecording(0) || handler.isRecording(1));
    }

    @Test
    void aTimeoutBeforeAnyBarrierWasReadSnapshotsAndTheBarriersLaterAreNotAlignedAgain() throws Exception {
        UnalignedBarrierHandler handler = new UnalignedBarrierHandler(new boolean[] {true, true}, task);
        handler.onAlignmentTimeout(alignedFirst(4), queued(0, "a"));
        assertEquals(List.of("unaligned snapshot 4"), log);
        assertFalse(handler.onBarrier(0, alignedFirst(4)), "copied already: not blocked");
        handler.record(1, "b".getBytes(), 0, 1);
        assertFalse(handler.onBarrier(1, alignedFirst(4)));
        assertEquals("acknowledge 4 with {0=a, 1=b}", log.get(log.size() - 1));
    }

    @Test
    void anUnalignedBarrierFromUpstreamEndsTheAlignmentOfTheSameCheckpoint() throws Exception {
        UnalignedBarrierHandler handler = new UnalignedBarrierHandler(new boolean[] {true, true, true}, task);
        assertTrue(handler.onBarrier(0, alignedFirst(1)));
        // the task feeding channel 1 timed out and sent the checkpoint's barrier on, unaligned
        assertFalse(handler.onBarrier(1, unaligned(1)));
        assertEquals(List.of("unaligned snapshot 1"), log);
        assertFalse(handler.isBlocked(0));
        assertTrue(handler.isRecording(2));
        assertFalse(handler.isRecording(0) || handler.isRecording(1));
        handler.onBarrier(2, alignedFirst(1));
        assertEquals("acknowledge 1 with {}", log.get(log.size() - 1));
    }

    @Test
    void savepointBarriersAreAlignedWhileUnalignedCheckpointsAreOn() throws Exception {
        UnalignedBarrierHandler handler = new UnalignedBarrierHandler(new boolean[] {true, true}, task);
        CheckpointBarrier savepoint = new CheckpointBarrier(3, 300, io.weir.runtime.checkpoint.SnapshotType.SAVEPOINT,
                "/sp");
        assertTrue(handler.onBarrier(0, savepoint), "a savepoint blocks the channel until aligned");
        assertTrue(handler.isBlocked(0));
        assertFalse(handler.onBarrier(1, savepoint));
        assertEquals(List.of("snapshot 3"), log);
    }

    private static CheckpointBarrier barrier(long id) {
        return new CheckpointBarrier(id, id * 100);
    }

    @Test
    void alignerBlocksEachChannelUntilAllDeliveredTheBarrier() throws Exception {
        BarrierAligner aligner = new BarrierAligner(new boolean[] {true, true, true}, task);
        assertTrue(aligner.onBarrier(0, barrier(1)));
        assertTrue(aligner.isBlocked(0));
        assertFalse(aligner.isBlocked(1));
        assertTrue(aligner.onBarrier(2, barrier(1)));
        assertEquals(List.of(), log);
        assertFalse(aligner.onBarrier(1, barrier(1)), "the last barrier does not block");
        assertEquals(List.of("snapshot 1"), log);
        for (int c = 0; c < 3; c++) {
            assertFalse(aligner.isBlocked(c));
        }
        assertTrue(aligner.takeUnblocked());
        assertFalse(aligner.takeUnblocked());
    }

    @Test
    void aNewerBarrierAbortsTheAlignmentOfAnOlderCheckpoint() throws Exception {
        BarrierAligner aligner = new BarrierAligner(new boolean[] {true, true}, task);
        aligner.onBarrier(0, barrier(1));
        assertTrue(aligner.onBarrier(1, barrier(2)));
        assertEquals(List.of("abort 1"), log);
        assertFalse(aligner.isBlocked(0), "channel 0 was released with checkpoint 1");
        assertTrue(aligner.isBlocked(1));
        aligner.onBarrier(0, barrier(2));
        assertEquals(List.of("abort 1", "snapshot 2"), log);
    }

    @Test
    void staleBarriersOfAnAbortedCheckpointAreIgnored() throws Exception {
        BarrierAligner aligner = new BarrierAligner(new boolean[] {true, true}, task);
        aligner.onBarrier(0, barrier(3));
        aligner.onCheckpointAborted(3);
        assertFalse(aligner.isBlocked(0));
        assertFalse(aligner.onBarrier(1, barrier(3)));
        assertEquals(List.of(), log);
    }

    @Test
    void anEndedChannelCountsAsAligned() throws Exception {
        BarrierAligner aligner = new BarrierAligner(new boolean[] {true, false, true}, task);
        aligner.onBarrier(0, barrier(1));
        aligner.onChannelEnded(2);
        assertEquals(List.of("snapshot 1"), log);
        assertFalse(aligner.isBlocked(0));
    }

    @Test
    void singleChannelSnapshotsAtOnce() throws Exception {
        BarrierAligner aligner = new BarrierAligner(new boolean[] {true}, task);
        assertFalse(aligner.onBarrier(0, barrier(7)));
        assertEquals(List.of("snapshot 7"), log);
    }

    @Test
    void trackerNeverBlocksAndSnapshotsOnTheLastBarrier() throws Exception {
        BarrierTracker tracker = new BarrierTracker(new boolean[] {true, true}, task);
        assertFalse(tracker.onBarrier(0, barrier(1)));
        assertFalse(tracker.onBarrier(0, barrier(2)));
        assertFalse(tracker.isBlocked(0));
        assertFalse(tracker.onBarrier(1, barrier(2)));
        assertEquals(List.of("snapshot 2"), log, "checkpoint 2 completed first and subsumes 1");
        tracker.onBarrier(1, barrier(1));
        assertEquals(List.of("snapshot 2"), log);
    }
}
