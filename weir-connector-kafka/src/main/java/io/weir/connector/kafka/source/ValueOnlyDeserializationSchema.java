package io.weir.connector.kafka.source;

import io.weir.api.common.serialization.DeserializationSchema;
import io.weir.api.functions.Collector;
import io.weir.api.types.TypeInformation;
import java.io.IOException;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A {@link KafkaRecordDeserializationSchema} that reads the value with a {@link DeserializationSchema}. */
final class ValueOnlyDeserializationSchema<T> implements KafkaRecordDeserializationSchema<T> {
    private static final long serialVersionUID = 1L;

    private final DeserializationSchema<T> valueSchema;

    ValueOnlyDeserializationSchema(DeserializationSchema<T> valueSchema) {
        this.valueSchema = java.util.Objects.requireNonNull(valueSchema, "value deserialization schema");
    }

    @Override
    public void open(DeserializationSchema.InitializationContext context) throws Exception {
        valueSchema.open(context);
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<T> out) throws IOException {
        valueSchema.deserialize(record.value(), out);
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return valueSchema.getProducedType();
    }

    @Override
    public String toString() {
        return "valueOnly(" + valueSchema.getClass().getName() + ")";
    }
}
