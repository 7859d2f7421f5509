package io.weir.runtime.exchange;

import java.util.concurrent.ArrayBlockingQueue;

/**
 * A fixed number of buffers for one producer task's outputs. When all are in flight the producer
 * waits for a consumer to return one: this is how a slow consumer slows down its producers
 * (backpressure), and why memory stays bounded.
 *
 * <p>Threading: requested by the producer's task thread, recycled by consumer threads.
 */
public final class BufferPool {
    private final ArrayBlockingQueue<Buffer> free;
    private final int bufferSize;

    public BufferPool(int numBuffers, int bufferSize) {
        this.free = new ArrayBlockingQueue<>(numBuffers);
        this.bufferSize = bufferSize;
        for (int i = 0; i < numBuffers; i++) {
            free.add(new Buffer(this, bufferSize));
        }
    }

    /** Takes a free buffer, waiting while none is free. Interrupting the waiting thread cancels the wait. */
    public Buffer request() throws InterruptedException {
        return free.take();
    }

    public int bufferSize() {
        return bufferSize;
    }

    public int available() {
        return free.size();
    }

    void recycle(Buffer buffer) {
        buffer.data().clear();
        free.add(buffer);
    }
}
