package io.weir.runtime.rpc;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A component that owns one main thread: every call through its gateway runs as a message on that
 * thread, so the component's state needs no locks. In one JVM the gateway call is a method call
 * that enqueues the message; between processes an RPC layer will do the enqueueing.
 *
 * <h2>Threading</h2>
 * State of subclasses is only touched in {@link #runAsync}/{@link #callAsync} actions, which run on
 * the main thread in submission order; {@link #assertMainThread()} checks this. An exception thrown
 * by a {@link #runAsync} action, which nobody waits for, goes to {@link #onUncaughtError} on the main
 * thread, never silently into the executor.
 */
public abstract class RpcEndpoint implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RpcEndpoint.class);

    private final ExecutorService mainThread;
    private volatile Thread thread;

    protected RpcEndpoint(String name) {
        this.mainThread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            thread = t;
            return t;
        });
    }

    protected final void runAsync(Runnable action) {
        mainThread.execute(() -> {
            try {
                action.run();
            } catch (Throwable error) {
                uncaught(error);
            }
        });
    }

    private void uncaught(Throwable error) {
        try {
            onUncaughtError(error);
        } catch (Throwable second) {
            second.addSuppressed(error);
            LOG.error("{} could not handle an error of its own main thread", getClass().getSimpleName(), second);
        }
    }

    /**
     * Called on the main thread when a {@link #runAsync} action threw: a bug, since actions handle the
     * failures they expect. Logs it; an endpoint whose state the action may have left half-changed
     * overrides this to recover (a JobMaster fails its job over).
     */
    protected void onUncaughtError(Throwable error) {
        LOG.error("An action on the main thread of {} failed", getClass().getSimpleName(), error);
    }

    protected final <T> CompletableFuture<T> callAsync(Callable<T> action) {
        CompletableFuture<T> result = new CompletableFuture<>();
        mainThread.execute(() -> {
            try {
                result.complete(action.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result;
    }

    /** Runs an action that answers later (returns a future) on the main thread. */
    protected final <T> CompletableFuture<T> composeAsync(Supplier<CompletableFuture<T>> action) {
        return callAsync(action::get).thenCompose(f -> f);
    }

    protected final void assertMainThread() {
        if (Thread.currentThread() != thread) {
            throw new IllegalStateException(getClass().getSimpleName() + " state touched outside its main thread by "
                    + Thread.currentThread().getName());
        }
    }

    @Override
    public void close() {
        mainThread.shutdown();
        try {
            mainThread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
