package io.weir.api.transformations;

import io.weir.api.functions.OutputTag;
import io.weir.api.functions.ProcessJoinFunction;
import io.weir.api.types.TypeInformation;
import java.util.Objects;

/**
 * {@code keyedStream.intervalJoin(other).between(lower, upper)...process(function)}: joins a left
 * element at {@code l} with right elements at {@code r} of the same key where
 * {@code l + lowerBound <= r <= l + upperBound}, each bound exclusive on request.
 *
 * @param leftLateDataOutputTag side output for late left elements, or {@code null} to drop them
 * @param rightLateDataOutputTag side output for late right elements, or {@code null} to drop them
 */
public record IntervalJoinDescription<T1, T2, OUT>(long lowerBound, long upperBound, boolean lowerBoundInclusive,
        boolean upperBoundInclusive, OutputTag<T1> leftLateDataOutputTag, OutputTag<T2> rightLateDataOutputTag,
        TypeInformation<T1> leftType, TypeInformation<T2> rightType, ProcessJoinFunction<T1, T2, OUT> function)
        implements OperatorDescription {
    public IntervalJoinDescription {
        Objects.requireNonNull(function, "user function");
        long lower = inclusiveLowerBound(lowerBound, lowerBoundInclusive);
        if (lower > inclusiveUpperBound(upperBound, upperBoundInclusive)) {
            throw new IllegalArgumentException("The interval join bounds [" + lowerBound + ", " + upperBound + "]"
                    + (lowerBoundInclusive ? "" : " (lower exclusive)")
                    + (upperBoundInclusive ? "" : " (upper exclusive)")
                    + " contain no time: the lower bound must not be above the upper bound.");
        }
    }

    /** The lower bound made inclusive (timestamps are whole milliseconds). */
    public long inclusiveLowerBound() {
        return inclusiveLowerBound(lowerBound, lowerBoundInclusive);
    }

    /** The upper bound made inclusive. */
    public long inclusiveUpperBound() {
        return inclusiveUpperBound(upperBound, upperBoundInclusive);
    }

    private static long inclusiveLowerBound(long bound, boolean inclusive) {
        return inclusive ? bound : bound + 1;
    }

    private static long inclusiveUpperBound(long bound, boolean inclusive) {
        return inclusive ? bound : bound - 1;
    }
}
