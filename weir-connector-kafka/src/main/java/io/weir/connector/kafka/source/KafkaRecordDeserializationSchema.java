package io.weir.connector.kafka.source;

import io.weir.api.common.serialization.DeserializationSchema;
import io.weir.api.functions.Collector;
import io.weir.api.types.ResultTypeQueryable;
import java.io.IOException;
import java.io.Serializable;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Turns a whole Kafka record (key, value, headers, topic, partition, offset, timestamp) into zero
 * or more records. Throw an {@link IOException} for a record that cannot be read: the source adds
 * its topic, partition and offset and fails the job.
 *
 * @param <T> the records produced
 */
public interface KafkaRecordDeserializationSchema<T> extends Serializable, ResultTypeQueryable<T> {

    /** Called once per reader before the first record, on the reader's task thread. */
    default void open(DeserializationSchema.InitializationContext context) throws Exception {}

    void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<T> out) throws IOException;

    /** Reads only the record's value, with {@code valueDeserializationSchema}. */
    static <V> KafkaRecordDeserializationSchema<V> valueOnly(DeserializationSchema<V> valueDeserializationSchema) {
        return new ValueOnlyDeserializationSchema<>(valueDeserializationSchema);
    }
}
