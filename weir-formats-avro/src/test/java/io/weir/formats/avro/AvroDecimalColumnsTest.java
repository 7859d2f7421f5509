package io.weir.formats.avro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.types.Row;
import io.weir.api.types.RowTypeInfo;
import io.weir.api.types.TypeInformation;
import io.weir.api.types.Types;
import io.weir.formats.avro.table.AvroFormatFactory;
import io.weir.sql.api.ValidationException;
import io.weir.sql.connectors.formats.FormatFactory;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Map;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

/**
 * {@code 'format' = 'avro'} with a {@code DECIMAL(p, s)} column: Avro {@code bytes} with logical type
 * {@code decimal(p, s)}, as Flink's avro format writes it, read and written at the column's scale.
 */
class AvroDecimalColumnsTest {
    private static final RowTypeInfo ORDERS = new RowTypeInfo(
            new TypeInformation<?>[] {Types.LONG, Types.BIG_DEC}, new String[] {"id", "amount"});
    private static final Map<String, FormatFactory.Decimal> COLUMNS = Map.of("amount", new FormatFactory.Decimal(10, 2));

    private static FormatFactory.Context context(RowTypeInfo rowType, Map<String, FormatFactory.Decimal> columns) {
        return new FormatFactory.Context("orders", "avro", rowType, Map.of(), columns);
    }

    @Test
    void aDecimalColumnRoundTripsAtItsScale() throws Exception {
        AvroFormatFactory avro = new AvroFormatFactory();
        byte[] message = avro.createSerializer(context(ORDERS, COLUMNS)).serialize(Row.of(1L, new BigDecimal("12.5")));
        Row read = avro.createDeserializer(context(ORDERS, COLUMNS)).deserialize(message);
        assertEquals(Row.of(1L, new BigDecimal("12.50")), read);
    }

    /** A message written by plain Avro with the schema Flink derives for (id BIGINT, amount DECIMAL(10, 2)). */
    @Test
    void readsTheDecimalsAvroWritesWithTheDerivedSchema() throws Exception {
        Schema decimal = LogicalTypes.decimal(10, 2).addToSchema(Schema.create(Schema.Type.BYTES));
        Schema schema = Schema.createRecord("record", null, null, false, java.util.List.of(
                new Schema.Field("id", Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.LONG)),
                        null, Schema.Field.NULL_DEFAULT_VALUE),
                new Schema.Field("amount", Schema.createUnion(Schema.create(Schema.Type.NULL), decimal),
                        null, Schema.Field.NULL_DEFAULT_VALUE)));
        GenericRecord record = new GenericData.Record(schema);
        record.put("id", 7L);
        ByteBuffer bytes = new Conversions.DecimalConversion().toBytes(new BigDecimal("-3.07"), decimal,
                decimal.getLogicalType());
        record.put("amount", bytes);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
        encoder.flush();

        Row read = new AvroFormatFactory().createDeserializer(context(ORDERS, COLUMNS)).deserialize(out.toByteArray());
        assertEquals(Row.of(7L, new BigDecimal("-3.07")), read);
    }

    @Test
    void aValueTooWideForTheColumnSaysSo() {
        var serializer = new AvroFormatFactory().createSerializer(context(ORDERS, COLUMNS));
        Exception e = assertThrows(Exception.class, () -> serializer.serialize(Row.of(1L, new BigDecimal("123456789.5"))));
        assertTrue(String.valueOf(e.getMessage()).contains("does not fit DECIMAL(10, 2)"), String.valueOf(e.getMessage()));
    }

    @Test
    void aDecimalWhosePrecisionIsUnknownIsRefusedSayingWhatToUse() {
        RowTypeInfo nested = new RowTypeInfo(new TypeInformation<?>[] {Types.LONG,
                new RowTypeInfo(new TypeInformation<?>[] {Types.BIG_DEC}, new String[] {"amount"})},
                new String[] {"id", "total"});
        ValidationException e = assertThrows(ValidationException.class,
                () -> new AvroFormatFactory().createSerializer(context(nested, Map.of())));
        assertTrue(e.getMessage().contains("'amount'") && e.getMessage().contains("DECIMAL"), e.getMessage());
    }
}
