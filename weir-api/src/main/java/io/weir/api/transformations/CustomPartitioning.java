package io.weir.api.transformations;

import io.weir.api.functions.KeySelector;
import io.weir.api.functions.Partitioner;

/**
 * The routing of a {@link Exchange#CUSTOM} exchange: the key of an element, and the user's
 * partitioner that maps it to a subtask. It travels where a HASH exchange carries its key selector
 * (hence it is one), so the graph needs no second field for it; only the channel selector of a
 * CUSTOM exchange calls {@link #partition}.
 */
public record CustomPartitioning<T, K>(Partitioner<K> partitioner, KeySelector<T, K> keySelector)
        implements KeySelector<T, K> {

    @Override
    public K getKey(T value) throws Exception {
        return keySelector.getKey(value);
    }

    /** The subtask for {@code value}; fails with the partitioner's name if it answers out of range. */
    public int partition(T value, int numPartitions) throws Exception {
        int target = partitioner.partition(keySelector.getKey(value), numPartitions);
        if (target < 0 || target >= numPartitions) {
            throw new IllegalStateException("Partitioner " + partitioner.getClass().getName() + " returned partition "
                    + target + " for element " + value + "; partitionCustom needs a partition in [0, "
                    + numPartitions + ") (the parallelism of the next operator).");
        }
        return target;
    }
}
