package io.weir.connector.kafka.table;

import io.weir.api.common.serialization.DeserializationSchema;
import io.weir.api.functions.Collector;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import io.weir.api.types.TypeInformation;
import io.weir.connector.kafka.source.KafkaRecordDeserializationSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads a Kafka record into table rows: the value (in the value format) gives the value columns, the
 * key (in the key format, if the table has key fields) the key columns. In upsert mode a record
 * without a value (a tombstone) is a delete of its key. A record that cannot be read throws; the
 * table wraps this in a {@link io.weir.connector.kafka.source.BadRecordHandlingDeserializer} for its
 * {@code scan.bad-record.policy}.
 */
final class RowRecordDeserializer implements KafkaRecordDeserializationSchema<Row> {
    private static final long serialVersionUID = 1L;

    private final TypeInformation<Row> rowType;
    private final RowLayout layout;
    private final DeserializationSchema<Row> keyFormat;
    private final DeserializationSchema<Row> valueFormat;
    private final boolean upsert;
    private final KafkaMetadata metadata;

    RowRecordDeserializer(TypeInformation<Row> rowType, RowLayout layout, DeserializationSchema<Row> keyFormat,
            DeserializationSchema<Row> valueFormat, boolean upsert) {
        this(rowType, layout, keyFormat, valueFormat, upsert, new KafkaMetadata(List.of()));
    }

    /** @param metadata the metadata appended to each row; {@code rowType} includes its fields */
    RowRecordDeserializer(TypeInformation<Row> rowType, RowLayout layout, DeserializationSchema<Row> keyFormat,
            DeserializationSchema<Row> valueFormat, boolean upsert, KafkaMetadata metadata) {
        this.metadata = metadata;
        this.rowType = rowType;
        this.layout = layout;
        this.keyFormat = keyFormat;
        this.valueFormat = valueFormat;
        this.upsert = upsert;
    }

    @Override
    public void open(DeserializationSchema.InitializationContext context) throws Exception {
        if (keyFormat != null) {
            keyFormat.open(context);
        }
        valueFormat.open(context);
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Row> out) throws IOException {
        List<Row> rows = new ArrayList<>(2);
        read(record, rows);
        for (Row row : rows) {
            out.collect(metadata.isEmpty() ? row : metadata.append(row, record));
        }
    }

    private void read(ConsumerRecord<byte[], byte[]> record, List<Row> rows) throws IOException {
        Row key = null;
        if (keyFormat != null) {
            if (record.key() == null) {
                throw new IOException("the record has no key, and the table reads its key fields from it");
            }
            key = keyFormat.deserialize(record.key());
            if (key == null) {
                return; // the key format skipped it (its ignore-parse-errors)
            }
        }
        if (upsert && record.value() == null) {
            rows.add(layout.join(RowKind.DELETE, key, null));
            return;
        }
        Row fixedKey = key;
        valueFormat.deserialize(record.value(), new Collector<>() {
            @Override
            public void collect(Row value) {
                rows.add(layout.join(upsert ? RowKind.UPDATE_AFTER : value.getKind(), fixedKey, value));
            }

            @Override
            public void close() {}
        });
    }

    @Override
    public TypeInformation<Row> getProducedType() {
        return rowType;
    }

    @Override
    public String toString() {
        return valueFormat.toString();
    }
}
