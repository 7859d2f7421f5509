package io.weir.connector.kafka.source;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;

/** Offsets given per partition; partitions not given start as the reset strategy says. */
@SuppressWarnings("deprecation")
record SpecifiedOffsetsInitializer(Map<TopicPartition, Long> offsets, OffsetResetStrategy resetStrategy)
        implements OffsetsInitializer {
    SpecifiedOffsetsInitializer {
        offsets = new HashMap<>(offsets);
        offsets.forEach((partition, offset) -> {
            if (offset == null || offset < 0) {
                throw new IllegalArgumentException("OffsetsInitializer.offsets: the offset of " + partition
                        + " must be >= 0, got " + offset);
            }
        });
    }

    @Override
    public Map<TopicPartition, Long> getPartitionOffsets(Collection<TopicPartition> partitions,
            PartitionOffsetsRetriever retriever) {
        Map<TopicPartition, Long> result = new HashMap<>();
        List<TopicPartition> missing = new ArrayList<>();
        for (TopicPartition partition : partitions) {
            Long offset = offsets.get(partition);
            if (offset != null) {
                result.put(partition, offset);
            } else {
                missing.add(partition);
            }
        }
        result.putAll(PositionOffsetsInitializer.fallback(missing, resetStrategy, retriever, "no specified offset"));
        return result;
    }

    @Override
    public OffsetResetStrategy getAutoOffsetResetStrategy() {
        return resetStrategy;
    }
}
