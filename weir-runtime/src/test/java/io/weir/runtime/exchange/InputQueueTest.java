package io.weir.runtime.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

/** An unaligned barrier goes ahead of the queue and takes copies of its own channel's buffers with it. */
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
}
