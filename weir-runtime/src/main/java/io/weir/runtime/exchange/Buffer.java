package io.weir.runtime.exchange;

import io.weir.api.types.DataOutputSerializer;

/**
 * A batch of serialized stream elements on its way from one producer subtask to one consumer
 * subtask. Elements never span buffers. Owned by a {@link BufferPool}, to which the consumer
 * returns it after reading.
 */
public final class Buffer {
    private final BufferPool pool;
    private final DataOutputSerializer data;
    private int channel;
    /** The barrier this buffer holds alone, or {@code null} for a buffer of elements. */
    private io.weir.runtime.checkpoint.CheckpointBarrier barrier;

    Buffer(BufferPool pool, int capacity) {
        this.pool = pool;
        this.data = new DataOutputSerializer(capacity);
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

    /** Hands the buffer back to its pool; called by the consumer when it has read everything. */
    public void recycle() {
        if (pool != null) {
            pool.recycle(this);
        }
    }
}
