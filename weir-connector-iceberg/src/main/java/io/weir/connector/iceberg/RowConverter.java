package io.weir.connector.iceberg;

import io.weir.api.types.BasicTypeInfo;
import io.weir.api.types.PrimitiveArrayTypeInfo;
import io.weir.api.types.Row;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.iceberg.Schema;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/**
 * Turns Weir {@link Row}s into Iceberg records of a table's schema, matching fields by name.
 * {@link #check} tells, before the job runs, whether the rows fit the table: every field must be
 * a column of a type the field's values convert to, and every required column must be a field.
 *
 * <p>Conversions: byte and short to int; {@link Instant} to a timestamp with zone (UTC); a
 * {@link BigDecimal} to the column's scale (rounding half up); {@code byte[]} to binary. Values
 * of any other type must already be what Iceberg's generic records hold for the column.
 */
final class RowConverter implements Serializable {
    private static final long serialVersionUID = 1L;

    private static final Map<Type.TypeID, Set<Class<?>>> ACCEPTED = Map.ofEntries(
            Map.entry(Type.TypeID.BOOLEAN, Set.of(Boolean.class)),
            Map.entry(Type.TypeID.INTEGER, Set.of(Integer.class, Short.class, Byte.class)),
            Map.entry(Type.TypeID.LONG, Set.of(Long.class, Integer.class, Short.class, Byte.class)),
            Map.entry(Type.TypeID.FLOAT, Set.of(Float.class)),
            Map.entry(Type.TypeID.DOUBLE, Set.of(Double.class, Float.class)),
            Map.entry(Type.TypeID.DECIMAL, Set.of(BigDecimal.class)),
            Map.entry(Type.TypeID.STRING, Set.of(String.class)),
            Map.entry(Type.TypeID.DATE, Set.of(LocalDate.class)),
            Map.entry(Type.TypeID.TIME, Set.of(LocalTime.class)),
            Map.entry(Type.TypeID.TIMESTAMP, Set.of(LocalDateTime.class, Instant.class)),
            Map.entry(Type.TypeID.BINARY, Set.of(byte[].class)),
            Map.entry(Type.TypeID.FIXED, Set.of(byte[].class)));

    private final Schema schema;
    /** For each column of the schema, the row field that holds it, or -1. */
    private final int[] fieldOfColumn;

    private RowConverter(Schema schema, int[] fieldOfColumn) {
        this.schema = schema;
        this.fieldOfColumn = fieldOfColumn;
    }

    /**
     * A converter from rows with these fields to the table's schema.
     *
     * @throws IllegalArgumentException naming the table, the column and what to do, when the rows do not fit
     */
    static RowConverter check(String table, Schema schema, String[] fieldNames, TypeInformation<?>[] fieldTypes) {
        List<String> problems = new ArrayList<>();
        int[] fieldOfColumn = new int[schema.columns().size()];
        for (int c = 0; c < fieldOfColumn.length; c++) {
            Types.NestedField column = schema.columns().get(c);
            fieldOfColumn[c] = indexOf(fieldNames, column.name());
            if (fieldOfColumn[c] < 0 && column.isRequired()) {
                problems.add("the required column '" + column.name() + "' (" + column.type() + ") has no field in the "
                        + "rows; add a field of that name to the rows");
            }
        }
        for (int f = 0; f < fieldNames.length; f++) {
            Types.NestedField column = schema.caseInsensitiveFindField(fieldNames[f]);
            if (column == null || !isTopLevel(schema, column)) {
                problems.add("the rows' field '" + fieldNames[f] + "' is not a column of the table; add the column to "
                        + "the table (ALTER TABLE ... ADD COLUMN in Iceberg) or drop the field from the rows");
                continue;
            }
            Class<?> fieldClass = classOf(fieldTypes[f]);
            Set<Class<?>> accepted = ACCEPTED.get(column.type().typeId());
            if (fieldClass != null && (accepted == null || !accepted.contains(fieldClass))) {
                problems.add("column '" + column.name() + "' is " + column.type() + " but the rows' field holds "
                        + fieldClass.getSimpleName() + "; cast the field to the column's type, or change the column");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("The rows do not fit Iceberg table " + table + ": "
                    + String.join("; ", problems));
        }
        return new RowConverter(schema, fieldOfColumn);
    }

    Schema schema() {
        return schema;
    }

    GenericRecord toRecord(Row row) {
        GenericRecord record = GenericRecord.create(schema);
        for (int c = 0; c < fieldOfColumn.length; c++) {
            if (fieldOfColumn[c] >= 0) {
                record.set(c, convert(schema.columns().get(c).type(), row.getField(fieldOfColumn[c])));
            }
        }
        return record;
    }

    private static Object convert(Type type, Object value) {
        if (value == null) {
            return null;
        }
        return switch (type.typeId()) {
            case INTEGER -> ((Number) value).intValue();
            case LONG -> ((Number) value).longValue();
            case DOUBLE -> ((Number) value).doubleValue();
            case DECIMAL -> ((BigDecimal) value).setScale(((Types.DecimalType) type).scale(), RoundingMode.HALF_UP);
            case TIMESTAMP -> timestamp((Types.TimestampType) type, value);
            case BINARY -> ByteBuffer.wrap((byte[]) value);
            default -> value;
        };
    }

    private static Object timestamp(Types.TimestampType type, Object value) {
        if (type.shouldAdjustToUTC()) {
            return value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC)
                    : ((LocalDateTime) value).atOffset(ZoneOffset.UTC);
        }
        return value instanceof Instant instant ? LocalDateTime.ofInstant(instant, ZoneOffset.UTC) : value;
    }

    private static boolean isTopLevel(Schema schema, Types.NestedField column) {
        return schema.columns().contains(column);
    }

    private static int indexOf(String[] names, String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The Java class of a field's values, or null when the type says too little to check. */
    private static Class<?> classOf(TypeInformation<?> type) {
        if (type instanceof BasicTypeInfo<?> || type instanceof PrimitiveArrayTypeInfo<?>) {
            return type.getTypeClass();
        }
        return null;
    }
}
