package io.weir.api.functions.async;

import io.weir.api.functions.Function;
import java.util.concurrent.TimeoutException;

/**
 * Calls an external system without blocking the task: {@link #asyncInvoke} starts a request and
 * returns; the client's callback completes the {@link ResultFuture} later, from any thread. Used
 * with {@code AsyncDataStream.orderedWait} or {@code unorderedWait}.
 */
@FunctionalInterface
public interface AsyncFunction<IN, OUT> extends Function {
    /** Starts the request for {@code input}; must not block. */
    void asyncInvoke(IN input, ResultFuture<OUT> resultFuture) throws Exception;

    /**
     * The request for {@code input} did not complete within the timeout. The default fails the job
     * with a {@link TimeoutException}; override to complete with a fallback instead.
     */
    default void timeout(IN input, ResultFuture<OUT> resultFuture) throws Exception {
        resultFuture.completeExceptionally(new TimeoutException("Async function call has timed out."));
    }
}
