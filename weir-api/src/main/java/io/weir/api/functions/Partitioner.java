package io.weir.api.functions;

/**
 * Picks the downstream subtask for a key, for {@code DataStream.partitionCustom}. Unlike
 * {@code keyBy}, the stream after a custom partitioning is not keyed: the partitioner only decides
 * where each element goes.
 *
 * <p>Called on the producing task's thread for every element, so it should be cheap and must be
 * deterministic if a job's results are to be repeatable.
 */
@FunctionalInterface
public interface Partitioner<K> extends Function {
    /**
     * The index of the subtask, in {@code [0, numPartitions)}, that receives elements with {@code key};
     * any other value fails the job naming the partitioner.
     */
    int partition(K key, int numPartitions);
}
