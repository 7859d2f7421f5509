package io.weir.api.connector.source.lib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.connector.source.InputStatus;
import io.weir.api.connector.source.SourceReaderContext;
import io.weir.api.connector.source.SourceSplit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class SplitQueueTest {
    record Split(String splitId) implements SourceSplit {}

    /** Counts the split requests a reader sends. */
    static final class RequestCounter implements SourceReaderContext {
        int requests;

        @Override
        public io.weir.api.functions.TaskInfo getTaskInfo() {
            throw new UnsupportedOperationException("not used by SplitQueue");
        }

        @Override
        public void sendSplitRequest() {
            requests++;
        }

        @Override
        public int currentParallelism() {
            return 1;
        }
    }

    @Test
    void asksOnceUntilSplitsComeThenEndsWhenToldNoMore() {
        RequestCounter context = new RequestCounter();
        SplitQueue<Split> queue = new SplitQueue<>(context);
        assertNull(queue.poll());
        assertEquals(InputStatus.NOTHING_AVAILABLE, queue.awaitSplit());
        assertEquals(InputStatus.NOTHING_AVAILABLE, queue.awaitSplit());
        assertEquals(1, context.requests, "one request outstanding at a time");
        assertFalse(queue.isAvailable().isDone());

        queue.add(List.of(new Split("a"), new Split("b")));
        assertTrue(queue.isAvailable().isDone());
        assertEquals("a", queue.poll().splitId());
        assertEquals(List.of(new Split("a*"), new Split("b")), queue.snapshot(new Split("a*")));
        assertEquals("b", queue.poll().splitId());
        assertEquals(InputStatus.NOTHING_AVAILABLE, queue.awaitSplit());
        assertEquals(2, context.requests, "asks again once the given splits are used up");

        queue.noMoreSplits();
        assertTrue(queue.isAvailable().isDone());
        assertEquals(InputStatus.END_OF_INPUT, queue.awaitSplit());
        assertEquals(List.of(), queue.snapshot(null));
    }

    @Test
    @Timeout(10)
    void aContinuousReaderBecomesAvailableAgainAfterTheIntervalAndAsksAgain() throws Exception {
        RequestCounter context = new RequestCounter();
        SplitQueue<Split> queue = new SplitQueue<>(context, 20);
        assertEquals(InputStatus.NOTHING_AVAILABLE, queue.awaitSplit());
        // completes no earlier than the interval after the request, so the reader asks again
        queue.isAvailable().get(5, TimeUnit.SECONDS);
        assertEquals(InputStatus.NOTHING_AVAILABLE, queue.awaitSplit());
        assertEquals(2, context.requests);
    }
}
