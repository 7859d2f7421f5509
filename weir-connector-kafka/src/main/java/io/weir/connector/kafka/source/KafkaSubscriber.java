package io.weir.connector.kafka.source;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.common.TopicPartition;

/** Which partitions a {@link KafkaSource} reads: named topics, topics matching a pattern, or given partitions. */
sealed interface KafkaSubscriber extends Serializable {

    /** The partitions subscribed to now (asked again at every partition discovery). */
    Set<TopicPartition> subscribedPartitions(ClusterMetadata cluster);

    /** Every partition of the named topics; a missing topic fails. */
    record Topics(List<String> topics) implements KafkaSubscriber {
        public Topics {
            topics = List.copyOf(topics);
        }

        @Override
        public Set<TopicPartition> subscribedPartitions(ClusterMetadata cluster) {
            return cluster.partitionsOf(topics);
        }
    }

    /** Every partition of every topic whose whole name matches. */
    record TopicPattern(Pattern pattern) implements KafkaSubscriber {
        @Override
        public Set<TopicPartition> subscribedPartitions(ClusterMetadata cluster) {
            List<String> matching = new ArrayList<>();
            for (String topic : cluster.topicNames()) {
                if (pattern.matcher(topic).matches()) {
                    matching.add(topic);
                }
            }
            return matching.isEmpty() ? Set.of() : cluster.partitionsOf(matching);
        }
    }

    /** Exactly the given partitions; one that does not exist fails. */
    record Partitions(Set<TopicPartition> partitions) implements KafkaSubscriber {
        public Partitions {
            partitions = new HashSet<>(partitions);
        }

        @Override
        public Set<TopicPartition> subscribedPartitions(ClusterMetadata cluster) {
            Set<String> topics = new HashSet<>();
            partitions.forEach(p -> topics.add(p.topic()));
            Set<TopicPartition> existing = cluster.partitionsOf(topics);
            Set<TopicPartition> missing = new HashSet<>(partitions);
            missing.removeAll(existing);
            if (!missing.isEmpty()) {
                throw new IllegalStateException("The Kafka source was given partitions that do not exist: " + missing
                        + "; the topics have " + existing);
            }
            return new HashSet<>(partitions);
        }
    }
}
