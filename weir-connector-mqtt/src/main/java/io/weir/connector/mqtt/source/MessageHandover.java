package io.weir.connector.mqtt.source;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Passes arrived messages from the MQTT clients' callback threads to the task thread, bounded: a full
 * handover makes the client's callback thread wait, so the client stops reading from its socket and
 * the broker holds the messages (QoS 1 messages are never in flight beyond the broker's window anyway,
 * because they are acknowledged only on checkpoints). A subscription that cannot go on reports its
 * failure here, and the task thread throws it.
 *
 * <p>Threading: {@link #offer} and {@link #fail} from any thread; {@link #poll} and {@link #available}
 * from the task thread.
 */
final class MessageHandover {
    private static final long OFFER_WAIT_MS = 100;

    private final ArrayBlockingQueue<ArrivedMessage> queue;
    private CompletableFuture<Void> available = new CompletableFuture<>(); // guarded by this
    private volatile Exception failure;
    private volatile boolean closed;

    MessageHandover(int capacity) {
        queue = new ArrayBlockingQueue<>(capacity);
    }

    /** Adds a message, waiting while the handover is full; false if the handover was closed meanwhile. */
    boolean offer(ArrivedMessage message) throws InterruptedException {
        while (!closed) {
            if (queue.offer(message, OFFER_WAIT_MS, TimeUnit.MILLISECONDS)) {
                signal();
                return true;
            }
        }
        return false;
    }

    /** The next message, or null if there is none now; throws a subscription's failure. */
    ArrivedMessage poll() throws Exception {
        Exception failed = failure;
        if (failed != null) {
            throw failed;
        }
        return queue.poll();
    }

    /** Completes when {@link #poll} has a message or a failure to give. */
    synchronized CompletableFuture<Void> available() {
        if (!queue.isEmpty() || failure != null) {
            return CompletableFuture.completedFuture(null);
        }
        if (available.isDone()) {
            available = new CompletableFuture<>();
        }
        return available;
    }

    void fail(Exception cause) {
        if (failure == null) {
            failure = cause;
        }
        signal();
    }

    /** Releases callback threads waiting in {@link #offer}. */
    void close() {
        closed = true;
    }

    private synchronized void signal() {
        available.complete(null);
    }
}
