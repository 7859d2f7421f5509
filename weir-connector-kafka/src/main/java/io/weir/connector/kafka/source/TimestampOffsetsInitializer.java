package io.weir.connector.kafka.source;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;

/** The first record at or after a timestamp; partitions without such a record start (or stop) at their end. */
@SuppressWarnings("deprecation")
record TimestampOffsetsInitializer(long timestamp) implements OffsetsInitializer {
    @Override
    public Map<TopicPartition, Long> getPartitionOffsets(Collection<TopicPartition> partitions,
            PartitionOffsetsRetriever retriever) {
        Map<TopicPartition, Long> search = new HashMap<>();
        partitions.forEach(partition -> search.put(partition, timestamp));
        Map<TopicPartition, Long> result = new HashMap<>();
        List<TopicPartition> noneAtOrAfter = new ArrayList<>();
        retriever.offsetsForTimes(search).forEach((partition, found) -> {
            if (found == null) {
                noneAtOrAfter.add(partition);
            } else {
                result.put(partition, found.offset());
            }
        });
        if (!noneAtOrAfter.isEmpty()) {
            result.putAll(retriever.endOffsets(noneAtOrAfter));
        }
        return result;
    }

    @Override
    public OffsetResetStrategy getAutoOffsetResetStrategy() {
        return OffsetResetStrategy.LATEST;
    }
}
