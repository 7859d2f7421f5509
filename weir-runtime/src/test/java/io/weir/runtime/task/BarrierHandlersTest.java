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
    };

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
