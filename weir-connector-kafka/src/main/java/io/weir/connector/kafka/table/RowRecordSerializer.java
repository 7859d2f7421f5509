package io.weir.connector.kafka.table;

import io.weir.api.common.serialization.SerializationSchema;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import io.weir.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes a table row as a Kafka record: the key fields in the key format (if any), the value fields
 * in the value format. In upsert mode a {@code -D} row is a tombstone (its key, no value) and
 * {@code -U} rows are not written (the {@code +U} after them overwrites the key); otherwise every row
 * is written as its value format says (a changelog format writes the kind into the value).
 */
final class RowRecordSerializer implements KafkaRecordSerializationSchema<Row> {
    private static final long serialVersionUID = 1L;

    private final String topic;
    private final RowLayout layout;
    private final SerializationSchema<Row> keyFormat;
    private final SerializationSchema<Row> valueFormat;
    private final boolean upsert;

    RowRecordSerializer(String topic, RowLayout layout, SerializationSchema<Row> keyFormat,
            SerializationSchema<Row> valueFormat, boolean upsert) {
        this.topic = topic;
        this.layout = layout;
        this.keyFormat = keyFormat;
        this.valueFormat = valueFormat;
        this.upsert = upsert;
    }

    @Override
    public void open(SerializationSchema.InitializationContext context, KafkaSinkContext sinkContext) throws Exception {
        if (keyFormat != null) {
            keyFormat.open(context);
        }
        valueFormat.open(context);
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(Row row, KafkaSinkContext context, Long timestamp) {
        if (upsert && row.getKind() == RowKind.UPDATE_BEFORE) {
            return null;
        }
        byte[] key = keyFormat == null ? null : keyFormat.serialize(layout.key(row));
        byte[] value = upsert && row.getKind() == RowKind.DELETE ? null : valueFormat.serialize(layout.value(row));
        return new ProducerRecord<>(topic, null, timestamp, key, value);
    }
}
