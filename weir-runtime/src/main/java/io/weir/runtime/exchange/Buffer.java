package io.weir.runtime.exchange;

import io.weir.api.types.DataOutputSerializer;

/**
 * A batch of serialized stream elements on its way from one producer subtask to one consumer
 * subtask. Elements never span buffers. Owned by a {@link BufferRecycler} (usually a
 * {@link BufferPool}), to which the consumer returns it after reading.
 */
public final class Buffer {
    private final BufferRecycler owner;
    private final DataOutputSerializer data;
    private int channel;
    /** The barrier this buffer holds alone, or {@code null} for a buffer of elements. */
    private io.weir.runtime.checkpoint.CheckpointBarrier barrier;

    Buffer(BufferRecycler owner, int capacity) {
        this.owner = owner;
        this.data = new DataOutputSerializer(capacity);
    }

    /**
     * An empty buffer that {@code owner} takes back when its consumer has read it: for the
     * receiving end of a remote channel, which fills it with what arrived for {@code channel}.
     */
    public static Buffer owned(BufferRecycler owner, int capacity, int channel) {
        Buffer buffer = new Buffer(owner, capacity);
        buffer.channel = channel;
        return buffer;
    }

    /**
     * A buffer of no pool, holding {@code bytes} for {@code channel}: an unaligned barrier, or restored
     * in-flight data. Recycling it does nothing.
     */
    public static Buffer unpooled(byte[] bytes, int channel) {
        Buffer buffer = new Buffer(null, Math.max(1, bytes.length));
        try {
            buffer.data.write(bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // an in-memory buffer grows; it does not fail
        }
        buffer.channel = channel;
        return buffer;
    }

    /**
     * A buffer of no pool holding only {@code barrier}, encoded as {@code bytes}: barriers never wait
     * for a free buffer, and a consumer can find one in its queue.
     */
    public static Buffer barrier(byte[] bytes, int channel, io.weir.runtime.checkpoint.CheckpointBarrier barrier) {
        Buffer buffer = unpooled(bytes, channel);
        buffer.barrier = barrier;
        return buffer;
    }

    /** The barrier this buffer holds alone, or {@code null}. */
    public io.weir.runtime.checkpoint.CheckpointBarrier barrier() {
        return barrier;
    }

    /** Where elements are written; the producer's side. */
    public DataOutputSerializer data() {
        return data;
    }

    public byte[] bytes() {
        return data.getSharedBuffer();
    }

    public int length() {
        return data.length();
    }

    /** The consumer's channel index this buffer arrives on. */
    public int channel() {
        return channel;
    }

    void setChannel(int channel) {
        this.channel = channel;
    }

    /** Hands the buffer back to its owner; called by the consumer when it has read everything. */
    public void recycle() {
        if (owner != null) {
            owner.recycle(this);
        }
    }
}
