package io.weir.runtime.exchange;

import io.weir.api.operators.StreamRecord;
import io.weir.api.operators.Watermark;
import io.weir.api.types.DataOutputSerializer;
import io.weir.api.types.TypeSerializer;
import io.weir.runtime.checkpoint.CheckpointBarrier;
import java.io.IOException;

/**
 * Serializes the records of one producer subtask for one outgoing edge into per-consumer buffers,
 * and hands a buffer over when it is full, when flushed (buffer timeout), or at once when the
 * buffer timeout is zero.
 *
 * <p>Threading: used by the producer's task thread only. May block in {@link BufferPool#request()}
 * while all buffers are in flight (backpressure).
 */
public final class RecordWriter<T> {
    private final TypeSerializer<T> serializer;
    private final BufferPool pool;
    private final BufferReceiver[] targets;
    private final int[] channelAtTarget;
    private final int[] connected;
    private final ChannelSelector<T> selector;
    private final boolean broadcast;
    private final boolean flushEveryRecord;
    private final Buffer[] current;
    private final int capacity;
    // counted on the task's thread per buffer, read by the metrics (numBytesOut): a plain field
    private long bytesWritten;

    /**
     * @param targets the receiver of every consumer subtask (null where not connected)
     * @param channelAtTarget this producer's channel index at each consumer
     * @param connected the consumers this producer writes to
     * @param selector picks the consumer for a record, or {@code null} to broadcast
     */
    public RecordWriter(TypeSerializer<T> serializer, BufferPool pool, BufferReceiver[] targets, int[] channelAtTarget,
            int[] connected, ChannelSelector<T> selector, boolean flushEveryRecord) {
        this.serializer = serializer;
        this.pool = pool;
        this.targets = targets;
        this.channelAtTarget = channelAtTarget;
        this.connected = connected;
        this.selector = selector;
        this.broadcast = selector == null;
        this.flushEveryRecord = flushEveryRecord;
        this.current = new Buffer[targets.length];
        this.capacity = pool.bufferSize();
    }

    public void emit(StreamRecord<T> record) throws Exception {
        if (broadcast) {
            for (int target : connected) {
                write(target, record);
            }
        } else {
            write(selector.select(record.getValue()), record);
        }
    }

    private void write(int target, StreamRecord<T> record) throws IOException, InterruptedException {
        DataOutputSerializer out = bufferFor(target).data();
        if (record.hasTimestamp()) {
            out.writeByte(ElementTag.RECORD_WITH_TIMESTAMP);
            out.writeLong(record.getTimestamp());
        } else {
            out.writeByte(ElementTag.RECORD);
        }
        serializer.serialize(record.getValue(), out);
        if (flushEveryRecord || out.length() >= capacity) {
            ship(target);
        }
    }

    public void emitWatermark(Watermark watermark) throws IOException, InterruptedException {
        for (int target : connected) {
            DataOutputSerializer out = bufferFor(target).data();
            out.writeByte(ElementTag.WATERMARK);
            out.writeLong(watermark.getTimestamp());
            if (flushEveryRecord || out.length() >= capacity) {
                ship(target);
            }
        }
    }

    /** Tells every connected consumer that this producer became idle or active. */
    public void emitWatermarkStatus(boolean idle) throws IOException, InterruptedException {
        for (int target : connected) {
            DataOutputSerializer out = bufferFor(target).data();
            out.writeByte(ElementTag.WATERMARK_STATUS);
            out.writeByte(idle ? 1 : 0);
            if (flushEveryRecord || out.length() >= capacity) {
                ship(target);
            }
        }
    }

    /**
     * Sends a checkpoint barrier to every connected consumer, in a buffer of its own outside the pool
     * (a barrier never waits for the buffer timeout, nor for a free buffer), after shipping what was
     * written before it. An aligned barrier goes behind everything queued before it. An unaligned one
     * overtakes what is still queued at each consumer; returns, per consumer subtask, copies of the
     * buffers it overtook (the in-flight data the checkpoint keeps), oldest first.
     */
    public java.util.Map<Integer, java.util.List<byte[]>> broadcastBarrier(CheckpointBarrier barrier)
            throws IOException, InterruptedException {
        if (barrier.unaligned()) {
            return overtake(barrier);
        }
        byte[] bytes = BarrierEncoding.encode(barrier);
        for (int target : connected) {
            if (current[target] != null) {
                ship(target);
            }
            targets[target].push(Buffer.barrier(bytes, channelAtTarget[target], barrier));
        }
        return java.util.Map.of();
    }

    private java.util.Map<Integer, java.util.List<byte[]>> overtake(CheckpointBarrier barrier) throws IOException {
        java.util.Map<Integer, java.util.List<byte[]>> overtaken = new java.util.HashMap<>();
        byte[] bytes = BarrierEncoding.encode(barrier);
        for (int target : connected) {
            if (current[target] != null) {
                ship(target); // what was written before the barrier belongs before it
            }
            java.util.List<byte[]> inFlight = targets[target].prioritize(
                    Buffer.barrier(bytes, channelAtTarget[target], barrier));
            if (!inFlight.isEmpty()) {
                overtaken.put(target, inFlight);
            }
        }
        return overtaken;
    }

    /** Sends every partly filled buffer. */
    public void flush() {
        for (int target : connected) {
            if (current[target] != null) {
                ship(target);
            }
        }
    }

    /** Tells every connected consumer that this producer has ended, and sends everything. */
    public void endOfPartition() throws IOException, InterruptedException {
        for (int target : connected) {
            bufferFor(target).data().writeByte(ElementTag.END_OF_PARTITION);
            ship(target);
            targets[target].finish();
        }
    }

    /** Returns buffers still held to the pool (on cancellation or failure). */
    public void release() {
        for (int i = 0; i < current.length; i++) {
            if (current[i] != null) {
                current[i].recycle();
                current[i] = null;
            }
        }
    }

    /** Bytes handed over in buffers so far. */
    public long bytesWritten() {
        return bytesWritten;
    }

    public BufferPool pool() {
        return pool;
    }

    private Buffer bufferFor(int target) throws InterruptedException {
        Buffer b = current[target];
        if (b == null) {
            b = pool.request();
            b.setChannel(channelAtTarget[target]);
            current[target] = b;
        }
        return b;
    }

    private void ship(int target) {
        Buffer b = current[target];
        current[target] = null;
        bytesWritten += b.length();
        targets[target].push(b);
    }
}
