package io.weir.connector.kafka.table;

import io.weir.api.common.serialization.SerializationSchema;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import io.weir.connector.kafka.sink.KafkaRecordSerializationSchema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * Writes a table row as a Kafka record: the key fields in the key format (if any), the value fields
 * in the value format. In upsert mode a {@code -D} row is a tombstone (its key, no value) and
 * {@code -U} rows are not written (the {@code +U} after them overwrites the key); otherwise every row
 * is written as its value format says (a changelog format writes the kind into the value). Metadata
 * values after the table's columns give the record's {@code headers} and {@code timestamp}.
 */
final class RowRecordSerializer implements KafkaRecordSerializationSchema<Row> {
    private static final long serialVersionUID = 1L;

    private final String topic;
    private final RowLayout layout;
    private final SerializationSchema<Row> keyFormat;
    private final SerializationSchema<Row> valueFormat;
    private final boolean upsert;
    /** Positions in the row of the {@code headers} and {@code timestamp} metadata; -1 when not written. */
    private final int headersField;
    private final int timestampField;

    /** @param metadataKeys the writable metadata keys whose values follow the table's {@code arity} columns */
    RowRecordSerializer(String topic, RowLayout layout, SerializationSchema<Row> keyFormat,
            SerializationSchema<Row> valueFormat, boolean upsert, int arity, List<String> metadataKeys) {
        this.headersField = metadataKeys.contains("headers") ? arity + metadataKeys.indexOf("headers") : -1;
        this.timestampField = metadataKeys.contains("timestamp") ? arity + metadataKeys.indexOf("timestamp") : -1;
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
        Long recordTimestamp = timestamp;
        if (timestampField >= 0 && row.getField(timestampField) instanceof Instant instant) {
            recordTimestamp = instant.toEpochMilli();
        }
        return new ProducerRecord<>(topic, null, recordTimestamp, key, value, headers(row));
    }

    private List<Header> headers(Row row) {
        if (headersField < 0 || !(row.getField(headersField) instanceof Map<?, ?> map)) {
            return null;
        }
        List<Header> headers = new ArrayList<>(map.size());
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            headers.add(new RecordHeader((String) entry.getKey(), (byte[]) entry.getValue()));
        }
        return headers;
    }
}
