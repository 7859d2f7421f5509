package io.weir.formats.json.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.common.serialization.DeserializationSchema;
import io.weir.api.common.serialization.SerializationSchema;
import io.weir.api.functions.Collector;
import io.weir.api.types.BasicTypeInfo;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import io.weir.api.types.RowTypeInfo;
import io.weir.api.types.TypeInformation;
import io.weir.sql.api.ValidationException;
import io.weir.sql.connectors.ChangelogMode;
import io.weir.sql.connectors.formats.FormatFactory;
import io.weir.sql.connectors.formats.Formats;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON formats for SQL tables, found by name as connectors find them. */
class ChangelogJsonFormatsTest {
    private static final RowTypeInfo ORDERS = new RowTypeInfo(new TypeInformation<?>[] {
            BasicTypeInfo.LONG_TYPE_INFO, BasicTypeInfo.STRING_TYPE_INFO, BasicTypeInfo.BIG_DEC_TYPE_INFO,
            BasicTypeInfo.LOCAL_DATE_TIME_TYPE_INFO}, new String[] {"id", "customer", "amount", "created_at"});

    private static FormatFactory.Context context(String format, Map<String, String> options) {
        return new FormatFactory.Context("orders", format, ORDERS, options);
    }

    private static DeserializationSchema<Row> reader(String format, Map<String, String> options) {
        return Formats.find("orders", "format", format).createDeserializer(context(format, options));
    }

    private static List<Row> read(DeserializationSchema<Row> schema, String message) throws IOException {
        List<Row> rows = new ArrayList<>();
        schema.deserialize(message == null ? null : message.getBytes(StandardCharsets.UTF_8), new Collector<>() {
            @Override
            public void collect(Row row) {
                rows.add(row);
            }

            @Override
            public void close() {}
        });
        return rows;
    }

    private static Row row(RowKind kind, long id, String customer, String amount, String createdAt) {
        return Row.ofKind(kind, id, customer, new BigDecimal(amount), LocalDateTime.parse(createdAt));
    }

    @Test
    void jsonReadsColumnsByNameAndWritesThemBack() throws IOException {
        DeserializationSchema<Row> json = reader("json", Map.of());
        assertEquals(List.of(row(RowKind.INSERT, 7, "ann", "12.50", "2026-12-03T10:00:00")),
                read(json, "{\"id\": 7, \"customer\": \"ann\", \"amount\": 12.50, \"created_at\": \"2026-12-03 10:00:00\","
                        + " \"extra\": true}"));
        Row partial = read(json, "{\"id\": \"8\"}").get(0);
        assertEquals(Row.of(8L, null, null, null), partial, "missing properties are NULL; numbers may be strings");

        SerializationSchema<Row> writer = Formats.find("orders", "format", "json").createSerializer(context("json", Map.of()));
        String written = new String(writer.serialize(row(RowKind.INSERT, 7, "ann", "12.50", "2026-12-03T10:00:00")),
                StandardCharsets.UTF_8);
        assertEquals("{\"id\":7,\"customer\":\"ann\",\"amount\":12.50,\"created_at\":\"2026-12-03 10:00:00\"}", written);
    }

    @Test
    void jsonNamesTheColumnAndTheProblemOrSkipsWhenAsked() throws IOException {
        IOException bad = assertThrows(IOException.class, () -> read(reader("json", Map.of()), "{\"id\": \"x\"}"));
        assertTrue(bad.getMessage().contains("column 'id'") && bad.getMessage().contains("'x' is not a BIGINT"),
                bad.getMessage());
        IOException notJson = assertThrows(IOException.class, () -> read(reader("json", Map.of()), "{\"id\": "));
        assertTrue(notJson.getMessage().contains("not valid JSON"), notJson.getMessage());
        IOException missing = assertThrows(IOException.class,
                () -> read(reader("json", Map.of("fail-on-missing-field", "true")), "{\"id\": 1}"));
        assertTrue(missing.getMessage().contains("'customer' is missing"), missing.getMessage());

        assertEquals(List.of(), read(reader("json", Map.of("ignore-parse-errors", "true")), "{\"id\": \"x\"}"));
        ValidationException both = assertThrows(ValidationException.class, () -> reader("json",
                Map.of("ignore-parse-errors", "true", "fail-on-missing-field", "true")));
        assertTrue(both.getMessage().startsWith("Table orders (format 'json')"), both.getMessage());
    }

