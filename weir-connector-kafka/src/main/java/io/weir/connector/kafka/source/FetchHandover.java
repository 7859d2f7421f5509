package io.weir.connector.kafka.source;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;

/**
 * Hands batches from the fetcher thread to the reader on the task thread: a small bounded queue
 * (a full queue blocks the fetcher, which is the source's backpressure) plus the reader's
 * availability future, completed when a batch arrives, when the fetcher fails, or on
 * {@link #wakeUp()}.
 *
 * <p>Threading: {@link #put} and {@link #fail} from the fetcher thread, {@link #poll} and
 * {@link #available()} from the task thread, {@link #wakeUp} and {@link #close} from any thread.
 * The lock is taken once per batch, never per record. Futures are completed outside the lock,
 * so a callback that runs inline cannot deadlock with the other side.
 */
final class FetchHandover<B> {
    private final int capacity;
    private final ArrayDeque<B> queue = new ArrayDeque<>();
    private CompletableFuture<Void> available = new CompletableFuture<>();
    private Throwable failure;
    private boolean closed;

    FetchHandover(int capacity) {
        this.capacity = capacity;
    }

    /** Queues a batch, waiting while the queue is full; false once closed (the batch is dropped with the reader). */
    boolean put(B batch) throws InterruptedException {
        CompletableFuture<Void> toComplete;
        synchronized (this) {
            while (queue.size() >= capacity && !closed) {
                wait();
            }
            if (closed) {
                return false;
            }
            queue.add(batch);
            toComplete = available;
        }
        toComplete.complete(null);
        return true;
    }

    /** The next batch, or null; throws the fetcher's failure once the batches before it are taken. */
    B poll() throws Exception {
        synchronized (this) {
            B batch = queue.poll();
            if (batch != null) {
                notifyAll();
                return batch;
            }
            if (failure != null) {
                if (failure instanceof Exception e) {
                    throw e;
                }
                throw (Error) failure;
            }
            if (available.isDone()) {
                available = new CompletableFuture<>();
            }
            return null;
        }
    }

    synchronized boolean isEmpty() {
        return queue.isEmpty() && failure == null;
    }

    synchronized CompletableFuture<Void> available() {
        return available;
    }

    /** Makes the reader look again although no batch came (for example to ask for new splits). */
    void wakeUp() {
        CompletableFuture<Void> toComplete;
        synchronized (this) {
            toComplete = available;
        }
        toComplete.complete(null);
    }

    void fail(Throwable cause) {
        CompletableFuture<Void> toComplete;
        synchronized (this) {
            failure = cause;
            toComplete = available;
        }
        toComplete.complete(null);
    }

    /** Releases a fetcher blocked in {@link #put}; later puts are refused. */
    synchronized void close() {
        closed = true;
        notifyAll();
    }
}
