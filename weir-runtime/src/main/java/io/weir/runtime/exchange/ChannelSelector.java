package io.weir.runtime.exchange;

import io.weir.api.functions.KeySelector;
import io.weir.api.transformations.CustomPartitioning;
import io.weir.api.transformations.Exchange;
import io.weir.runtime.state.KeyGroupAssignment;
import java.util.SplittableRandom;

/**
 * Picks the consumer subtask for a record, per exchange type. BROADCAST is handled by the writer
 * (every connected consumer gets the record), so it has no selector.
 *
 * <p>Threading: used by the producer's task thread only.
 */
public abstract class ChannelSelector<T> {

    /** The index, among all consumer subtasks, of the one that gets {@code value}. */
    public abstract int select(T value) throws Exception;

    /**
     * The selector for an exchange.
     *
     * @param connected the consumer subtasks this producer writes to, ascending
     * @param numConsumers the consumer's parallelism
     */
    @SuppressWarnings("unchecked")
    public static <T> ChannelSelector<T> create(Exchange exchange, KeySelector<?, ?> keySelector, int[] connected,
            int numConsumers, int consumerMaxParallelism, long seed) {
        switch (exchange) {
            case FORWARD:
            case GLOBAL:
                return new Fixed<>(connected[0]);
            case REBALANCE:
            case RESCALE:
                return new RoundRobin<>(connected, new SplittableRandom(seed).nextInt(connected.length));
            case SHUFFLE:
                return new Random<>(connected, new SplittableRandom(seed));
            case HASH:
                if (numConsumers == 1) {
                    // one consumer owns every key group: the key is needed only there (which checks it)
                    return new Fixed<>(connected[0]);
                }
                return new ByKeyGroup<>((KeySelector<T, ?>) keySelector, numConsumers, consumerMaxParallelism);
            case CUSTOM:
                return new ByUserPartitioner<>((CustomPartitioning<T, ?>) keySelector, numConsumers);
            default:
                throw new IllegalArgumentException("No channel selector for " + exchange);
        }
    }

    private static final class Fixed<T> extends ChannelSelector<T> {
        private final int target;

        Fixed(int target) {
            this.target = target;
        }

        @Override
        public int select(T value) {
            return target;
        }
    }

    private static final class RoundRobin<T> extends ChannelSelector<T> {
        private final int[] targets;
        private int next;

        RoundRobin(int[] targets, int start) {
            this.targets = targets;
            this.next = start;
        }

        @Override
        public int select(T value) {
            int t = targets[next];
            if (++next == targets.length) {
                next = 0;
            }
            return t;
        }
    }

    private static final class Random<T> extends ChannelSelector<T> {
        private final int[] targets;
        private final SplittableRandom random;

        Random(int[] targets, SplittableRandom random) {
            this.targets = targets;
            this.random = random;
        }

        @Override
        public int select(T value) {
            return targets[random.nextInt(targets.length)];
        }
    }

    /**
     * Routes by key group. With a power-of-two {@code maxParallelism} (the default, 128) the key group
     * is a mask of the hash and its owner a shift, without integer divisions.
     */
    private static final class ByKeyGroup<T> extends ChannelSelector<T> {
        private final KeySelector<T, ?> keySelector;
        private final int parallelism;
        private final int maxParallelism;
        /** log2 of {@code maxParallelism} when it is a power of two, else -1. */
        private final int keyGroupBits;

        ByKeyGroup(KeySelector<T, ?> keySelector, int parallelism, int maxParallelism) {
            this.keySelector = keySelector;
            this.parallelism = parallelism;
            this.maxParallelism = maxParallelism;
            this.keyGroupBits = Integer.bitCount(maxParallelism) == 1 ? Integer.numberOfTrailingZeros(maxParallelism) : -1;
        }

        @Override
        public int select(T value) throws Exception {
            Object key = keySelector.getKey(value);
            if (key == null) {
                throw new NullPointerException("The KeySelector returned null for " + value
                        + ": keys must not be null.");
            }
            int keyGroup = KeyGroupAssignment.assignToKeyGroup(key, maxParallelism);
            return keyGroupBits >= 0 ? keyGroup * parallelism >>> keyGroupBits
                    : KeyGroupAssignment.operatorIndexForKeyGroup(maxParallelism, parallelism, keyGroup);
        }
    }

    private static final class ByUserPartitioner<T> extends ChannelSelector<T> {
        private final CustomPartitioning<T, ?> partitioning;
        private final int parallelism;

        ByUserPartitioner(CustomPartitioning<T, ?> partitioning, int parallelism) {
            this.partitioning = partitioning;
            this.parallelism = parallelism;
        }

        @Override
        public int select(T value) throws Exception {
            return partitioning.partition(value, parallelism);
        }
    }
}
