package io.weir.runtime.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A throwing {@code runAsync} action reaches {@link RpcEndpoint#onUncaughtError} on the main thread, and the endpoint goes on. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RpcEndpointTest {
    private static final class Endpoint extends RpcEndpoint {
        final CompletableFuture<Throwable> uncaught = new CompletableFuture<>();
        volatile String uncaughtThread;

        Endpoint() {
            super("test-endpoint");
        }

        void fail(RuntimeException error) {
            runAsync(() -> {
                throw error;
            });
        }

        CompletableFuture<String> threadName() {
            return callAsync(() -> Thread.currentThread().getName());
        }

        @Override
        protected void onUncaughtError(Throwable error) {
            assertMainThread();
            uncaughtThread = Thread.currentThread().getName();
            uncaught.complete(error);
        }
    }

    @Test
    void aThrowingActionIsHandedToTheEndpointOnItsMainThread() throws Exception {
        try (Endpoint endpoint = new Endpoint()) {
            IllegalStateException bug = new IllegalStateException("bug");
            endpoint.fail(bug);
            assertSame(bug, endpoint.uncaught.get(10, TimeUnit.SECONDS));
            assertEquals("test-endpoint", endpoint.uncaughtThread);
            assertEquals("test-endpoint", endpoint.threadName().get(10, TimeUnit.SECONDS),
                    "later actions still run on the main thread");
        }
    }

    @Test
    void anErrorOfTheHandlerItselfDoesNotStopTheEndpoint() throws Exception {
        try (RpcEndpoint endpoint = new RpcEndpoint("failing-handler") {
            @Override
            protected void onUncaughtError(Throwable error) {
                throw new IllegalStateException("handler failed too");
            }
        }) {
            endpoint.runAsync(() -> {
                throw new IllegalStateException("bug");
            });
            CompletableFuture<Boolean> after = endpoint.callAsync(() -> true);
            assertTrue(after.get(10, TimeUnit.SECONDS));
        }
    }
}
