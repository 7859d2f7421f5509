package io.weir.formats.avro.table;

import io.weir.api.types.RowTypeInfo;
import io.weir.api.types.TypeInformation;
import io.weir.sql.connectors.formats.FormatFactory.Decimal;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;

/**
 * The Avro schema of a table's rows, derived from its columns as Flink's avro format derives it: a
 * record named {@code record} (nested rows {@code record_<column>}), every column a union of
 * {@code null} and its type with default {@code null}, dates, times and decimals as Avro logical types
 * (a {@code DECIMAL(p, s)} column is {@code bytes} with logical type {@code decimal(p, s)}).
 */
public final class AvroRowSchemas {
    private AvroRowSchemas() {}

    /**
     * The schema, or an {@link IllegalArgumentException} naming the first column Avro cannot hold.
     *
     * @param decimals the precision and scale of the table's DECIMAL columns by name (the rows' type
     *     does not carry them)
     */
    public static Schema of(RowTypeInfo rowType, Map<String, Decimal> decimals) {
        return record("record", rowType, null, decimals);
    }

    /**
     * The schema to read records written with {@code writer} into rows: the derived one, with its
     * records named as the writer's records at the same place, so that Avro resolves nested records
     * (which it matches by name inside unions).
     */
    public static Schema of(RowTypeInfo rowType, Schema writer, Map<String, Decimal> decimals) {
        return record("record", rowType, writer, decimals);
    }

    /** @param decimals the DECIMAL columns' precision and scale by name; empty for a nested row */
    private static Schema record(String name, RowTypeInfo rowType, Schema writer, Map<String, Decimal> decimals) {
        SchemaBuilder.FieldAssembler<Schema> fields =
                SchemaBuilder.record(writer == null ? name : writer.getFullName()).fields();
        String[] names = rowType.getFieldNames();
        TypeInformation<?>[] types = rowType.getFieldTypes();
        for (int i = 0; i < names.length; i++) {
            Schema nestedWriter = writer == null ? null : recordOf(writer.getField(names[i]));
            Schema type = type(name + "_" + names[i], names[i], types[i], nestedWriter, decimals.get(names[i]));
            Schema nullable = Schema.createUnion(List.of(Schema.create(Schema.Type.NULL), type));
            fields = fields.name(names[i]).type(nullable).withDefault(null);
        }
        return fields.endRecord();
    }

    /** The record a writer's field holds (alone or as a branch of a union), or null. */
    private static Schema recordOf(Schema.Field field) {
        if (field == null) {
            return null;
        }
        Schema schema = field.schema();
        if (schema.getType() == Schema.Type.UNION) {
            return schema.getTypes().stream().filter(branch -> branch.getType() == Schema.Type.RECORD)
                    .findFirst().orElse(null);
        }
        return schema.getType() == Schema.Type.RECORD ? schema : null;
    }

    private static Schema type(String nestedName, String column, TypeInformation<?> type, Schema writer,
            Decimal decimal) {
        if (type instanceof RowTypeInfo row) {
            return record(nestedName, row, writer, Map.of());
        }
        Class<?> c = type.getTypeClass();
        if (c == String.class) {
            return Schema.create(Schema.Type.STRING);
        } else if (c == Boolean.class) {
            return Schema.create(Schema.Type.BOOLEAN);
        } else if (c == Integer.class || c == Short.class || c == Byte.class) {
            return Schema.create(Schema.Type.INT);
        } else if (c == Long.class) {
            return Schema.create(Schema.Type.LONG);
        } else if (c == Float.class) {
            return Schema.create(Schema.Type.FLOAT);
        } else if (c == Double.class) {
            return Schema.create(Schema.Type.DOUBLE);
        } else if (c == byte[].class) {
            return Schema.create(Schema.Type.BYTES);
        } else if (c == LocalDate.class) {
            return LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT));
        } else if (c == LocalTime.class) {
            return LogicalTypes.timeMillis().addToSchema(Schema.create(Schema.Type.INT));
        } else if (c == LocalDateTime.class) {
            return LogicalTypes.localTimestampMillis().addToSchema(Schema.create(Schema.Type.LONG));
        } else if (c == Instant.class) {
            return LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG));
        } else if (c == BigDecimal.class) {
            if (decimal == null) {
                throw new IllegalArgumentException("field '" + column + "' is a DECIMAL whose precision and scale are not"
                        + " known here (a DECIMAL inside a ROW), which the avro format cannot hold yet; use a top-level"
                        + " DECIMAL column, DOUBLE, or STRING and CAST");
            }
            return LogicalTypes.decimal(decimal.precision(), decimal.scale()).addToSchema(Schema.create(Schema.Type.BYTES));
        }
        throw new IllegalArgumentException("column '" + column + "' has type " + type + ", which the avro format"
                + " cannot hold");
    }
}
