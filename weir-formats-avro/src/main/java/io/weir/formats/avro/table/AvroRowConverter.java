package io.weir.formats.avro.table;

import io.weir.api.types.Row;
import io.weir.api.types.RowTypeInfo;
import io.weir.api.types.TypeInformation;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * Between a table's rows and Avro generic records of {@link AvroRowSchemas#of} the same row type
 * (public for the Parquet format, which writes the same records).
 */
public final class AvroRowConverter implements Serializable {
    private static final long serialVersionUID = 1L;

    private static final Conversions.DecimalConversion DECIMALS = new Conversions.DecimalConversion();

    private final RowTypeInfo rowType;

    public AvroRowConverter(RowTypeInfo rowType) {
        this.rowType = rowType;
    }

    public Row toRow(GenericRecord record) {
        return toRow(record, rowType);
    }

    private static Row toRow(GenericRecord record, RowTypeInfo type) {
        TypeInformation<?>[] types = type.getFieldTypes();
        Row row = new Row(types.length);
        List<Schema.Field> fields = record.getSchema().getFields();
        for (int i = 0; i < types.length; i++) {
            row.setField(i, fromAvro(record.get(i), types[i], fields.get(i).schema()));
        }
        return row;
    }

    private static Object fromAvro(Object value, TypeInformation<?> type, Schema schema) {
        if (value == null) {
            return null;
        }
        Class<?> c = type.getTypeClass();
        if (type instanceof RowTypeInfo nested) {
            return toRow((GenericRecord) value, nested);
        } else if (c == BigDecimal.class) {
            Schema bytes = nonNull(schema);
            return DECIMALS.fromBytes(((ByteBuffer) value).duplicate(), bytes, bytes.getLogicalType());
        } else if (c == String.class) {
            return value.toString();
        } else if (c == Short.class) {
            return (short) (int) (Integer) value;
        } else if (c == Byte.class) {
            return (byte) (int) (Integer) value;
        } else if (c == byte[].class) {
            ByteBuffer buffer = ((ByteBuffer) value).duplicate();
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } else if (c == LocalDate.class) {
            return LocalDate.ofEpochDay((Integer) value);
        } else if (c == LocalTime.class) {
            return LocalTime.ofNanoOfDay((Integer) value * 1_000_000L);
        } else if (c == LocalDateTime.class) {
            return LocalDateTime.ofInstant(Instant.ofEpochMilli((Long) value), ZoneOffset.UTC);
        } else if (c == Instant.class) {
            return Instant.ofEpochMilli((Long) value);
        }
        return value; // Integer, Long, Float, Double, Boolean as they are
    }

    /** The branch of a nullable union that is not {@code null}, or the schema itself. */
    private static Schema nonNull(Schema schema) {
        if (schema.getType() != Schema.Type.UNION) {
            return schema;
        }
        for (Schema branch : schema.getTypes()) {
            if (branch.getType() != Schema.Type.NULL) {
                return branch;
            }
        }
        return schema;
    }

    public GenericRecord toRecord(Row row, Schema schema) {
        return toRecord(row, rowType, schema);
    }

    private static GenericRecord toRecord(Row row, RowTypeInfo type, Schema schema) {
        GenericData.Record record = new GenericData.Record(schema);
        TypeInformation<?>[] types = type.getFieldTypes();
        for (int i = 0; i < types.length; i++) {
            Schema fieldSchema = schema.getFields().get(i).schema().getTypes().get(1);
            record.put(i, toAvro(row.getField(i), types[i], fieldSchema));
        }
        return record;
    }

    private static Object toAvro(Object value, TypeInformation<?> type, Schema schema) {
        if (value == null) {
            return null;
        }
        if (type instanceof RowTypeInfo nested) {
            return toRecord((Row) value, nested, schema);
        } else if (value instanceof BigDecimal decimal) {
            LogicalTypes.Decimal declared = (LogicalTypes.Decimal) schema.getLogicalType();
            BigDecimal scaled = decimal.setScale(declared.getScale(), RoundingMode.HALF_UP);
            if (scaled.precision() > declared.getPrecision()) {
                throw new IllegalArgumentException("the value " + decimal + " does not fit DECIMAL("
                        + declared.getPrecision() + ", " + declared.getScale() + ")");
            }
            return DECIMALS.toBytes(scaled, schema, declared);
        } else if (value instanceof Short s) {
            return (int) s;
        } else if (value instanceof Byte b) {
            return (int) b;
        } else if (value instanceof byte[] bytes) {
            return ByteBuffer.wrap(bytes);
        } else if (value instanceof LocalDate date) {
            return (int) date.toEpochDay();
        } else if (value instanceof LocalTime time) {
            return (int) (time.toNanoOfDay() / 1_000_000L);
        } else if (value instanceof LocalDateTime timestamp) {
            return timestamp.toInstant(ZoneOffset.UTC).toEpochMilli();
        } else if (value instanceof Instant instant) {
            return instant.toEpochMilli();
        }
        return value;
    }
}
