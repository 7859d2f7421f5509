package io.weir.runtime.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.api.connector.source.lib.NumberSequenceSource;
import io.weir.api.connector.source.lib.NumberSequenceSplit;
import io.weir.runtime.coordination.OperatorCoordinator;
import io.weir.runtime.coordination.OperatorEvent;
import io.weir.runtime.coordination.SubtaskGateway;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The enumerator's state in checkpoints, and splits going back when a reader is restored alone. */
class SourceCoordinatorStateTest {
    /** The coordinator's view of a job of two source subtasks; records what it sends them. */
    private static final class TwoSubtasks implements OperatorCoordinator.Context {
        final List<String> sent = new ArrayList<>();

        @Override
        public int currentParallelism() {
            return 2;
        }

        @Override
        public SubtaskGateway subtasks() {
            return (subtask, event) -> sent.add(subtask + ":" + describe(event));
        }

        @Override
        public void failJob(Throwable cause) {
            throw new AssertionError(cause);
        }

        private static String describe(OperatorEvent event) {
            if (event instanceof SourceEvents.AddSplits add) {
                NumberSequenceSplit split;
                try {
                    split = add.read(new NumberSequenceSource(1, 40).getSplitSerializer()).get(0);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return split.from() + "-" + split.to();
            }
            return "no more";
        }
    }

    private static SourceCoordinator<NumberSequenceSplit, ?> coordinator(TwoSubtasks context) {
        return new SourceCoordinator<>(new NumberSequenceSource(1, 40), context);
    }

    @Test
    void aCoordinatorResetToACheckpointAssignsOnlyTheSplitsNotAssignedBeforeIt() throws Exception {
        TwoSubtasks first = new TwoSubtasks();
        SourceCoordinator<NumberSequenceSplit, ?> original = coordinator(first);
        original.start();
        original.handleEventFromOperator(0, new SourceEvents.RequestSplit("localhost"));
        byte[] checkpoint = original.checkpointCoordinator(1);
        original.handleEventFromOperator(1, new SourceEvents.RequestSplit("localhost"));
        assertEquals(List.of("0:1-20", "1:21-40"), first.sent);

        TwoSubtasks second = new TwoSubtasks();
        SourceCoordinator<NumberSequenceSplit, ?> restored = coordinator(second);
        restored.resetToCheckpoint(1, checkpoint);
        restored.start();
        restored.handleEventFromOperator(1, new SourceEvents.RequestSplit("localhost"));
        restored.handleEventFromOperator(1, new SourceEvents.RequestSplit("localhost"));
        assertEquals(List.of("1:21-40", "1:no more"), second.sent);
    }

    @Test
    void theSplitsOfAReaderRestoredAloneGoBackToTheEnumerator() throws Exception {
        TwoSubtasks context = new TwoSubtasks();
        SourceCoordinator<NumberSequenceSplit, ?> coordinator = coordinator(context);
        coordinator.start();
        coordinator.handleEventFromOperator(0, new SourceEvents.RequestSplit("localhost"));
        coordinator.checkpointCoordinator(1);
        coordinator.handleEventFromOperator(1, new SourceEvents.RequestSplit("localhost"));
        coordinator.notifyCheckpointComplete(1);
        coordinator.checkpointCoordinator(2);

        coordinator.subtaskReset(1, 1); // subtask 1 restarts from checkpoint 1, before it got 21-40
        coordinator.subtaskReset(0, 1); // subtask 0 had its split before checkpoint 1: its state has it
        coordinator.handleEventFromOperator(1, new SourceEvents.RequestSplit("localhost"));
        coordinator.handleEventFromOperator(0, new SourceEvents.RequestSplit("localhost"));
        assertEquals(List.of("0:1-20", "1:21-40", "1:21-40", "0:no more"), context.sent);
    }
}
