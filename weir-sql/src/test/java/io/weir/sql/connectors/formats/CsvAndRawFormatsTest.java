package io.weir.sql.connectors.formats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.common.serialization.DeserializationSchema;
import io.weir.api.common.serialization.SerializationSchema;
import io.weir.api.types.BasicTypeInfo;
import io.weir.api.types.Row;
import io.weir.api.types.RowTypeInfo;
import io.weir.api.types.TypeInformation;
import io.weir.sql.api.ValidationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvAndRawFormatsTest {
    private static final RowTypeInfo READINGS = new RowTypeInfo(new TypeInformation<?>[] {
            BasicTypeInfo.STRING_TYPE_INFO, BasicTypeInfo.DOUBLE_TYPE_INFO, BasicTypeInfo.LOCAL_DATE_TYPE_INFO},
            new String[] {"sensor", "value", "day"});

    private static FormatFactory.Context context(String format, RowTypeInfo type, Map<String, String> options) {
        return new FormatFactory.Context("readings", format, type, options);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void csvReadsQuotedFieldsNullsAndTypes() throws IOException {
        DeserializationSchema<Row> csv = Formats.find("readings", "format", "csv")
                .createDeserializer(context("csv", READINGS, Map.of()));
        assertEquals(Row.of("s,1", 21.5, LocalDate.of(2026, 12, 3)), csv.deserialize(bytes("\"s,1\",21.5,2026-12-03")));
        assertEquals(Row.of("a \"b\"", null, null), csv.deserialize(bytes("\"a \"\"b\"\"\",,")));
        IOException bad = assertThrows(IOException.class, () -> csv.deserialize(bytes("s1,warm,2026-12-03")));
        assertTrue(bad.getMessage().contains("column 'value' (field 2): 'warm' is not a DOUBLE"), bad.getMessage());
        IOException count = assertThrows(IOException.class, () -> csv.deserialize(bytes("s1,1.0")));
        assertTrue(count.getMessage().contains("has 2 fields, the table has 3 columns"), count.getMessage());
    }

    @Test
    void csvOptionsFollowFlink() throws IOException {
        FormatFactory.Context options = context("csv", READINGS, Map.of("field-delimiter", ";", "null-literal", "n/a",
                "allow-comments", "true", "ignore-parse-errors", "true"));
        DeserializationSchema<Row> csv = new CsvFormatFactory().createDeserializer(options);
        assertEquals(Row.of("s1", null, LocalDate.of(2026, 1, 2)), csv.deserialize(bytes("s1;n/a;2026-01-02")));
        assertNull(csv.deserialize(bytes("# a comment")));
        assertNull(csv.deserialize(bytes("s1;x;2026-01-02")), "skipped: ignore-parse-errors");
        SerializationSchema<Row> writer = new CsvFormatFactory().createSerializer(options);
        assertEquals("x;y;n/a;2026-01-02", new String(writer.serialize(Row.of("x;y", null, LocalDate.of(2026, 1, 2))),
                StandardCharsets.UTF_8).replace("\"x;y\"", "x;y"));
        ValidationException wide = assertThrows(ValidationException.class, () -> new CsvFormatFactory()
                .createDeserializer(context("csv", READINGS, Map.of("field-delimiter", ";;"))));
        assertTrue(wide.getMessage().contains("'csv.field-delimiter' = ';;' must be one character"), wide.getMessage());
    }

    @Test
    void rawPassesOneColumnThrough() throws IOException {
        RowTypeInfo text = new RowTypeInfo(new TypeInformation<?>[] {BasicTypeInfo.STRING_TYPE_INFO}, new String[] {"line"});
        FormatFactory raw = Formats.find("t", "format", "raw");
        assertEquals(Row.of("héllo"), raw.createDeserializer(context("raw", text, Map.of())).deserialize(bytes("héllo")));
        RowTypeInfo binary = new RowTypeInfo(new TypeInformation<?>[] {TypeInformation.of(byte[].class)},
                new String[] {"payload"});
        assertArrayEquals(new byte[] {1, 2}, raw.createSerializer(context("raw", binary, Map.of()))
                .serialize(Row.of((Object) new byte[] {1, 2})));
        ValidationException two = assertThrows(ValidationException.class,
                () -> raw.createDeserializer(context("raw", READINGS, Map.of())));
        assertTrue(two.getMessage().contains("exactly one column"), two.getMessage());
    }
}
