package io.weir.runtime.exchange;

import java.util.ArrayDeque;

/**
 * The buffers arriving for one consumer subtask from all its input channels, in arrival order.
 * Producers may push before the consumer has started; the consumer's wake-up is attached when it
 * starts.
 *
 * <p>Threading: pushed by producer threads, polled by the consumer's task thread.
 */
public final class InputQueue {
    private final ArrayDeque<Buffer> buffers = new ArrayDeque<>();
    private Runnable wakeUp;

    public void push(Buffer buffer) {
        Runnable toWake;
        synchronized (this) {
            buffers.add(buffer);
            toWake = wakeUp;
        }
        if (toWake != null) {
            toWake.run();
        }
    }

    /** The next buffer, or {@code null} if none is there. */
    public synchronized Buffer poll() {
        return buffers.poll();
    }

    /** Buffers waiting to be read ({@code inputQueueLength}). */
    public synchronized int size() {
        return buffers.size();
    }

    /** Sets what to run when a buffer arrives (wakes the consumer's task). */
    public synchronized void attach(Runnable wakeUp) {
        this.wakeUp = wakeUp;
    }

    /** Returns all queued buffers to their pools (on cancellation). */
    public void releaseAll() {
        while (true) {
            Buffer b = poll();
            if (b == null) {
                return;
            }
            b.recycle();
        }
    }
}
