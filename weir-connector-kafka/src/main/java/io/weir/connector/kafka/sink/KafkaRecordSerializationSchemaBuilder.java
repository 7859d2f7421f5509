package io.weir.connector.kafka.sink;

import io.weir.api.common.serialization.SerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Builds the usual {@link KafkaRecordSerializationSchema}: a topic (fixed or per record), a value
 * schema, and optionally a key schema. Records keep their event timestamp, if they have one.
 *
 * <pre>{@code
 * KafkaRecordSerializationSchema.builder()
 *         .setTopic("output")
 *         .setValueSerializationSchema(new SimpleStringSchema())
 *         .build();
 * }</pre>
 *
 * @param <IN> the records written
 */
public final class KafkaRecordSerializationSchemaBuilder<IN> {
    private TopicSelector<? super IN> topicSelector;
    private SerializationSchema<? super IN> valueSchema;
    private SerializationSchema<? super IN> keySchema;

    KafkaRecordSerializationSchemaBuilder() {}

    public KafkaRecordSerializationSchemaBuilder<IN> setTopic(String topic) {
        java.util.Objects.requireNonNull(topic, "topic");
        return setTopicSelector(element -> topic);
    }

    public KafkaRecordSerializationSchemaBuilder<IN> setTopicSelector(TopicSelector<? super IN> topicSelector) {
        if (this.topicSelector != null) {
            throw new IllegalStateException("The topic is already set; use only one of setTopic and setTopicSelector.");
        }
        this.topicSelector = topicSelector;
        return this;
    }

    @SuppressWarnings("unchecked")
    public <T extends IN> KafkaRecordSerializationSchemaBuilder<T> setValueSerializationSchema(
            SerializationSchema<T> valueSerializationSchema) {
        KafkaRecordSerializationSchemaBuilder<T> self = (KafkaRecordSerializationSchemaBuilder<T>) this;
        self.valueSchema = valueSerializationSchema;
        return self;
    }

    @SuppressWarnings("unchecked")
    public <T extends IN> KafkaRecordSerializationSchemaBuilder<T> setKeySerializationSchema(
            SerializationSchema<T> keySerializationSchema) {
        KafkaRecordSerializationSchemaBuilder<T> self = (KafkaRecordSerializationSchemaBuilder<T>) this;
        self.keySchema = keySerializationSchema;
        return self;
    }

    public KafkaRecordSerializationSchema<IN> build() {
        if (topicSelector == null) {
            throw new IllegalStateException("Cannot build the KafkaRecordSerializationSchema: no topic; call setTopic(...)"
                    + " or setTopicSelector(...).");
        }
        if (valueSchema == null) {
            throw new IllegalStateException("Cannot build the KafkaRecordSerializationSchema: no value schema; call"
                    + " setValueSerializationSchema(new SimpleStringSchema()) or another SerializationSchema.");
        }
        return new TopicKeyValueSchema<>(topicSelector, keySchema, valueSchema);
    }

    /** The schema built here: topic from the selector, key and value from their schemas. */
    private record TopicKeyValueSchema<IN>(TopicSelector<? super IN> topicSelector,
            SerializationSchema<? super IN> keySchema, SerializationSchema<? super IN> valueSchema)
            implements KafkaRecordSerializationSchema<IN> {
        @Override
        public void open(SerializationSchema.InitializationContext context, KafkaSinkContext sinkContext)
                throws Exception {
            valueSchema.open(context);
            if (keySchema != null) {
                keySchema.open(context);
            }
        }

        @Override
        public ProducerRecord<byte[], byte[]> serialize(IN element, KafkaSinkContext context, Long timestamp) {
            String topic = topicSelector.apply(element);
            byte[] key = keySchema == null ? null : keySchema.serialize(element);
            byte[] value = valueSchema.serialize(element);
            Long kafkaTimestamp = timestamp == null || timestamp < 0 ? null : timestamp;
            return new ProducerRecord<>(topic, null, kafkaTimestamp, key, value);
        }
    }
}
