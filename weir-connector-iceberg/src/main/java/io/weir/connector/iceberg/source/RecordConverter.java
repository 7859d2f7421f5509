package io.weir.connector.iceberg.source;

import io.weir.api.types.Row;
import io.weir.api.types.RowTypeInfo;
import io.weir.api.types.TypeInformation;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.apache.iceberg.data.Record;

/**
 * Turns Iceberg generic records into Weir {@link Row}s of a row type, field by field by name, each
 * value into the Java class of its field's type (an {@code int} column into a {@code Short} field,
 * a {@code timestamptz} into an {@link Instant}, {@code binary} into {@code byte[]}).
 */
final class RecordConverter implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String[] names;
    private final Class<?>[] classes;

    RecordConverter(RowTypeInfo rowType) {
        this.names = rowType.getFieldNames();
        TypeInformation<?>[] types = rowType.getFieldTypes();
        this.classes = new Class<?>[types.length];
        for (int i = 0; i < types.length; i++) {
            classes[i] = types[i].getTypeClass();
        }
    }

    Row toRow(Record record) {
        Row row = new Row(names.length);
        for (int i = 0; i < names.length; i++) {
            row.setField(i, convert(record.getField(names[i]), classes[i]));
        }
        return row;
    }

    private static Object convert(Object value, Class<?> target) {
        if (value == null || target.isInstance(value)) {
            return value;
        }
        if (value instanceof Number number) {
            if (target == Short.class) {
                return number.shortValue();
            } else if (target == Byte.class) {
                return number.byteValue();
            } else if (target == Long.class) {
                return number.longValue();
            } else if (target == Double.class) {
                return number.doubleValue();
            }
        }
        if (value instanceof OffsetDateTime time) {
            return target == LocalDateTime.class ? time.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()
                    : time.toInstant();
        }
        if (value instanceof LocalDateTime time && target == Instant.class) {
            return time.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof ByteBuffer buffer) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.duplicate().get(bytes);
            return bytes;
        }
        return value;
    }
}
