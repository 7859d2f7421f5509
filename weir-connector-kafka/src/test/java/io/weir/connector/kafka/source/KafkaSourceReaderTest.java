package io.weir.connector.kafka.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.api.common.serialization.SimpleStringSchema;
import io.weir.api.connector.source.InputStatus;
import io.weir.api.connector.source.ReaderOutput;
import io.weir.api.connector.source.SourceOutput;
import io.weir.api.connector.source.SourceReaderContext;
import io.weir.api.eventtime.Watermark;
import io.weir.api.functions.TaskInfo;
import io.weir.connector.kafka.KafkaBroker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The reader on its own, driven the way the source task drives it (poll, wait for availability),
 * for what jobs cannot show yet: its checkpoint snapshot and the offset commit on checkpoint
 * completion, which the runtime will call once its source readers take part in checkpoints.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class KafkaSourceReaderTest {
    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();

    /** What the task gives a reader: one subtask of one, and split requests are not expected. */
    private static final SourceReaderContext CONTEXT = new SourceReaderContext() {
        @Override
        public TaskInfo getTaskInfo() {
            return new TaskInfo() {
                public String getTaskName() {
                    return "reader";
                }

                public String getTaskNameWithSubtasks() {
                    return "reader (1/1)";
                }

                public int getIndexOfThisSubtask() {
                    return 0;
                }

                public int getNumberOfParallelSubtasks() {
                    return 1;
                }

                public int getMaxNumberOfParallelSubtasks() {
                    return 128;
                }

                public int getAttemptNumber() {
                    return 0;
                }
            };
        }

        @Override
        public void sendSplitRequest() {
            throw new AssertionError("a source without partition discovery asks for no splits");
        }

        @Override
        public int currentParallelism() {
            return 1;
        }
    };

    /** Collects the values a reader emits, whatever split output they go through. */
    private static final class CollectingOutput implements ReaderOutput<String> {
        final List<String> values = new ArrayList<>();

        public void collect(String record) {
            values.add(record);
        }

        public void collect(String record, long timestamp) {
            values.add(record);
        }

        public SourceOutput<String> createOutputForSplit(String splitId) {
            return this;
        }

        public void releaseOutputForSplit(String splitId) {}

        public void emitWatermark(Watermark watermark) {}

        public void markIdle() {}

        public void markActive() {}
    }

    private static void pollUntil(KafkaSourceReader<String> reader, CollectingOutput output, int count)
            throws Exception {
        while (output.values.size() < count) {
            if (reader.pollNext(output) == InputStatus.NOTHING_AVAILABLE) {
                reader.isAvailable().get(30, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void commitsTheSnapshottedOffsetsWhenTheCheckpointCompletes() throws Exception {
        KAFKA.createTopic("commit", 1);
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            records.add(new ProducerRecord<>("commit", 0, null, "v" + i));
        }
        KAFKA.produce(records);
        KafkaSource<String> source = KafkaSource.<String>builder().setBootstrapServers(KAFKA.bootstrapServers()).setProperties(KAFKA.clientTimeouts())
                .setTopics("commit").setGroupId("reader-commits").setValueOnlyDeserializer(new SimpleStringSchema())
                .setProperty("partition.discovery.interval.ms", "-1").build();
        TopicPartition partition = new TopicPartition("commit", 0);

        try (KafkaSourceReader<String> reader = (KafkaSourceReader<String>) source.createReader(CONTEXT)) {
            reader.start();
            reader.addSplits(List.of(new KafkaPartitionSplit(partition, 3)));
            CollectingOutput output = new CollectingOutput();
            pollUntil(reader, output, 7);
            assertEquals(List.of("v3", "v4", "v5", "v6", "v7", "v8", "v9"), output.values);

            List<KafkaPartitionSplit> snapshot = reader.snapshotState(42);
            assertEquals(List.of(new KafkaPartitionSplit(partition, 10)), snapshot, "the next offset to read");
            reader.notifyCheckpointComplete(42);
            reader.lastCommit().get(30, TimeUnit.SECONDS);
        }
        Map<TopicPartition, OffsetAndMetadata> committed = KAFKA.admin().listConsumerGroupOffsets("reader-commits")
                .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        assertEquals(10, committed.get(partition).offset());
    }

    @Test
    void enumeratorStateSurvivesItsSerializer() throws Exception {
        KafkaSourceEnumStateSerializer serializer = new KafkaSourceEnumStateSerializer();
        KafkaSourceEnumState state = new KafkaSourceEnumState(
                java.util.Set.of(new TopicPartition("a", 0), new TopicPartition("a", 1), new TopicPartition("b c", 7)));
        assertEquals(state, serializer.deserialize(serializer.getVersion(), serializer.serialize(state)));
    }

    @Test
    void splitsSurviveTheirSerializer() throws Exception {
        KafkaPartitionSplitSerializer serializer = new KafkaPartitionSplitSerializer();
        for (KafkaPartitionSplit split : List.of(new KafkaPartitionSplit(new TopicPartition("t", 3), 17),
                new KafkaPartitionSplit(new TopicPartition("other topic", 0), 0, 99))) {
            assertEquals(split, serializer.deserialize(serializer.getVersion(), serializer.serialize(split)));
        }
    }
}
