package io.weir.sql.types;

import java.util.List;
import java.util.Objects;

/**
 * A SQL type of Flink's type system: its root, nullability, length or precision, scale, and the
 * types it is made of (element of ARRAY and MULTISET, key and value of MAP, fields of ROW).
 * Immutable. {@link #toString()} is Flink's summary form ({@code STRING}, {@code BIGINT NOT NULL},
 * {@code TIMESTAMP(3) *ROWTIME*}, {@code ROW<`a` INT, `b` STRING>}), which DESCRIBE prints.
 */
public final class LogicalType {

    /** Length of STRING (VARCHAR) and BYTES (VARBINARY): as long as the JVM allows. */
    public static final int MAX_LENGTH = Integer.MAX_VALUE;

    private final LogicalTypeRoot root;
    private final boolean nullable;
    private final int precision;
    private final int scale;
    private final List<LogicalType> children;
    private final List<String> fieldNames;
    private final TimeAttribute timeAttribute;
    private final String intervalQualifier;

    /** Whether a timestamp column is the table's event time or processing time. */
    public enum TimeAttribute { NONE, ROWTIME, PROCTIME }

    private LogicalType(LogicalTypeRoot root, boolean nullable, int precision, int scale, List<LogicalType> children,
            List<String> fieldNames, TimeAttribute timeAttribute, String intervalQualifier) {
        this.root = root;
        this.nullable = nullable;
        this.precision = precision;
        this.scale = scale;
        this.children = List.copyOf(children);
        this.fieldNames = List.copyOf(fieldNames);
        this.timeAttribute = timeAttribute;
        this.intervalQualifier = intervalQualifier;
    }

    /** A type without parameters (BOOLEAN, INT, DATE, ...) or with a length/precision (-1: none). */
    public static LogicalType of(LogicalTypeRoot root, int precision, int scale) {
        return new LogicalType(root, true, precision, scale, List.of(), List.of(), TimeAttribute.NONE, null);
    }

    public static LogicalType of(LogicalTypeRoot root) {
        return of(root, -1, -1);
    }

    public static LogicalType interval(LogicalTypeRoot root, String qualifier) {
        return new LogicalType(root, true, -1, -1, List.of(), List.of(), TimeAttribute.NONE, qualifier);
    }

    public static LogicalType collection(LogicalTypeRoot root, List<LogicalType> children) {
        return new LogicalType(root, true, -1, -1, children, List.of(), TimeAttribute.NONE, null);
    }

    public static LogicalType row(List<String> fieldNames, List<LogicalType> fieldTypes) {
        return new LogicalType(LogicalTypeRoot.ROW, true, -1, -1, fieldTypes, fieldNames, TimeAttribute.NONE, null);
    }

    public LogicalType copy(boolean isNullable) {
        return new LogicalType(root, isNullable, precision, scale, children, fieldNames, timeAttribute,
                intervalQualifier);
    }

    public LogicalType withTimeAttribute(TimeAttribute attribute) {
        return new LogicalType(root, nullable, precision, scale, children, fieldNames, attribute, intervalQualifier);
    }

    public LogicalTypeRoot root() {
        return root;
    }

    public boolean isNullable() {
        return nullable;
    }

    /** Length of CHAR/VARCHAR/BINARY/VARBINARY, precision of DECIMAL/TIME/TIMESTAMP; -1 if none. */
    public int precision() {
        return precision;
    }

    /** Scale of DECIMAL; -1 otherwise. */
    public int scale() {
        return scale;
    }

    /** Element, key and value, or field types. */
    public List<LogicalType> children() {
        return children;
    }

    public List<String> fieldNames() {
        return fieldNames;
    }

    public TimeAttribute timeAttribute() {
        return timeAttribute;
    }

    /** The qualifier of an interval type, e.g. {@code DAY TO SECOND(3)}; null otherwise. */
    public String intervalQualifier() {
        return intervalQualifier;
    }

    @Override
    public String toString() {
        String text = baseString();
        if (timeAttribute == TimeAttribute.ROWTIME) {
            text += " *ROWTIME*";
        } else if (timeAttribute == TimeAttribute.PROCTIME) {
            text += " *PROCTIME*";
        }
        return nullable ? text : text + " NOT NULL";
    }

    private String baseString() {
        return switch (root) {
            case BOOLEAN, TINYINT, SMALLINT, BIGINT, FLOAT, DOUBLE, DATE, NULL -> root.name();
            case INTEGER -> "INT";
            case DECIMAL -> "DECIMAL(" + precision + ", " + scale + ")";
            case CHAR -> "CHAR(" + precision + ")";
            case VARCHAR -> precision == MAX_LENGTH ? "STRING" : "VARCHAR(" + precision + ")";
            case BINARY -> "BINARY(" + precision + ")";
            case VARBINARY -> precision == MAX_LENGTH ? "BYTES" : "VARBINARY(" + precision + ")";
            case TIME_WITHOUT_TIME_ZONE -> "TIME(" + precision + ")";
            case TIMESTAMP_WITHOUT_TIME_ZONE -> "TIMESTAMP(" + precision + ")";
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> "TIMESTAMP_LTZ(" + precision + ")";
            case INTERVAL_YEAR_MONTH, INTERVAL_DAY_TIME -> "INTERVAL " + intervalQualifier;
            case ARRAY -> "ARRAY<" + children.get(0) + ">";
            case MULTISET -> "MULTISET<" + children.get(0) + ">";
            case MAP -> "MAP<" + children.get(0) + ", " + children.get(1) + ">";
            case ROW -> rowString();
        };
    }

    private String rowString() {
        StringBuilder text = new StringBuilder("ROW<");
        for (int i = 0; i < children.size(); i++) {
            text.append(i == 0 ? "" : ", ").append('`').append(fieldNames.get(i)).append("` ").append(children.get(i));
        }
        return text.append('>').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LogicalType other && root == other.root && nullable == other.nullable
                && precision == other.precision && scale == other.scale && children.equals(other.children)
                && fieldNames.equals(other.fieldNames) && timeAttribute == other.timeAttribute
                && Objects.equals(intervalQualifier, other.intervalQualifier);
    }

    @Override
    public int hashCode() {
        return Objects.hash(root, nullable, precision, scale, children, fieldNames, timeAttribute);
    }
}
