package io.weir.tests.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.types.Row;
import io.weir.api.types.Types;
import io.weir.api.execution.CloseableIterator;
import io.weir.connector.kafka.KafkaBroker;
import io.weir.connector.kafka.sink.KafkaRecordSerializationSchema;
import io.weir.connector.kafka.sink.KafkaSink;
import io.weir.connector.kafka.source.KafkaSource;
import io.weir.connector.kafka.source.OffsetsInitializer;
import io.weir.formats.avro.AvroDeserializationSchema;
import io.weir.formats.avro.AvroSerializationSchema;
import io.weir.formats.avro.typeutils.GenericRecordAvroTypeInfo;
import io.weir.sql.api.StreamTableEnvironment;
import io.weir.testutils.MiniClusterExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Avro messages on a real KRaft broker: generic and specific records written by a KafkaSink and read
 * back by a KafkaSource (through a keyBy, so the records cross tasks with Avro's serializer), SQL
 * tables with {@code 'format' = 'avro'}, and a corrupt message under each bad-record policy.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class AvroKafkaTest {
    private static final Schema ORDER = new Schema.Parser().parse("{\"type\": \"record\", \"name\": \"Order\","
            + " \"fields\": [{\"name\": \"id\", \"type\": \"long\"}, {\"name\": \"customer\", \"type\": \"string\"},"
            + " {\"name\": \"note\", \"type\": [\"null\", \"string\"], \"default\": null}]}");
    /** Not Avro of any schema here: its first byte is union index 55, and it is too short anyway. */
    private static final byte[] CORRUPT = "not avro at all".getBytes(StandardCharsets.UTF_8);

    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build();

    private static GenericRecord order(long id) {
        GenericRecord order = new GenericData.Record(ORDER);
        order.put("id", id);
        order.put("customer", "customer-" + (id % 7));
        order.put("note", id % 3 == 0 ? null : "note " + id);
        return order;
    }

    private static List<GenericRecord> orders(int count) {
        List<GenericRecord> orders = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            orders.add(order(i));
        }
        return orders;
    }

    @Test
    void genericRecordsGoThroughKafkaAndAShuffleUnchanged() throws Exception {
        KAFKA.createTopic("avro-orders", 2);
        List<GenericRecord> orders = orders(300);
        StreamExecutionEnvironment write = CLUSTER.createEnvironment(2);
        write.fromData(orders, new GenericRecordAvroTypeInfo(ORDER))
                .sinkTo(KafkaSink.<GenericRecord>builder().setBootstrapServers(KAFKA.bootstrapServers())
                        .setKafkaProducerConfig(KAFKA.clientTimeouts())
                        .setRecordSerializer(KafkaRecordSerializationSchema.<GenericRecord>builder().setTopic("avro-orders")
                                .setValueSerializationSchema(AvroSerializationSchema.forGeneric(ORDER)).build())
                        .build());
        write.execute("write avro orders");

        StreamExecutionEnvironment read = CLUSTER.createEnvironment(2);
        KafkaSource<GenericRecord> source = KafkaSource.<GenericRecord>builder()
                .setBootstrapServers(KAFKA.bootstrapServers()).setProperties(KAFKA.clientTimeouts())
                .setTopics("avro-orders").setGroupId("avro-orders")
                .setStartingOffsets(OffsetsInitializer.earliest()).setBounded(OffsetsInitializer.latest())
                .setValueOnlyDeserializer(AvroDeserializationSchema.forGeneric(ORDER)).build();
        List<String> back = read.fromSource(source, WatermarkStrategy.noWatermarks(), "avro orders")
                .keyBy(order -> order.get("customer").toString())
                .map(GenericRecord::toString).returns(Types.STRING)
                .executeAndCollect(1_000);

        assertEquals(orders.stream().map(GenericRecord::toString).sorted().toList(), back.stream().sorted().toList());
    }

    @Test
    void specificRecordsRoundTrip() throws Exception {
        KAFKA.createTopic("avro-trades", 1);
        List<Trade> trades = List.of(new Trade("WEIR", 10), new Trade("FLNK", 20), new Trade("WEIR", 5));
        StreamExecutionEnvironment write = CLUSTER.createEnvironment(1);
        write.fromData(trades, new io.weir.formats.avro.typeutils.AvroTypeInfo<>(Trade.class))
                .sinkTo(KafkaSink.<Trade>builder().setBootstrapServers(KAFKA.bootstrapServers())
                        .setKafkaProducerConfig(KAFKA.clientTimeouts())
                        .setRecordSerializer(KafkaRecordSerializationSchema.<Trade>builder().setTopic("avro-trades")
                                .setValueSerializationSchema(AvroSerializationSchema.forSpecific(Trade.class)).build())
                        .build());
        write.execute("write avro trades");

        StreamExecutionEnvironment read = CLUSTER.createEnvironment(2);
        KafkaSource<Trade> source = KafkaSource.<Trade>builder()
                .setBootstrapServers(KAFKA.bootstrapServers()).setProperties(KAFKA.clientTimeouts())
                .setTopics("avro-trades").setGroupId("avro-trades")
                .setStartingOffsets(OffsetsInitializer.earliest()).setBounded(OffsetsInitializer.latest())
                .setValueOnlyDeserializer(AvroDeserializationSchema.forSpecific(Trade.class)).build();
        List<String> totals = read.fromSource(source, WatermarkStrategy.noWatermarks(), "avro trades")
                .keyBy(Trade::symbol)
                .map(trade -> trade.symbol() + ":" + trade.quantity()).returns(Types.STRING)
                .executeAndCollect(100);

        assertEquals(List.of("FLNK:20", "WEIR:10", "WEIR:5"), totals.stream().sorted().toList());
    }

    @Test
    void aCorruptMessageFailsADataStreamJobNamingWhere() throws Exception {
        produceBytes("avro-corrupt", List.of(AvroSerializationSchema.forGeneric(ORDER).serialize(order(1)), CORRUPT));
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
        KafkaSource<GenericRecord> source = KafkaSource.<GenericRecord>builder()
                .setBootstrapServers(KAFKA.bootstrapServers()).setProperties(KAFKA.clientTimeouts())
                .setTopics("avro-corrupt").setGroupId("avro-corrupt")
                .setStartingOffsets(OffsetsInitializer.earliest()).setBounded(OffsetsInitializer.latest())
                .setValueOnlyDeserializer(AvroDeserializationSchema.forGeneric(ORDER)).build();
        Exception failure = assertThrows(Exception.class, () -> env.fromSource(source, WatermarkStrategy.noWatermarks(), "in")
                .map(GenericRecord::toString).returns(Types.STRING).executeAndCollect(10));
        String messages = messages(failure);
        assertTrue(messages.contains("topic 'avro-corrupt', partition 0, offset 1")
                && messages.contains("Not an Avro record of schema Order"), messages);
    }

    private static String sqlTable(String name, String topic, String more) {
        return "CREATE TABLE " + name + " (id BIGINT, customer STRING, note STRING) WITH ('connector' = 'kafka',"
                + " 'topic' = '" + topic + "', 'properties.bootstrap.servers' = '" + KAFKA.bootstrapServers() + "',"
                + " 'scan.startup.mode' = 'earliest-offset', 'scan.bounded.mode' = 'latest-offset',"
                + " 'format' = 'avro'" + more + ")";
    }

    @Test
    void sqlTablesWriteAndReadAvroWithTheSchemaOfTheirColumns() throws Exception {
        KAFKA.createTopic("sql-avro", 1);
        StreamTableEnvironment tables = StreamTableEnvironment.create(CLUSTER.createEnvironment(1));
        tables.executeSql(sqlTable("sql_orders", "sql-avro", ""));
        tables.executeSql("INSERT INTO sql_orders VALUES (1, 'ada', 'first'), (2, 'bob', CAST(NULL AS STRING))").await();

        assertEquals(List.of(Row.of(1L, "ada", "first"), Row.of(2L, "bob", null)),
                collect(tables, "SELECT id, customer, note FROM sql_orders"));
        // the derived schema is Flink's: record "record", every column a union with null
        Schema derived = new Schema.Parser().parse("{\"type\": \"record\", \"name\": \"record\", \"fields\": ["
                + "{\"name\": \"id\", \"type\": [\"null\", \"long\"], \"default\": null},"
                + "{\"name\": \"customer\", \"type\": [\"null\", \"string\"], \"default\": null},"
                + "{\"name\": \"note\", \"type\": [\"null\", \"string\"], \"default\": null}]}");
        AvroDeserializationSchema<GenericRecord> reader = AvroDeserializationSchema.forGeneric(derived);
        List<String> written = new ArrayList<>();
        for (byte[] value : readBytes("sql-avro")) {
            written.add(reader.deserialize(value).toString());
        }
        assertEquals(List.of("{\"id\": 1, \"customer\": \"ada\", \"note\": \"first\"}",
                "{\"id\": 2, \"customer\": \"bob\", \"note\": null}"), written);
    }

    /** A DECIMAL(p, s) column goes through Kafka as Avro bytes with logical type decimal(p, s), at its scale. */
    @Test
    void sqlDecimalColumnsAreAvroDecimals() throws Exception {
        KAFKA.createTopic("sql-avro-decimal", 1);
        StreamTableEnvironment tables = StreamTableEnvironment.create(CLUSTER.createEnvironment(1));
        tables.executeSql("CREATE TABLE payments (id BIGINT, amount DECIMAL(10, 2)) WITH ('connector' = 'kafka',"
                + " 'topic' = 'sql-avro-decimal', 'properties.bootstrap.servers' = '" + KAFKA.bootstrapServers() + "',"
                + " 'scan.startup.mode' = 'earliest-offset', 'scan.bounded.mode' = 'latest-offset', 'format' = 'avro')");
        tables.executeSql("INSERT INTO payments VALUES (1, 12.5), (2, -0.07)").await();

        assertEquals(List.of(Row.of(1L, new java.math.BigDecimal("12.50")), Row.of(2L, new java.math.BigDecimal("-0.07"))),
                collect(tables, "SELECT id, amount FROM payments"));
        Schema written = new Schema.Parser().parse("{\"type\": \"record\", \"name\": \"record\", \"fields\": ["
                + "{\"name\": \"id\", \"type\": [\"null\", \"long\"], \"default\": null},"
                + "{\"name\": \"amount\", \"type\": [\"null\", {\"type\": \"bytes\", \"logicalType\": \"decimal\","
                + " \"precision\": 10, \"scale\": 2}], \"default\": null}]}");
        GenericRecord first = AvroDeserializationSchema.forGeneric(written).deserialize(readBytes("sql-avro-decimal").get(0));
        Schema decimal = written.getField("amount").schema().getTypes().get(1);
        assertEquals(new java.math.BigDecimal("12.50"), new org.apache.avro.Conversions.DecimalConversion()
                .fromBytes((java.nio.ByteBuffer) first.get("amount"), decimal, decimal.getLogicalType()));
    }

    /** Good messages of the table's schema around one corrupt message, at offset 2. */
    private static void produceWithCorruptMessage(String topic) throws Exception {
        Schema derived = new Schema.Parser().parse("{\"type\": \"record\", \"name\": \"record\", \"fields\": ["
                + "{\"name\": \"id\", \"type\": [\"null\", \"long\"], \"default\": null},"
                + "{\"name\": \"customer\", \"type\": [\"null\", \"string\"], \"default\": null},"
                + "{\"name\": \"note\", \"type\": [\"null\", \"string\"], \"default\": null}]}");
        AvroSerializationSchema<GenericRecord> writer = AvroSerializationSchema.forGeneric(derived);
        List<byte[]> values = new ArrayList<>();
        for (long id = 1; id <= 4; id++) {
            GenericRecord row = new GenericData.Record(derived);
            row.put("id", id);
            row.put("customer", "c" + id);
            values.add(writer.serialize(row));
            if (id == 2) {
                values.add(CORRUPT);
            }
        }
        produceBytes(topic, values);
    }

    @Test
    void aCorruptMessageFailsSkipsOrIsDeadLetteredUnchangedAndNoGoodRowIsLost() throws Exception {
        produceWithCorruptMessage("sql-avro-bad");
        KAFKA.createTopic("sql-avro-dead", 1);
        StreamTableEnvironment tables = StreamTableEnvironment.create(CLUSTER.createEnvironment(1));
        List<Row> good = List.of(Row.of(1L, "c1"), Row.of(2L, "c2"), Row.of(3L, "c3"), Row.of(4L, "c4"));

        tables.executeSql(sqlTable("failing", "sql-avro-bad", ""));
        String failed = messages(assertThrows(Exception.class, () -> collect(tables, "SELECT id, customer FROM failing")));
        assertTrue(failed.contains("topic 'sql-avro-bad', partition 0, offset 2")
                && failed.contains("Not an Avro record of schema record"), failed);

        tables.executeSql(sqlTable("skipping", "sql-avro-bad", ", 'scan.bad-record.policy' = 'skip'"));
        assertEquals(good, collect(tables, "SELECT id, customer FROM skipping"));

        tables.executeSql(sqlTable("dead_lettering", "sql-avro-bad", ", 'scan.bad-record.policy' = 'dead-letter',"
                + " 'scan.bad-record.dead-letter-topic' = 'sql-avro-dead'"));
        assertEquals(good, collect(tables, "SELECT id, customer FROM dead_lettering"));
        List<byte[]> dead = readBytes("sql-avro-dead");
        assertEquals(1, dead.size());
        assertTrue(Arrays.equals(CORRUPT, dead.get(0)), "the corrupt message unchanged");
    }

    private static void produceBytes(String topic, List<byte[]> values) throws Exception {
        KAFKA.createTopic(topic, 1);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                KAFKA.bootstrapServers(), "acks", "all"), new ByteArraySerializer(), new ByteArraySerializer())) {
            for (byte[] value : values) {
                producer.send(new ProducerRecord<>(topic, 0, null, value));
            }
            producer.flush();
        }
    }

    private static List<byte[]> readBytes(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
                KAFKA.bootstrapServers()), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), Duration.ofSeconds(30)).get(partition);
            List<byte[]> values = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (consumer.position(partition) < end) {
                assertTrue(System.nanoTime() < deadline, "read " + topic + " to its end within 30 s");
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
            return values;
        }
    }

    private static List<Row> collect(StreamTableEnvironment tables, String query) throws Exception {
        List<Row> rows = new ArrayList<>();
        try (CloseableIterator<Row> it = tables.executeSql(query).collect()) {
            it.forEachRemaining(rows::add);
        }
        return rows;
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" | ");
        }
        return all.toString();
    }
}
