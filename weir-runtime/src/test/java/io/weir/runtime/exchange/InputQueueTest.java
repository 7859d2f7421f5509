package io.weir.runtime.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An unaligned barrier goes ahead of the queue and takes copies of its own channel's buffers with it;
 * a consumer whose alignment timed out copies what precedes each queued barrier.
 */
class InputQueueTest {

    @Test
    void aPriorityBufferOvertakesEverythingAndReturnsItsChannelsQueuedBuffersInOrder() {
        InputQueue queue = new InputQueue();
        Buffer a1 = Buffer.unpooled("a1".getBytes(), 0);
        Buffer b1 = Buffer.unpooled("b1".getBytes(), 1);
        Buffer a2 = Buffer.unpooled("a2".getBytes(), 0);
        queue.push(a1);
        queue.push(b1);
        queue.push(a2);
        Buffer barrier = Buffer.unpooled("|".getBytes(), 0);

        List<byte[]> overtaken = queue.prioritize(barrier);

        assertEquals(List.of("a1", "a2"), overtaken.stream().map(String::new).toList());
        assertSame(barrier, queue.poll());
        assertSame(a1, queue.poll(), "the overtaken buffers are still delivered, after the barrier");
        assertSame(b1, queue.poll());
        assertSame(a2, queue.poll());
    }

    @Test
    void queuedBarriersOfACheckpointAreFoundWithWhatPrecedesThemAndTheirListenerIsCalled() {
        InputQueue queue = new InputQueue();
        List<Long> heard = new java.util.ArrayList<>();
        queue.attachBarrierListener(b -> heard.add(b.id()));
        io.weir.runtime.checkpoint.CheckpointBarrier seven = new io.weir.runtime.checkpoint.CheckpointBarrier(7, 0);
        io.weir.runtime.checkpoint.CheckpointBarrier six = new io.weir.runtime.checkpoint.CheckpointBarrier(6, 0);
        queue.push(Buffer.unpooled("a1".getBytes(), 0));
        queue.push(Buffer.unpooled("b1".getBytes(), 1));
        queue.push(Buffer.barrier("|".getBytes(), 1, seven));
        queue.push(Buffer.unpooled("a2".getBytes(), 0));
        queue.push(Buffer.unpooled("b2".getBytes(), 1));
        queue.push(Buffer.barrier("|".getBytes(), 0, seven));
        queue.push(Buffer.unpooled("c1".getBytes(), 2));
        queue.push(Buffer.barrier("|".getBytes(), 2, six));
        queue.push(Buffer.unpooled("c2".getBytes(), 2));
        queue.push(Buffer.barrier("|".getBytes(), 2, seven));
        queue.push(Buffer.unpooled("d1".getBytes(), 3));

        java.util.Map<Integer, List<byte[]>> ahead = queue.copyAheadOfBarrier(7);

        assertEquals(List.of(7L, 7L, 6L, 7L), heard, "every aligned checkpoint barrier is announced");
        assertEquals(java.util.Set.of(0, 1, 2), ahead.keySet(), "channel 3 has no barrier of checkpoint 7");
        assertEquals(List.of("a1", "a2"), ahead.get(0).stream().map(String::new).toList());
        assertEquals(List.of("b1"), ahead.get(1).stream().map(String::new).toList());
        assertEquals(List.of("c1", "c2"), ahead.get(2).stream().map(String::new).toList(),
                "checkpoint 6's barrier before it is stale for a consumer taking checkpoint 7");
        assertEquals(11, queue.size(), "the queue is unchanged");
    }
}
