package io.weir.connector.kafka.table;

import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import io.weir.api.types.RowTypeInfo;
import io.weir.api.types.TypeInformation;
import java.io.Serializable;
import java.util.List;

/**
 * Where a table's columns live in a Kafka record: the key fields (positions in the table's row) are
 * written in the key's format, the value fields in the value's format. Splits a table row into key and
 * value rows and joins them back.
 */
final class RowLayout implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int arity;
    private final int[] keyPositions;
    private final int[] valuePositions;

    RowLayout(int arity, int[] keyPositions, int[] valuePositions) {
        this.arity = arity;
        this.keyPositions = keyPositions;
        this.valuePositions = valuePositions;
    }

    /** The key columns named, in order; the value holds all columns or all but the key's. */
    static RowLayout of(RowTypeInfo rowType, List<String> keyFields, boolean valueIncludesKey) {
        List<String> names = List.of(rowType.getFieldNames());
        int[] keys = keyFields.stream().mapToInt(names::indexOf).toArray();
        int[] values = java.util.stream.IntStream.range(0, names.size())
                .filter(i -> valueIncludesKey || !keyFields.contains(names.get(i))).toArray();
        return new RowLayout(names.size(), keys, values);
    }

    boolean hasKey() {
        return keyPositions.length > 0;
    }

    static RowTypeInfo project(RowTypeInfo rowType, int[] positions) {
        TypeInformation<?>[] types = new TypeInformation<?>[positions.length];
        String[] names = new String[positions.length];
        for (int i = 0; i < positions.length; i++) {
            types[i] = rowType.getFieldTypes()[positions[i]];
            names[i] = rowType.getFieldNames()[positions[i]];
        }
        return new RowTypeInfo(types, names);
    }

    RowTypeInfo keyType(RowTypeInfo rowType) {
        return project(rowType, keyPositions);
    }

    RowTypeInfo valueType(RowTypeInfo rowType) {
        return project(rowType, valuePositions);
    }

    /** The key columns, as an {@code +I} row whatever the row's kind: a key is equal to itself across changes. */
    Row key(Row row) {
        return pick(row, keyPositions, RowKind.INSERT);
    }

    Row value(Row row) {
        return pick(row, valuePositions, row.getKind());
    }

    private static Row pick(Row row, int[] positions, RowKind kind) {
        Row picked = new Row(kind, positions.length);
        for (int i = 0; i < positions.length; i++) {
            picked.setField(i, row.getField(positions[i]));
        }
        return picked;
    }

    /** A table row of {@code kind} from a key row (may be null) and a value row (may be null: a delete). */
    Row join(RowKind kind, Row key, Row value) {
        Row row = new Row(kind, arity);
        if (value != null) {
            for (int i = 0; i < valuePositions.length; i++) {
                row.setField(valuePositions[i], value.getField(i));
            }
        }
        if (key != null) {
            for (int i = 0; i < keyPositions.length; i++) {
                row.setField(keyPositions[i], key.getField(i));
            }
        }
        return row;
    }
}
