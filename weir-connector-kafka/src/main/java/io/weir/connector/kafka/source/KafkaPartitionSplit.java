package io.weir.connector.kafka.source;

import io.weir.api.connector.source.SourceSplit;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;

/**
 * One Kafka partition as a split: where reading starts (a concrete offset, resolved by the
 * enumerator from the source's {@link OffsetsInitializer}) and, in bounded mode, the offset at
 * which it ends (exclusive). A reader's snapshot is the same split with the starting offset moved
 * to the next record to read, so splits are also what a checkpoint stores.
 */
public final class KafkaPartitionSplit implements SourceSplit {
    /** The stopping offset of a split that never ends. */
    public static final long NO_STOPPING_OFFSET = Long.MIN_VALUE;

    private final TopicPartition topicPartition;
    private final long startingOffset;
    private final long stoppingOffset;

    public KafkaPartitionSplit(TopicPartition topicPartition, long startingOffset) {
        this(topicPartition, startingOffset, NO_STOPPING_OFFSET);
    }

    public KafkaPartitionSplit(TopicPartition topicPartition, long startingOffset, long stoppingOffset) {
        if (startingOffset < 0) {
            throw new IllegalArgumentException("The starting offset of " + topicPartition + " must be a concrete offset"
                    + " (>= 0), got " + startingOffset);
        }
        this.topicPartition = Objects.requireNonNull(topicPartition, "topicPartition");
        this.startingOffset = startingOffset;
        this.stoppingOffset = stoppingOffset;
    }

    public String getTopic() {
        return topicPartition.topic();
    }

    public int getPartition() {
        return topicPartition.partition();
    }

    public TopicPartition getTopicPartition() {
        return topicPartition;
    }

    /** The offset of the first record to read. */
    public long getStartingOffset() {
        return startingOffset;
    }

    /** The offset at which reading ends (exclusive), if the split is bounded. */
    public Optional<Long> getStoppingOffset() {
        return stoppingOffset == NO_STOPPING_OFFSET ? Optional.empty() : Optional.of(stoppingOffset);
    }

    long stoppingOffsetOrNone() {
        return stoppingOffset;
    }

    /** {@code topic-partition}, unique within one source. */
    @Override
    public String splitId() {
        return topicPartition.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KafkaPartitionSplit other && topicPartition.equals(other.topicPartition)
                && startingOffset == other.startingOffset && stoppingOffset == other.stoppingOffset;
    }

    @Override
    public int hashCode() {
        return Objects.hash(topicPartition, startingOffset, stoppingOffset);
    }

    @Override
    public String toString() {
        return "KafkaPartitionSplit{" + topicPartition + ", start=" + startingOffset
                + (stoppingOffset == NO_STOPPING_OFFSET ? "" : ", stop=" + stoppingOffset) + "}";
    }
}
