package io.weir.connector.kafka.source;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;

/** Earliest, latest, or the group's committed offsets with a fallback for partitions that have none. */
@SuppressWarnings("deprecation")
record PositionOffsetsInitializer(Position position, OffsetResetStrategy resetStrategy) implements OffsetsInitializer {
    enum Position { EARLIEST, LATEST, COMMITTED }

    @Override
    public Map<TopicPartition, Long> getPartitionOffsets(Collection<TopicPartition> partitions,
            PartitionOffsetsRetriever retriever) {
        switch (position) {
            case EARLIEST:
                return retriever.beginningOffsets(partitions);
            case LATEST:
                return retriever.endOffsets(partitions);
            default:
                Map<TopicPartition, Long> offsets = new HashMap<>(retriever.committedOffsets(partitions));
                List<TopicPartition> missing = new ArrayList<>(partitions);
                missing.removeAll(offsets.keySet());
                offsets.putAll(fallback(missing, resetStrategy, retriever, "no committed offset"));
                return offsets;
        }
    }

    /** Offsets for partitions the initializer has none for, as the reset strategy says. */
    static Map<TopicPartition, Long> fallback(Collection<TopicPartition> partitions, OffsetResetStrategy strategy,
            PartitionOffsetsRetriever retriever, String why) {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        switch (strategy) {
            case EARLIEST:
                return retriever.beginningOffsets(partitions);
            case LATEST:
                return retriever.endOffsets(partitions);
            default:
                throw new IllegalStateException("The Kafka source has " + why + " for partitions " + partitions
                        + " and its reset strategy is NONE. Commit offsets for the group first, or start with"
                        + " OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST) (or LATEST).");
        }
    }

    @Override
    public OffsetResetStrategy getAutoOffsetResetStrategy() {
        return resetStrategy;
    }
}
