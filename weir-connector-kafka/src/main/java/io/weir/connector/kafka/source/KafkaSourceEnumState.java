package io.weir.connector.kafka.source;

import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * What the enumerator of a {@link KafkaSource} knows that the readers do not: the partitions it has
 * already assigned, so a restored enumerator does not assign them again.
 */
public record KafkaSourceEnumState(Set<TopicPartition> assignedPartitions) {
    public KafkaSourceEnumState {
        assignedPartitions = Set.copyOf(assignedPartitions);
    }
}
