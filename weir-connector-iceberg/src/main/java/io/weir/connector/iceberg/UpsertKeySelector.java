package io.weir.connector.iceberg;

import io.weir.api.functions.KeySelector;
import io.weir.api.types.Row;
import java.util.List;

/**
 * The upsert key of a row as one string (the key fields' values, separated by a character no value
 * of a key column should hold). Upsert mode routes rows by it, so every change of a key goes to
 * the same sink subtask, in order: two subtasks committing changes of one key in two snapshots
 * could otherwise apply them in the wrong order.
 */
final class UpsertKeySelector implements KeySelector<Row, String> {
    private static final long serialVersionUID = 1L;

    private final int[] keyFields;

    UpsertKeySelector(String[] fieldNames, List<String> key) {
        this.keyFields = new int[key.size()];
        for (int k = 0; k < keyFields.length; k++) {
            keyFields[k] = indexOf(fieldNames, key.get(k));
        }
    }

    private static int indexOf(String[] names, String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equalsIgnoreCase(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("The rows have no field for the upsert key column '" + name
                + "'; add it to the rows");
    }

    @Override
    public String getKey(Row row) {
        StringBuilder key = new StringBuilder();
        for (int field : keyFields) {
            key.append(row.getField(field)).append('\u0000');
        }
        return key.toString();
    }
}
