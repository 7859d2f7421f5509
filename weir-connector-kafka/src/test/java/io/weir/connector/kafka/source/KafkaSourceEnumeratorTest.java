package io.weir.connector.kafka.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The owner rule: which reader gets a partition. */
class KafkaSourceEnumeratorTest {

    @Test
    void consecutivePartitionsGoRoundRobinFromATopicsFirstReader() {
        int readers = 3;
        int first = KafkaSourceEnumerator.ownerOf(new TopicPartition("orders", 0), readers);
        List<Integer> owners = new ArrayList<>();
        for (int p = 0; p < 7; p++) {
            owners.add(KafkaSourceEnumerator.ownerOf(new TopicPartition("orders", p), readers));
        }
        List<Integer> expected = new ArrayList<>();
        for (int p = 0; p < 7; p++) {
            expected.add((first + p) % readers);
        }
        assertEquals(expected, owners);
    }

    @Test
    void anOwnerDependsOnlyOnTheTopicThePartitionAndTheParallelism() {
        for (String topic : List.of("a", "orders", "a-very-long-topic-name-with-a-negative-hash?")) {
            for (int readers = 1; readers <= 5; readers++) {
                for (int p = 0; p < 10; p++) {
                    int owner = KafkaSourceEnumerator.ownerOf(new TopicPartition(topic, p), readers);
                    assertEquals(owner, KafkaSourceEnumerator.ownerOf(new TopicPartition(topic, p), readers));
                    assertEquals(true, owner >= 0 && owner < readers, topic + "-" + p + " -> " + owner);
                }
            }
        }
    }
}