    @Test
    void debeziumEventsBecomeChangelogRows() throws IOException {
        FormatFactory debezium = Formats.find("orders", "format", "debezium-json");
        assertEquals(ChangelogMode.all(), debezium.changelogMode());
        DeserializationSchema<Row> schema = reader("debezium-json", Map.of());
        String after = "{\"id\":1,\"customer\":\"ann\",\"amount\":10.00,\"created_at\":\"2026-12-03T10:00:00Z\"}";
        String updated = "{\"id\":1,\"customer\":\"ann\",\"amount\":11.00,\"created_at\":\"2026-12-03T10:00:00Z\"}";
        assertEquals(List.of(row(RowKind.INSERT, 1, "ann", "10.00", "2026-12-03T10:00:00")),
                read(schema, "{\"before\":null,\"after\":" + after + ",\"op\":\"c\",\"source\":{\"db\":\"shop\"}}"));
        assertEquals(List.of(row(RowKind.UPDATE_BEFORE, 1, "ann", "10.00", "2026-12-03T10:00:00"),
                        row(RowKind.UPDATE_AFTER, 1, "ann", "11.00", "2026-12-03T10:00:00")),
                read(schema, "{\"before\":" + after + ",\"after\":" + updated + ",\"op\":\"u\"}"));
        assertEquals(List.of(row(RowKind.DELETE, 1, "ann", "11.00", "2026-12-03T10:00:00")),
                read(schema, "{\"before\":" + updated + ",\"after\":null,\"op\":\"d\"}"));
        assertEquals(List.of(), read(schema, null), "a tombstone is no change");

        DeserializationSchema<Row> enveloped = reader("debezium-json", Map.of("schema-include", "true"));
        assertEquals(1, read(enveloped, "{\"schema\":{},\"payload\":{\"after\":" + after + ",\"op\":\"r\"}}").size());
        IOException hint = assertThrows(IOException.class,
                () -> read(schema, "{\"schema\":{},\"payload\":{\"after\":" + after + ",\"op\":\"r\"}}"));
        assertTrue(hint.getMessage().contains("'debezium-json.schema-include' = 'true'"), hint.getMessage());
        IOException noBefore = assertThrows(IOException.class,
                () -> read(schema, "{\"before\":null,\"after\":" + updated + ",\"op\":\"u\"}"));
        assertTrue(noBefore.getMessage().contains("REPLICA IDENTITY FULL"), noBefore.getMessage());
    }

    @Test
    void debeziumWritesAdditionsAsCreatesAndRetractionsAsDeletes() throws IOException {
        SerializationSchema<Row> writer = Formats.find("orders", "format", "debezium-json")
                .createSerializer(context("debezium-json", Map.of()));
        DeserializationSchema<Row> reader = reader("debezium-json", Map.of());
        Row update = row(RowKind.UPDATE_AFTER, 2, "bo", "3.5", "2026-12-03T11:00:00");
        Row retract = row(RowKind.UPDATE_BEFORE, 2, "bo", "3.5", "2026-12-03T11:00:00");
        assertEquals(List.of(row(RowKind.INSERT, 2, "bo", "3.5", "2026-12-03T11:00:00")),
                read(reader, new String(writer.serialize(update), StandardCharsets.UTF_8)));
        assertEquals(List.of(row(RowKind.DELETE, 2, "bo", "3.5", "2026-12-03T11:00:00")),
                read(reader, new String(writer.serialize(retract), StandardCharsets.UTF_8)));
    }

    @Test
    void canalEventsBecomeChangelogRows() throws IOException {
        DeserializationSchema<Row> canal = reader("canal-json", Map.of());
        assertEquals(List.of(row(RowKind.UPDATE_BEFORE, 3, "cy", "1.00", "2026-12-03T12:00:00"),
                        row(RowKind.UPDATE_AFTER, 3, "cy", "2.00", "2026-12-03T12:00:00")),
                read(canal, "{\"data\":[{\"id\":\"3\",\"customer\":\"cy\",\"amount\":\"2.00\","
                        + "\"created_at\":\"2026-12-03 12:00:00\"}],\"old\":[{\"amount\":\"1.00\"}],\"type\":\"UPDATE\"}"));
        assertEquals(List.of(), read(canal, "{\"isDdl\":true,\"sql\":\"ALTER TABLE x\",\"type\":\"ALTER\"}"));
        assertNull(reader("canal-json", Map.of("ignore-parse-errors", "true")).deserialize("{".getBytes()));
    }
}
