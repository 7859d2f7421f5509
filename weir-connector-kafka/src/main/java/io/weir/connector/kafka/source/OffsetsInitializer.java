package io.weir.connector.kafka.source;

import java.io.Serializable;
import java.util.Collection;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;

/**
 * Where a {@link KafkaSource} starts reading each partition ({@link KafkaSourceBuilder#setStartingOffsets})
 * or where it stops in bounded mode ({@link KafkaSourceBuilder#setBounded}). The enumerator resolves
 * it to concrete offsets when it discovers a partition.
 *
 * <p>A stopping "latest" means the end of the partition at the time the partition is discovered,
 * not whatever arrives later.
 */
@SuppressWarnings("deprecation") // OffsetResetStrategy: the type Flink's OffsetsInitializer takes, so ports compile
public interface OffsetsInitializer extends Serializable {

    /** The concrete offset of every partition in {@code partitions}. */
    Map<TopicPartition, Long> getPartitionOffsets(Collection<TopicPartition> partitions,
            PartitionOffsetsRetriever partitionOffsetsRetriever);

    /** The consumer's {@code auto.offset.reset} for offsets that turn out to be out of range. */
    OffsetResetStrategy getAutoOffsetResetStrategy();

    /** The committed offsets of the consumer group; partitions without one fail the job. */
    static OffsetsInitializer committedOffsets() {
        return committedOffsets(OffsetResetStrategy.NONE);
    }

    /** The committed offsets of the consumer group; partitions without one start as {@code strategy} says. */
    static OffsetsInitializer committedOffsets(OffsetResetStrategy strategy) {
        return new PositionOffsetsInitializer(PositionOffsetsInitializer.Position.COMMITTED, strategy);
    }

    /** The first offset whose record's timestamp is at or after {@code timestamp} (ms); the end if there is none. */
    static OffsetsInitializer timestamp(long timestamp) {
        return new TimestampOffsetsInitializer(timestamp);
    }

    /** The beginning of each partition. */
    static OffsetsInitializer earliest() {
        return new PositionOffsetsInitializer(PositionOffsetsInitializer.Position.EARLIEST, OffsetResetStrategy.EARLIEST);
    }

    /** The end of each partition (only records that arrive later are read). */
    static OffsetsInitializer latest() {
        return new PositionOffsetsInitializer(PositionOffsetsInitializer.Position.LATEST, OffsetResetStrategy.LATEST);
    }

    /** The given offsets; partitions not in the map start at the beginning. */
    static OffsetsInitializer offsets(Map<TopicPartition, Long> offsets) {
        return offsets(offsets, OffsetResetStrategy.EARLIEST);
    }

    /** The given offsets; partitions not in the map start as {@code strategy} says. */
    static OffsetsInitializer offsets(Map<TopicPartition, Long> offsets, OffsetResetStrategy strategy) {
        return new SpecifiedOffsetsInitializer(offsets, strategy);
    }

    /** What an initializer may ask the cluster. Every call fails with a clear error after the source's timeout. */
    interface PartitionOffsetsRetriever {
        /** The consumer group's committed offsets; partitions without one are absent. */
        Map<TopicPartition, Long> committedOffsets(Collection<TopicPartition> partitions);

        Map<TopicPartition, Long> endOffsets(Collection<TopicPartition> partitions);

        Map<TopicPartition, Long> beginningOffsets(Collection<TopicPartition> partitions);

        /** Partitions without a record at or after their timestamp map to {@code null}. */
        Map<TopicPartition, OffsetAndTimestamp> offsetsForTimes(Map<TopicPartition, Long> timestampsToSearch);
    }
}
