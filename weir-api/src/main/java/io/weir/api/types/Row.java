package io.weir.api.types;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A record with any number of nullable fields and a {@link RowKind}, for data whose shape is only
 * known at runtime (SQL results, CSV lines). Its type is described by {@link RowTypeInfo}, which the
 * class alone cannot tell: give it with {@code returns(Types.ROW(...))}.
 *
 * <p>A row addresses its fields either by position ({@link #withPositions}, {@link #of}) or by name
 * ({@link #withNames}). Rows read by a serializer are positional but also answer
 * {@link #getField(String)} with the names of their type.
 */
public final class Row implements Serializable {
    private static final long serialVersionUID = 1L;

    private RowKind kind;
    private final Object[] fieldByPosition;
    private final LinkedHashMap<String, Object> fieldByName;
    private final Map<String, Integer> positionByName;

    private Row(RowKind kind, Object[] fieldByPosition, LinkedHashMap<String, Object> fieldByName,
            Map<String, Integer> positionByName) {
        this.kind = Objects.requireNonNull(kind, "row kind");
        this.fieldByPosition = fieldByPosition;
        this.fieldByName = fieldByName;
        this.positionByName = positionByName;
    }

    /** A positional row of kind INSERT with {@code arity} null fields. */
    public Row(int arity) {
        this(RowKind.INSERT, arity);
    }

    /** A positional row with {@code arity} null fields. */
    public Row(RowKind kind, int arity) {
        this(kind, new Object[arity], null, null);
    }

    public static Row withPositions(int arity) {
        return new Row(RowKind.INSERT, arity);
    }

    public static Row withPositions(RowKind kind, int arity) {
        return new Row(kind, arity);
    }

    /** An empty row whose fields are set and read by name, in insertion order. */
    public static Row withNames() {
        return withNames(RowKind.INSERT);
    }

    public static Row withNames(RowKind kind) {
        return new Row(kind, null, new LinkedHashMap<>(), null);
    }

    /** A positional INSERT row holding {@code values}. */
    public static Row of(Object... values) {
        return ofKind(RowKind.INSERT, values);
    }

    public static Row ofKind(RowKind kind, Object... values) {
        return new Row(kind, values.clone(), null, null);
    }

    /**
     * A positional row that also answers {@link #getField(String)}. For serializers: the row takes
     * {@code fields} and {@code positionByName} as they are, without copying.
     */
    public static Row withNamedPositions(RowKind kind, Object[] fields, Map<String, Integer> positionByName) {
        return new Row(kind, fields, null, Objects.requireNonNull(positionByName, "positions by name"));
    }

    /** A shallow copy: a new row of the same kind and mode holding the same field values. */
    public static Row copy(Row row) {
        return new Row(row.kind, row.fieldByPosition == null ? null : row.fieldByPosition.clone(),
                row.fieldByName == null ? null : new LinkedHashMap<>(row.fieldByName), row.positionByName);
    }

    public RowKind getKind() {
        return kind;
    }

    public void setKind(RowKind kind) {
        this.kind = Objects.requireNonNull(kind, "row kind");
    }

    /** The number of fields: fixed for positional rows, the number of names set for named rows. */
    public int getArity() {
        return fieldByPosition != null ? fieldByPosition.length : fieldByName.size();
    }

    public Object getField(int pos) {
        return positions("read")[pos];
    }

    @SuppressWarnings("unchecked")
    public <T> T getFieldAs(int pos) {
        return (T) getField(pos);
    }

    /** The field called {@code name}; for named rows null if it was never set. */
    public Object getField(String name) {
        if (fieldByName != null) {
            return fieldByName.get(name);
        }
        return fieldByPosition[positionOf(name)];
    }

    @SuppressWarnings("unchecked")
    public <T> T getFieldAs(String name) {
        return (T) getField(name);
    }

    public void setField(int pos, Object value) {
        positions("set")[pos] = value;
    }

    public void setField(String name, Object value) {
        if (fieldByName != null) {
            fieldByName.put(Objects.requireNonNull(name, "field name"), value);
        } else {
            fieldByPosition[positionOf(name)] = value;
        }
    }

    /**
     * The field names: always for named rows, for positional rows only if {@code includeNamedPositions}
     * and the row knows its names; otherwise null.
     */
    public Set<String> getFieldNames(boolean includeNamedPositions) {
        if (fieldByName != null) {
            return Collections.unmodifiableSet(fieldByName.keySet());
        }
        return includeNamedPositions && positionByName != null
                ? Collections.unmodifiableSet(positionByName.keySet()) : null;
    }

    private Object[] positions(String action) {
        if (fieldByPosition == null) {
            throw new IllegalStateException("Cannot " + action + " a field by position in a row created with "
                    + "Row.withNames(); use the field name, or create the row with Row.of(...)/Row.withPositions(...)");
        }
        return fieldByPosition;
    }

    private int positionOf(String name) {
        Integer pos = positionByName == null ? null : positionByName.get(name);
        if (pos == null) {
            throw new IllegalArgumentException(positionByName == null
                    ? "Cannot access field '" + name + "' by name in a positional row; use its position, "
                            + "or create the row with Row.withNames()"
                    : "Unknown field '" + name + "'; the row has fields " + positionByName.keySet());
        }
        return pos;
    }

    /** Equal if of the same kind and mode with deeply equal fields (arrays by content). */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Row other) || kind != other.kind) {
            return false;
        }
        if (fieldByPosition != null) {
            return other.fieldByPosition != null && Arrays.deepEquals(fieldByPosition, other.fieldByPosition);
        }
        if (other.fieldByName == null || fieldByName.size() != other.fieldByName.size()) {
            return false;
        }
        for (Map.Entry<String, Object> e : fieldByName.entrySet()) {
            if (!other.fieldByName.containsKey(e.getKey())
                    || !Objects.deepEquals(e.getValue(), other.fieldByName.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = kind.toByteValue();
        if (fieldByPosition != null) {
            return 31 * h + Arrays.deepHashCode(fieldByPosition);
        }
        for (Map.Entry<String, Object> e : fieldByName.entrySet()) {
            h += e.getKey().hashCode() ^ Arrays.deepHashCode(new Object[] {e.getValue()});
        }
        return h;
    }

    /** {@code +I[a, 1]} for positional rows, {@code +I{name=a, count=1}} for named rows. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(kind.shortString());
        if (fieldByPosition != null) {
            String fields = Arrays.deepToString(fieldByPosition);
            return sb.append(fields).toString();
        }
        sb.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> e : fieldByName.entrySet()) {
            if (!first) {
                sb.append(", ");
            }
            first = false;
            String value = Arrays.deepToString(new Object[] {e.getValue()});
            sb.append(e.getKey()).append('=').append(value, 1, value.length() - 1);
        }
        return sb.append('}').toString();
    }
}
