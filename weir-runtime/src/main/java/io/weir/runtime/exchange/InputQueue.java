package io.weir.runtime.exchange;

import io.weir.runtime.checkpoint.CheckpointBarrier;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The buffers arriving for one consumer subtask from all its input channels, in arrival order.
 * Producers may push before the consumer has started; the consumer's wake-up is attached when it
 * starts.
 *
 * <p>A queue fed over the network may {@link #fail}: the consumer then gets the failure at its next
 * {@link #poll()} instead of waiting for buffers that will never come.
 *
 * <p>Threading: pushed by producer threads (or a network thread), polled by the consumer's task thread.
 */
public final class InputQueue implements BufferReceiver {
    private final ArrayDeque<Buffer> buffers = new ArrayDeque<>();
    private Runnable wakeUp;
    /** How many buffers at the head of the queue are priority buffers (unaligned barriers). */
    private volatile int priorityBuffers;
    private Runnable onPriority;
    private Consumer<CheckpointBarrier> onBarrierThatMayTimeOut;
    private RuntimeException failure;

    @Override
    public void push(Buffer buffer) {
        Runnable toWake;
        Consumer<CheckpointBarrier> barrierListener = null;
        synchronized (this) {
            buffers.add(buffer);
            toWake = wakeUp;
            if (buffer.barrier() != null && buffer.barrier().mayTimeOut()) {
                barrierListener = onBarrierThatMayTimeOut;
            }
        }
        if (barrierListener != null) {
            barrierListener.accept(buffer.barrier());
        }
        if (toWake != null) {
            toWake.run();
        }
    }

    /**
     * Sets what to run (on the producer's thread) when an aligned checkpoint's barrier is queued: the
     * consumer starts the clock of its alignment timeout.
     */
    public synchronized void attachBarrierListener(
            Consumer<CheckpointBarrier> listener) {
        this.onBarrierThatMayTimeOut = listener;
    }

    /**
     * For every channel whose barrier of checkpoint {@code checkpointId} is queued, copies of the
     * buffers of that channel queued before it, oldest first (an empty list when there are none): what
     * the consumer still has to read of that channel before the barrier. Barriers of older
     * checkpoints queued before it are passed over: a consumer taking this checkpoint has taken or
     * given up the older ones. The queue is unchanged.
     */
    public synchronized Map<Integer, List<byte[]>> copyAheadOfBarrier(long checkpointId) {
        Map<Integer, List<byte[]>> ahead = new HashMap<>();
        Map<Integer, List<byte[]>> seen = new HashMap<>();
        for (Buffer queued : buffers) {
            int channel = queued.channel();
            if (ahead.containsKey(channel)) {
                continue;
            }
            if (queued.barrier() != null) {
                if (queued.barrier().id() == checkpointId) {
                    ahead.put(channel, seen.getOrDefault(channel, new ArrayList<>()));
                } // barriers of older checkpoints are stale for a consumer taking this one: data goes on
            } else {
                seen.computeIfAbsent(channel, c -> new ArrayList<>())
                        .add(Arrays.copyOf(queued.bytes(), queued.length()));
            }
        }
        return ahead;
    }

    /**
     * Puts {@code priority} (an unaligned barrier) ahead of every queued buffer and returns copies of
     * the queued buffers of its channel that it overtook, oldest first: the producer's in-flight data
     * for the checkpoint. Atomic with respect to the consumer's {@link #poll()}.
     */
    @Override
    public List<byte[]> prioritize(Buffer priority) {
        List<byte[]> overtaken = new ArrayList<>();
        Runnable toWake;
        synchronized (this) {
            for (Buffer queued : buffers) {
                if (queued.channel() == priority.channel()) {
                    overtaken.add(Arrays.copyOf(queued.bytes(), queued.length()));
                }
            }
            buffers.addFirst(priority);
            priorityBuffers++;
            toWake = onPriority != null ? onPriority : wakeUp;
        }
        if (toWake != null) {
            toWake.run();
        }
        return overtaken;
    }

    /** Whether an unaligned barrier waits at the head of the queue (a lock-free read). */
    public boolean hasPriority() {
        return priorityBuffers > 0;
    }

    /**
     * Sets what to run when an unaligned barrier arrives: the consumer interrupts the buffer it is
     * reading to take the barrier first.
     */
    public synchronized void attachPriority(Runnable interrupt) {
        this.onPriority = interrupt;
    }

    /**
     * The next buffer, or {@code null} if none is there.
     *
     * @throws IllegalStateException once the queue {@link #fail failed}: a producer can no longer reach it
     */
    public synchronized Buffer poll() {
        if (failure != null) {
            throw failure;
        }
        Buffer next = buffers.poll();
        if (next != null && priorityBuffers > 0) {
            priorityBuffers--;
        }
        return next;
    }

    /** Buffers waiting to be read ({@code inputQueueLength}). */
    public synchronized int size() {
        return buffers.size();
    }

    /** Sets what to run when a buffer arrives (wakes the consumer's task). */
    public synchronized void attach(Runnable wakeUp) {
        this.wakeUp = wakeUp;
    }

    /**
     * Fails the consumer: its next {@link #poll()} throws {@code failure} (the first failure wins),
     * and it is woken up to see it.
     */
    public void fail(IllegalStateException failure) {
        Runnable toWake;
        synchronized (this) {
            if (this.failure == null) {
                this.failure = failure;
            }
            toWake = wakeUp;
        }
        if (toWake != null) {
            toWake.run();
        }
    }

    /** Returns all queued buffers to their pools (on cancellation). */
    public void releaseAll() {
        while (true) {
            Buffer b;
            synchronized (this) { // not poll(): releasing a failed queue must not throw its failure
                b = buffers.poll();
                if (b != null && priorityBuffers > 0) {
                    priorityBuffers--;
                }
            }
            if (b == null) {
                return;
            }
            b.recycle();
        }
    }
}
