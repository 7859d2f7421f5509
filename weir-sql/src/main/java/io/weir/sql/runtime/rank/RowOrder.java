package io.weir.sql.runtime.rank;

import io.weir.api.types.Row;
import java.io.Serializable;
import java.util.Comparator;

/**
 * The order of an {@code OVER (... ORDER BY a DESC, b)} clause: fields compared in turn, each
 * ascending or descending, with nulls first or last. Field values are {@link Comparable} (numbers,
 * strings, timestamps, ...).
 */
public final class RowOrder implements Comparator<Row>, Serializable {

    private static final long serialVersionUID = 1L;

    private final int[] fields;
    private final boolean[] descending;
    private final boolean[] nullsFirst;

    public RowOrder(int[] fields, boolean[] descending, boolean[] nullsFirst) {
        this.fields = fields.clone();
        this.descending = descending.clone();
        this.nullsFirst = nullsFirst.clone();
    }

    /** How many fields are compared. */
    public int size() {
        return fields.length;
    }

    /** The i-th field compared. */
    public int field(int i) {
        return fields[i];
    }

    public boolean isDescending(int i) {
        return descending[i];
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public int compare(Row a, Row b) {
        for (int i = 0; i < fields.length; i++) {
            Object x = a.getField(fields[i]);
            Object y = b.getField(fields[i]);
            int order;
            if (x == null || y == null) {
                order = x == y ? 0 : (x == null) == nullsFirst[i] ? -1 : 1;
            } else {
                order = ((Comparable) x).compareTo(y);
                if (descending[i]) {
                    order = -order;
                }
            }
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }
}
