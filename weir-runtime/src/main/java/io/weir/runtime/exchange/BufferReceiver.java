package io.weir.runtime.exchange;

import java.util.List;

/**
 * Where a {@link RecordWriter} hands the buffers of one consumer subtask: the consumer's
 * {@link InputQueue} itself when both run in one JVM, or the sending end of a network channel to
 * it. A task cannot tell which: both keep the buffers of a channel in order, both let a priority
 * buffer (an unaligned barrier) overtake, and both slow the producer down by holding its buffers
 * until the consumer has read them.
 *
 * <p>Threading: called by the producer's task thread only.
 */
public interface BufferReceiver {
    /**
     * Takes {@code buffer}; it is recycled to its owner once the consumer has read it (or, for a
     * remote consumer, once it is on the wire).
     *
     * @throws IllegalStateException if the consumer can no longer be reached (a lost connection);
     *     the message says which consumer and why
     */
    void push(Buffer buffer);

    /**
     * Puts {@code priority} ahead of the buffers of its channel that the consumer has not read yet,
     * as far as this receiver can reach, and returns copies of those it overtook, oldest first.
     */
    List<byte[]> prioritize(Buffer priority);

    /** The producer has pushed its end of partition: nothing follows on this channel. */
    default void finish() {}
}
