package io.weir.api.accumulators;

import java.io.Serializable;

/**
 * A value that each parallel subtask adds to locally and that the JobMaster merges over all
 * subtasks: counters, histograms, lists of samples. Register one in a rich function's
 * {@code open()} with {@code getRuntimeContext().addAccumulator(name, accumulator)}; read the merged
 * result from {@code JobExecutionResult.getAccumulatorResult(name)}, or while the job runs from
 * {@code JobClient.getAccumulators()}.
 *
 * <p>An accumulator is used by one thread: the function that registered it. The runtime reports a
 * {@link #clone()} of it, so {@code clone} must copy the local value deeply enough that later
 * {@code add} calls do not change the copy.
 *
 * @param <V> the type of the values added
 * @param <R> the type of the result, which must be serializable
 */
public interface Accumulator<V, R extends Serializable> extends Serializable, Cloneable {
    /** Adds a value to the local value of this subtask. */
    void add(V value);

    /** This subtask's value. */
    R getLocalValue();

    void resetLocal();

    /** Merges another subtask's accumulator of the same type into this one. */
    void merge(Accumulator<V, R> other);

    /** A copy whose value is independent of this accumulator's later changes. */
    Accumulator<V, R> clone();
}
