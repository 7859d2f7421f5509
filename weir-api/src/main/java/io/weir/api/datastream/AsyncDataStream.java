package io.weir.api.datastream;

import io.weir.api.functions.async.AsyncFunction;
import io.weir.api.functions.async.AsyncRetryStrategy;
import io.weir.api.transformations.AsyncWaitDescription;
import io.weir.api.types.TypeExtractor;
import io.weir.api.types.TypeInformation;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Calls external systems asynchronously from a stream: each element starts an
 * {@link AsyncFunction} call, and up to {@code capacity} calls are in flight per subtask. When the
 * queue is full the operator backpressures its input. {@code orderedWait} emits results in input
 * order; {@code unorderedWait} as they complete (but never across a watermark).
 *
 * <pre>{@code
 * DataStream<Enriched> enriched = AsyncDataStream.unorderedWait(
 *         orders, new LookupCustomer(), 1, TimeUnit.SECONDS, 100);
 * }</pre>
 */
public final class AsyncDataStream {
    private static final int DEFAULT_QUEUE_CAPACITY = 100;

    /** Whether results keep the input order. */
    public enum OutputMode { ORDERED, UNORDERED }

    private AsyncDataStream() {}

    public static <IN, OUT> SingleOutputStreamOperator<OUT> unorderedWait(DataStream<IN> in,
            AsyncFunction<IN, OUT> func, long timeout, TimeUnit timeUnit) {
        return addOperator(in, func, timeUnit.toMillis(timeout), DEFAULT_QUEUE_CAPACITY, OutputMode.UNORDERED, null);
    }

    public static <IN, OUT> SingleOutputStreamOperator<OUT> unorderedWait(DataStream<IN> in,
            AsyncFunction<IN, OUT> func, long timeout, TimeUnit timeUnit, int capacity) {
        return addOperator(in, func, timeUnit.toMillis(timeout), capacity, OutputMode.UNORDERED, null);
    }

    public static <IN, OUT> SingleOutputStreamOperator<OUT> orderedWait(DataStream<IN> in,
            AsyncFunction<IN, OUT> func, long timeout, TimeUnit timeUnit) {
        return addOperator(in, func, timeUnit.toMillis(timeout), DEFAULT_QUEUE_CAPACITY, OutputMode.ORDERED, null);
    }

    public static <IN, OUT> SingleOutputStreamOperator<OUT> orderedWait(DataStream<IN> in,
            AsyncFunction<IN, OUT> func, long timeout, TimeUnit timeUnit, int capacity) {
        return addOperator(in, func, timeUnit.toMillis(timeout), capacity, OutputMode.ORDERED, null);
    }

    public static <IN, OUT> SingleOutputStreamOperator<OUT> unorderedWaitWithRetry(DataStream<IN> in,
            AsyncFunction<IN, OUT> func, long timeout, TimeUnit timeUnit, AsyncRetryStrategy<OUT> asyncRetryStrategy) {
        return addOperator(in, func, timeUnit.toMillis(timeout), DEFAULT_QUEUE_CAPACITY, OutputMode.UNORDERED,
                asyncRetryStrategy);
    }

    public static <IN, OUT> SingleOutputStreamOperator<OUT> unorderedWaitWithRetry(DataStream<IN> in,
            AsyncFunction<IN, OUT> func, long timeout, TimeUnit timeUnit, int capacity,
            AsyncRetryStrategy<OUT> asyncRetryStrategy) {
        return addOperator(in, func, timeUnit.toMillis(timeout), capacity, OutputMode.UNORDERED, asyncRetryStrategy);
    }

    public static <IN, OUT> SingleOutputStreamOperator<OUT> orderedWaitWithRetry(DataStream<IN> in,
            AsyncFunction<IN, OUT> func, long timeout, TimeUnit timeUnit, AsyncRetryStrategy<OUT> asyncRetryStrategy) {
        return addOperator(in, func, timeUnit.toMillis(timeout), DEFAULT_QUEUE_CAPACITY, OutputMode.ORDERED,
                asyncRetryStrategy);
    }

    public static <IN, OUT> SingleOutputStreamOperator<OUT> orderedWaitWithRetry(DataStream<IN> in,
            AsyncFunction<IN, OUT> func, long timeout, TimeUnit timeUnit, int capacity,
            AsyncRetryStrategy<OUT> asyncRetryStrategy) {
        return addOperator(in, func, timeUnit.toMillis(timeout), capacity, OutputMode.ORDERED, asyncRetryStrategy);
    }

    private static <IN, OUT> SingleOutputStreamOperator<OUT> addOperator(DataStream<IN> in,
            AsyncFunction<IN, OUT> func, long timeoutMillis, int capacity, OutputMode mode,
            AsyncRetryStrategy<OUT> retryStrategy) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(func, "func");
        TypeInformation<OUT> outType = TypeExtractor.getUnaryOperatorReturnType(func, AsyncFunction.class, 0, 1,
                new int[] {1, 0}, in.getTransformation().getOutputTypeUnchecked(), "AsyncFunction");
        return in.addOperator("async wait operator", outType, new AsyncWaitDescription<>(func, timeoutMillis, capacity,
                mode == OutputMode.ORDERED, retryStrategy, in.getType()));
    }
}
