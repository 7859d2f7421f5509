package io.weir.connector.kafka.sink;

import io.weir.api.common.serialization.SerializationSchema;
import java.io.Serializable;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Turns a record into the Kafka record the {@link KafkaSink} sends: topic, optional partition,
 * key, value, timestamp and headers. Most jobs build one with {@link #builder()}.
 *
 * @param <T> the records written
 */
public interface KafkaRecordSerializationSchema<T> extends Serializable {

    /** Called once per writer before the first record, on the writer's task thread. */
    default void open(SerializationSchema.InitializationContext context, KafkaSinkContext sinkContext) throws Exception {}

    /**
     * The Kafka record for {@code element}, or {@code null} to write nothing for it.
     *
     * @param timestamp the element's event timestamp, or {@code null} if it has none
     */
    ProducerRecord<byte[], byte[]> serialize(T element, KafkaSinkContext context, Long timestamp);

    static <T> KafkaRecordSerializationSchemaBuilder<T> builder() {
        return new KafkaRecordSerializationSchemaBuilder<>();
    }

    /** What a serialization schema can learn about the writer and the cluster. */
    interface KafkaSinkContext {
        int getParallelInstanceId();

        int getNumberOfParallelInstances();

        /** The partition numbers of {@code topic}, as the producer's metadata knows them. */
        int[] getPartitionsForTopic(String topic);
    }
}
