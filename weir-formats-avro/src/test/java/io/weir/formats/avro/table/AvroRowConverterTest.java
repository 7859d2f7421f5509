package io.weir.formats.avro.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.weir.api.common.serialization.DeserializationSchema;
import io.weir.api.common.serialization.SerializationSchema;
import io.weir.api.types.Row;
import io.weir.api.types.RowTypeInfo;
import io.weir.api.types.TypeInformation;
import io.weir.api.types.Types;
import io.weir.sql.connectors.formats.FormatFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.junit.jupiter.api.Test;

/**
 * Every column type of {@code 'format' = 'avro'} between rows and messages: what Avro itself reads from
 * a written message (Flink's encodings: dates as days, times and timestamps as milliseconds, decimals as
 * unscaled bytes), rows read back equal, nulls at every level, and the same after the schemas have
 * been through Java serialization (as they are when a job is deployed) and over many rows in turn.
 */
class AvroRowConverterTest {
    private static final RowTypeInfo ADDRESS = new RowTypeInfo(
            new TypeInformation<?>[] {Types.STRING, Types.INT}, new String[] {"city", "zip"});
    private static final RowTypeInfo ALL = new RowTypeInfo(
            new TypeInformation<?>[] {Types.BYTE, Types.SHORT, Types.INT, Types.LONG, Types.FLOAT, Types.DOUBLE,
                    Types.BOOLEAN, Types.STRING, Types.PRIMITIVE_ARRAY(Types.BYTE), Types.LOCAL_DATE, Types.LOCAL_TIME,
                    Types.LOCAL_DATE_TIME, Types.INSTANT, Types.BIG_DEC, ADDRESS},
            new String[] {"tiny", "small", "i", "big", "f", "d", "b", "s", "bytes", "day", "time", "ts", "ltz",
                    "amount", "address"});
    private static final Map<String, FormatFactory.Decimal> DECIMALS = Map.of("amount", new FormatFactory.Decimal(12, 3));
    private static final FormatFactory.Context CONTEXT = new FormatFactory.Context("t", "avro", ALL, Map.of(), DECIMALS);

    private static Row row(int i) {
        return Row.of((byte) -i, (short) (300 + i), 70_000 + i, 5_000_000_000L + i, 1.5f + i, -2.25 + i, i % 2 == 0,
                "name-" + i, new byte[] {1, (byte) i, 3}, LocalDate.of(2026, 12, 5).plusDays(i),
                LocalTime.of(3, 4, 5, 678_000_000).plusSeconds(i), LocalDateTime.of(2026, 12, 5, 3, 4, 5, 6_000_000).plusMinutes(i),
                Instant.parse("2026-12-05T03:04:05.123Z").plusMillis(i), new BigDecimal("-12345.678").add(BigDecimal.valueOf(i)),
                Row.of("Kent-" + i, 10_000 + i));
    }

    @Test
    void everyColumnTypeIsWrittenAsAvroReadsItAndReadBack() throws Exception {
        SerializationSchema<Row> writer = new AvroFormatFactory().createSerializer(CONTEXT);
        DeserializationSchema<Row> reader = new AvroFormatFactory().createDeserializer(CONTEXT);
        Schema schema = AvroRowSchemas.of(ALL, DECIMALS);
        for (int i = 0; i < 50; i++) {
            Row row = row(i);
            byte[] message = writer.serialize(row);

            GenericRecord avro = new GenericDatumReader<GenericRecord>(schema)
                    .read(null, DecoderFactory.get().binaryDecoder(message, null));
            assertEquals(-i, avro.get("tiny"));
            assertEquals(300 + i, avro.get("small"));
            assertEquals(5_000_000_000L + i, avro.get("big"));
            assertEquals("name-" + i, avro.get("s").toString());
            assertEquals(ByteBuffer.wrap(new byte[] {1, (byte) i, 3}), avro.get("bytes"));
            assertEquals((int) LocalDate.of(2026, 12, 5).toEpochDay() + i, avro.get("day"));
            assertEquals((3 * 3600 + 4 * 60 + 5 + i) * 1000 + 678, avro.get("time"));
            assertEquals(LocalDateTime.of(2026, 12, 5, 3, 4, 5, 6_000_000).plusMinutes(i)
                    .toInstant(java.time.ZoneOffset.UTC).toEpochMilli(), avro.get("ts"));
            assertEquals(Instant.parse("2026-12-05T03:04:05.123Z").toEpochMilli() + i, avro.get("ltz"));
            assertEquals(new BigDecimal("-12345.678").add(BigDecimal.valueOf(i)).unscaledValue(),
                    new java.math.BigInteger(bytes((ByteBuffer) avro.get("amount"))));
            assertEquals("Kent-" + i, ((GenericRecord) avro.get("address")).get("city").toString());

            assertRowsEqual(row, reader.deserialize(message));
        }
    }

    @Test
    void nullsAtEveryLevel() throws Exception {
        SerializationSchema<Row> writer = new AvroFormatFactory().createSerializer(CONTEXT);
        DeserializationSchema<Row> reader = new AvroFormatFactory().createDeserializer(CONTEXT);
        Row empty = new Row(ALL.getArity());
        assertRowsEqual(empty, reader.deserialize(writer.serialize(empty)));
        Row partly = row(7);
        partly.setField(3, null);
        partly.setField(13, null);
        partly.setField(14, Row.of(null, 5));
        assertRowsEqual(partly, reader.deserialize(writer.serialize(partly)));
        partly.setField(14, null);
        Row read = reader.deserialize(writer.serialize(partly));
        assertNull(read.getField(14));
        assertRowsEqual(partly, read);
        assertRowsEqual(row(8), reader.deserialize(writer.serialize(row(8))));
    }

    @Test
    void schemasThatWentThroughJavaSerializationWorkTheSame() throws Exception {
        SerializationSchema<Row> writer = copy(new AvroFormatFactory().createSerializer(CONTEXT));
        DeserializationSchema<Row> reader = new AvroFormatFactory().createDeserializer(CONTEXT);
        reader.deserialize(writer.serialize(row(1))); // converters made before the copy
        DeserializationSchema<Row> copied = copy(reader);
        for (int i = 0; i < 5; i++) {
            byte[] message = writer.serialize(row(i));
            assertRowsEqual(row(i), copied.deserialize(message));
            assertRowsEqual(row(i), reader.deserialize(message));
        }
    }

    private static void assertRowsEqual(Row expected, Row actual) {
        assertEquals(expected.getArity(), actual.getArity());
        for (int i = 0; i < expected.getArity(); i++) {
            Object e = expected.getField(i);
            Object a = actual.getField(i);
            if (e instanceof byte[] bytes) {
                assertArrayEquals(bytes, (byte[]) a, "column " + i);
            } else {
                assertEquals(e, a, "column " + i);
            }
        }
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    @SuppressWarnings("unchecked")
    private static <T> T copy(T value) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ObjectOutputStream objects = new ObjectOutputStream(out)) {
            objects.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            return (T) in.readObject();
        }
    }
}
