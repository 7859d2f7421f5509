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
 *
 * <p>Each column's conversion, with the Avro schema it needs, is chosen once per schema (on the first
 * record read, and on the first row written) rather than per record: a record then costs one converter
 * call per field, no walk of the schema and no test of the column's class.
 */
public final class AvroRowConverter implements Serializable {
    private static final long serialVersionUID = 1L;

    private static final Conversions.DecimalConversion DECIMALS = new Conversions.DecimalConversion();

    private final RowTypeInfo rowType;
    /** The conversions for records of {@link #readSchema}; made on the first record read. */
    private transient RowReader reader;
    private transient Schema readSchema;
    /** The conversions into records of {@link #writeSchema}; made on the first row written. */
    private transient RowWriter writer;
    private transient Schema writeSchema;

    public AvroRowConverter(RowTypeInfo rowType) {
        this.rowType = rowType;
    }

    public Row toRow(GenericRecord record) {
        Schema schema = record.getSchema();
        if (schema != readSchema) {
            reader = new RowReader(rowType, schema);
            readSchema = schema;
        }
        return reader.read(record);
    }

    public GenericRecord toRecord(Row row, Schema schema) {
        if (schema != writeSchema) {
            writer = new RowWriter(rowType, schema);
            writeSchema = schema;
        }
        return writer.write(row);
    }

    /** One column's value from what Avro read (never null). */
    private interface FieldReader {
        Object read(Object value);
    }

    /** One column's value as Avro writes it (never null). */
    private interface FieldWriter {
        Object write(Object value);
    }

    /** A row of {@code type} from records of {@code schema}, field by field in column order. */
    private static final class RowReader {
        private final FieldReader[] fields;

        RowReader(RowTypeInfo type, Schema schema) {
            TypeInformation<?>[] types = type.getFieldTypes();
            List<Schema.Field> avroFields = schema.getFields();
            fields = new FieldReader[types.length];
            for (int i = 0; i < types.length; i++) {
                fields[i] = reader(types[i], avroFields.get(i).schema());
            }
        }

        Row read(GenericRecord record) {
            Row row = new Row(fields.length);
            for (int i = 0; i < fields.length; i++) {
                Object value = record.get(i);
                row.setField(i, value == null ? null : fields[i].read(value));
            }
            return row;
        }
    }

    private static FieldReader reader(TypeInformation<?> type, Schema schema) {
        Class<?> c = type.getTypeClass();
        if (type instanceof RowTypeInfo nested) {
            RowReader rows = new RowReader(nested, nonNull(schema));
            return value -> rows.read((GenericRecord) value);
        } else if (c == BigDecimal.class) {
            Schema bytes = nonNull(schema);
            LogicalTypes.Decimal decimal = (LogicalTypes.Decimal) bytes.getLogicalType();
            return value -> DECIMALS.fromBytes(((ByteBuffer) value).duplicate(), bytes, decimal);
        } else if (c == String.class) {
            return Object::toString;
        } else if (c == Short.class) {
            return value -> (short) (int) (Integer) value;
        } else if (c == Byte.class) {
            return value -> (byte) (int) (Integer) value;
        } else if (c == byte[].class) {
            return value -> {
                ByteBuffer buffer = ((ByteBuffer) value).duplicate();
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                return bytes;
            };
        } else if (c == LocalDate.class) {
            return value -> LocalDate.ofEpochDay((Integer) value);
        } else if (c == LocalTime.class) {
            return value -> LocalTime.ofNanoOfDay((Integer) value * 1_000_000L);
        } else if (c == LocalDateTime.class) {
            return value -> LocalDateTime.ofInstant(Instant.ofEpochMilli((Long) value), ZoneOffset.UTC);
        } else if (c == Instant.class) {
            return value -> Instant.ofEpochMilli((Long) value);
        }
        return value -> value; // Integer, Long, Float, Double, Boolean as they are
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

    /** Records of {@code schema} (every field a union of null and its type) from rows of {@code type}. */
    private static final class RowWriter {
        private final Schema schema;
        private final FieldWriter[] fields;

        RowWriter(RowTypeInfo type, Schema schema) {
            this.schema = schema;
            TypeInformation<?>[] types = type.getFieldTypes();
            fields = new FieldWriter[types.length];
            for (int i = 0; i < types.length; i++) {
                fields[i] = writer(types[i], schema.getFields().get(i).schema().getTypes().get(1));
            }
        }

        GenericRecord write(Row row) {
            GenericData.Record record = new GenericData.Record(schema);
            for (int i = 0; i < fields.length; i++) {
                Object value = row.getField(i);
                record.put(i, value == null ? null : fields[i].write(value));
            }
            return record;
        }
    }

    private static FieldWriter writer(TypeInformation<?> type, Schema schema) {
        if (type instanceof RowTypeInfo nested) {
            RowWriter rows = new RowWriter(nested, schema);
            return value -> rows.write((Row) value);
        }
        LogicalTypes.Decimal declared = schema.getLogicalType() instanceof LogicalTypes.Decimal d ? d : null;
        return value -> {
            if (value instanceof BigDecimal decimal) {
                return decimal(decimal, schema, declared);
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
        };
    }

    private static ByteBuffer decimal(BigDecimal decimal, Schema schema, LogicalTypes.Decimal declared) {
        if (declared == null) {
            throw new IllegalArgumentException("the value " + decimal + " is a DECIMAL, but its column's Avro type is "
                    + schema + "; declare the column as DECIMAL(p, s)");
        }
        BigDecimal scaled = decimal.setScale(declared.getScale(), RoundingMode.HALF_UP);
        if (scaled.precision() > declared.getPrecision()) {
            throw new IllegalArgumentException("the value " + decimal + " does not fit DECIMAL("
                    + declared.getPrecision() + ", " + declared.getScale() + ")");
        }
        return DECIMALS.toBytes(scaled, schema, declared);
    }
}
