package io.weir.api.transformations;

import io.weir.api.functions.async.AsyncFunction;
import io.weir.api.functions.async.AsyncRetryStrategy;
import io.weir.api.operators.ChainingStrategy;
import io.weir.api.types.TypeInformation;
import java.util.Objects;

/**
 * {@code AsyncDataStream.orderedWait/unorderedWait}: calls {@code function} for each element, with
 * at most {@code capacity} calls in flight.
 *
 * @param timeoutMillis timeout per element (covering all its retries), or 0 for none
 * @param ordered whether results keep the input order
 * @param retryStrategy when to try again, or {@code null} never to
 * @param inputType the type of the elements, with which checkpoints write the elements in flight
 */
public record AsyncWaitDescription<IN, OUT>(AsyncFunction<IN, OUT> function, long timeoutMillis, int capacity,
        boolean ordered, AsyncRetryStrategy<OUT> retryStrategy, TypeInformation<IN> inputType)
        implements OperatorDescription {
    public AsyncWaitDescription {
        Objects.requireNonNull(function, "user function");
        Objects.requireNonNull(inputType, "inputType");
        if (timeoutMillis < 0) {
            throw new IllegalArgumentException("The async timeout must not be negative: " + timeoutMillis);
        }
        if (capacity <= 0) {
            throw new IllegalArgumentException("The async capacity must be positive: " + capacity);
        }
    }

    /** Starts a new chain, so that waiting for a free slot never runs upstream operators re-entrantly. */
    @Override
    public ChainingStrategy chainingStrategy() {
        return ChainingStrategy.HEAD;
    }
}
