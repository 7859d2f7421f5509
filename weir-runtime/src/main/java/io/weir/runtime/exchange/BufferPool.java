package io.weir.runtime.exchange;

import io.weir.runtime.metrics.WaitTimer;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * A fixed number of buffers for one producer task's outputs. When all are in flight the producer
 * waits for a consumer to return one: this is how a slow consumer slows down its producers
 * (backpressure), and why memory stays bounded.
 *
 * <p>Threading: requested by the producer's task thread, recycled by consumer threads. The time the
 * producer waits is added up for the {@code backPressuredTimeMsPerSecond} metric.
 */
public final class BufferPool implements BufferRecycler {
    private final ArrayBlockingQueue<Buffer> free;
    private final int bufferSize;
    private final int numBuffers;
    private final WaitTimer backPressure = new WaitTimer();
    /** Free buffers, kept beside {@link #free} so that the producer can check for one without a lock. */
    private final java.util.concurrent.atomic.AtomicInteger freeCount;
    /** Run once when a buffer comes back (the producer's task waits for one while it runs its mail). */
    private volatile Runnable availabilityListener;

    public BufferPool(int numBuffers, int bufferSize) {
        this.free = new ArrayBlockingQueue<>(numBuffers);
        this.bufferSize = bufferSize;
        this.numBuffers = numBuffers;
        this.freeCount = new java.util.concurrent.atomic.AtomicInteger(numBuffers);
        for (int i = 0; i < numBuffers; i++) {
            free.add(new Buffer(this, bufferSize));
        }
    }

    /** Takes a free buffer, waiting while none is free. Interrupting the waiting thread cancels the wait. */
    public Buffer request() throws InterruptedException {
        Buffer buffer = free.poll();
        if (buffer == null) {
            backPressure.start();
            try {
                buffer = free.take();
            } finally {
                backPressure.stop();
            }
        }
        freeCount.decrementAndGet();
        return buffer;
    }

    /** Time the producer waited for a free buffer (back-pressured), including a wait in progress. */
    public long backPressuredNanos() {
        return backPressure.totalNanos();
    }

    /** The share of buffers in flight or being filled, between 0 and 1 ({@code outPoolUsage}). */
    public float usage() {
        return (numBuffers - free.size()) / (float) numBuffers;
    }

    public int bufferSize() {
        return bufferSize;
    }

    public int available() {
        return free.size();
    }

    @Override
    public void recycle(Buffer buffer) {
        buffer.data().clear();
        free.add(buffer);
        freeCount.incrementAndGet();
        Runnable listener = availabilityListener;
        if (listener != null) {
            availabilityListener = null;
            listener.run();
        }
    }

    /** Whether a buffer is free now (a lock-free read). */
    public boolean isAvailable() {
        return freeCount.get() > 0;
    }

    /**
     * Runs {@code listener} (once) when a buffer comes back. Check {@link #isAvailable()} after
     * registering: a buffer returned just before is not announced.
     */
    public void notifyWhenAvailable(Runnable listener) {
        availabilityListener = listener;
    }
}
