package io.weir.api.functions.source;

import java.io.Serializable;
import java.util.Iterator;

/**
 * An iterator that can divide what is left of it into disjoint parts, one per parallel subtask
 * of a source ({@code StreamExecutionEnvironment.fromParallelCollection}). Together the parts
 * return the elements this iterator would return, each exactly once; the split iterator itself
 * is shipped to the subtasks, so it is {@link Serializable} and so are its parts.
 */
public abstract class SplittableIterator<T> implements Iterator<T>, Serializable {
    private static final long serialVersionUID = 1L;

    /** Divides the remaining elements into {@code numPartitions} iterators (some may be empty). */
    public abstract Iterator<T>[] split(int numPartitions);

    /** The most parts this iterator can be split into. */
    public abstract int getMaximumNumberOfSplits();

    /** Part {@code num} of {@link #split split(numPartitions)}. */
    public Iterator<T> getSplit(int num, int numPartitions) {
        if (numPartitions < 1 || num < 0 || num >= numPartitions) {
            throw new IllegalArgumentException("Cannot take part " + num + " of " + numPartitions
                    + ": numPartitions must be at least 1 and num in [0, numPartitions)");
        }
        return split(numPartitions)[num];
    }
}
