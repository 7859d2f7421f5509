package io.weir.connector.kafka.table;

import io.weir.api.common.serialization.DeserializationSchema;
import io.weir.api.connector.source.BadRecordPolicy;
import io.weir.api.functions.Collector;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import io.weir.api.types.TypeInformation;
import io.weir.connector.kafka.source.KafkaRecordDeserializationSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Reads a Kafka record into table rows: the value (in the value format) gives the value columns, the
 * key (in the key format, if the table has key fields) the key columns. In upsert mode a record
 * without a value (a tombstone) is a delete of its key. A record that cannot be read follows the
 * table's bad-record policy: fail (the reader names topic, partition and offset), skip (logged and
 * counted), or dead-letter: the record, unchanged, is written to the dead-letter topic (with headers
 * saying where it came from and why) before the source moves past it.
 */
final class RowRecordDeserializer implements KafkaRecordDeserializationSchema<Row> {
    private static final long serialVersionUID = 1L;
    private static final System.Logger LOG = System.getLogger(RowRecordDeserializer.class.getName());

    private final TypeInformation<Row> rowType;
    private final RowLayout layout;
    private final DeserializationSchema<Row> keyFormat;
    private final DeserializationSchema<Row> valueFormat;
    private final boolean upsert;
    private final BadRecordPolicy policy;
    private final String deadLetterTopic;
    private final Properties producerProperties;
    private transient long skipped;

    RowRecordDeserializer(TypeInformation<Row> rowType, RowLayout layout, DeserializationSchema<Row> keyFormat,
            DeserializationSchema<Row> valueFormat, boolean upsert, BadRecordPolicy policy, String deadLetterTopic,
            Properties producerProperties) {
        this.rowType = rowType;
        this.layout = layout;
        this.keyFormat = keyFormat;
        this.valueFormat = valueFormat;
        this.upsert = upsert;
        this.policy = policy;
        this.deadLetterTopic = deadLetterTopic;
        this.producerProperties = producerProperties;
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
        try {
            read(record, rows);
        } catch (IOException | RuntimeException e) {
            handleBadRecord(record, e);
            return;
        }
        for (Row row : rows) {
            out.collect(row);
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

    private void handleBadRecord(ConsumerRecord<byte[], byte[]> record, Exception e) throws IOException {
        String where = "topic '" + record.topic() + "', partition " + record.partition() + ", offset " + record.offset();
        switch (policy) {
            case FAIL -> throw new IOException(e.getMessage() + " (the table's 'scan.bad-record.policy' is 'fail';"
                    + " 'skip' or 'dead-letter' would let the job go on)", e);
            case SKIP -> LOG.log(System.Logger.Level.WARNING, "Skipped the record at " + where + " that "
                    + valueFormat + " could not read: " + e.getMessage() + " (" + (++skipped)
                    + " skipped by this reader so far)");
            case DEAD_LETTER -> {
                sendToDeadLetterTopic(record, e);
                LOG.log(System.Logger.Level.WARNING, "Sent the record at " + where + " to the dead-letter topic '"
                        + deadLetterTopic + "': " + e.getMessage());
            }
        }
    }

    /** Writes the record and waits for Kafka's acknowledgement: only then does the source move past it. */
    private void sendToDeadLetterTopic(ConsumerRecord<byte[], byte[]> record, Exception e) throws IOException {
        ProducerRecord<byte[], byte[]> letter = new ProducerRecord<>(deadLetterTopic, null, record.timestamp(),
                record.key(), record.value());
        letter.headers().add("weir.source.topic", record.topic().getBytes(StandardCharsets.UTF_8));
        letter.headers().add("weir.source.partition", Integer.toString(record.partition()).getBytes(StandardCharsets.UTF_8));
        letter.headers().add("weir.source.offset", Long.toString(record.offset()).getBytes(StandardCharsets.UTF_8));
        letter.headers().add("weir.error", String.valueOf(e.getMessage()).getBytes(StandardCharsets.UTF_8));
        // dead letters are rare: a producer per letter keeps no thread alive between them
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProperties, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            producer.send(letter).get(60, TimeUnit.SECONDS);
        } catch (Exception sendFailure) {
            throw new IOException("could not write the unreadable record at topic '" + record.topic() + "', partition "
                    + record.partition() + ", offset " + record.offset() + " to the dead-letter topic '"
                    + deadLetterTopic + "': " + sendFailure + "; the record's problem: " + e.getMessage(), sendFailure);
        }
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
