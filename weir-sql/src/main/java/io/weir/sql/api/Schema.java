package io.weir.sql.api;

import io.weir.sql.types.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns of a table made from a DataStream (Flink's {@code Schema}), for
 * {@link StreamTableEnvironment#fromDataStream(io.weir.api.datastream.DataStream, Schema)}: which of
 * the stream's fields become columns and with which types, computed columns, the rowtime column read
 * from the records' timestamps, and the watermark.
 *
 * <pre>{@code
 * Schema.newBuilder()
 *         .columnByMetadata("rowtime", "TIMESTAMP_LTZ(3)")   // the record's timestamp
 *         .watermark("rowtime", "SOURCE_WATERMARK()")        // the stream's own watermarks
 *         .build();
 * }</pre>
 *
 * <p>Without physical columns the stream's fields are all columns, with types derived from the
 * stream's type; with some, exactly those fields are, in the order given. A schema is plain data:
 * it is checked when a table is made of it, and errors name the column.
 */
public final class Schema {

    /** A column as declared: physical, computed ({@code expression}) or metadata ({@code metadataKey}). */
    public record UnresolvedColumn(String name, String type, String expression, String metadataKey) {

        public boolean isPhysical() {
            return expression == null && metadataKey == null;
        }
    }

    /** {@code WATERMARK FOR column AS expression}. */
    public record UnresolvedWatermark(String column, String expression) {
    }

    private final List<UnresolvedColumn> columns;
    private final UnresolvedWatermark watermark;

    private List<String> primaryKey = List.of();

    private Schema(List<UnresolvedColumn> columns, UnresolvedWatermark watermark) {
        this.columns = List.copyOf(columns);
        this.watermark = watermark;
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** The schema that derives every column from the stream's type. */
    public static Schema derived() {
        return new Schema(List.of(), null);
    }

    public List<UnresolvedColumn> getColumns() {
        return columns;
    }

    /** The watermark, or null. */
    public UnresolvedWatermark getWatermark() {
        return watermark;
    }

    /** The primary key's columns, empty if the schema declares none. */
    public List<String> getPrimaryKey() {
        return primaryKey;
    }

    @Override
    public String toString() {
        return "Schema" + columns + (watermark == null ? "" : " " + watermark)
                + (primaryKey.isEmpty() ? "" : " PRIMARY KEY " + primaryKey);
    }

    /** Declares the columns in order; {@link #build()} makes the schema. */
    public static final class Builder {
        private final List<UnresolvedColumn> columns = new ArrayList<>();
        private UnresolvedWatermark watermark;
        private List<String> primaryKey = List.of();

        private Builder() {
        }

        /** A field of the stream (a POJO field, a record component, a tuple's {@code f0}, ...) with its SQL type. */
        public Builder column(String name, DataType type) {
            return column(name, type.sqlType());
        }

        /** Same as {@link #column(String, DataType)}, the type as SQL text: {@code "DECIMAL(10, 2)"}. */
        public Builder column(String name, String sqlType) {
            return add(new UnresolvedColumn(name, sqlType, null, null));
        }

        /** A column computed from the others: {@code columnByExpression("total", "price * qty")}. */
        public Builder columnByExpression(String name, String sqlExpression) {
            return add(new UnresolvedColumn(name, null, sqlExpression, null));
        }

        /** Same as {@link #columnByExpression(String, String)}, from a Table API expression. */
        public Builder columnByExpression(String name, io.weir.sql.expressions.Expression expression) {
            return columnByExpression(name, expression.asSerializableString());
        }

        /**
         * A column read from the stream's metadata under the key {@code name}; the one key a
         * DataStream has is {@code rowtime}, the record's timestamp ({@code TIMESTAMP_LTZ(3)} or
         * {@code TIMESTAMP(3)}).
         */
        public Builder columnByMetadata(String name, String sqlType) {
            return columnByMetadata(name, sqlType, name);
        }

        public Builder columnByMetadata(String name, DataType type) {
            return columnByMetadata(name, type.sqlType(), name);
        }

        /** A metadata column named {@code name} read from the key {@code metadataKey}. */
        public Builder columnByMetadata(String name, String sqlType, String metadataKey) {
            return add(new UnresolvedColumn(name, sqlType, null, metadataKey));
        }

        public Builder columnByMetadata(String name, DataType type, String metadataKey) {
            return columnByMetadata(name, type.sqlType(), metadataKey);
        }

        /**
         * The rowtime column and its watermark expression: {@code "SOURCE_WATERMARK()"} passes the
         * stream's own watermarks on, any other expression ({@code "ts - INTERVAL '5' SECOND"})
         * computes watermarks from the rows, as {@code WATERMARK FOR} does in DDL.
         */
        public Builder watermark(String columnName, String sqlExpression) {
            if (watermark != null) {
                throw new ValidationException("Schema: a table has one watermark, but watermark(...) was called for '"
                        + watermark.column() + "' and '" + columnName + "'");
            }
            watermark = new UnresolvedWatermark(columnName, sqlExpression);
            return this;
        }

        public Builder watermark(String columnName, io.weir.sql.expressions.Expression expression) {
            return watermark(columnName, expression.asSerializableString());
        }

        /**
         * The primary key ({@code NOT ENFORCED}, as in Flink): an upsert changelog stream
         * ({@code fromChangelogStream} with {@code ChangelogMode.upsert()}) updates rows by it.
         */
        public Builder primaryKey(String... columnNames) {
            if (columnNames.length == 0) {
                throw new ValidationException("Schema: primaryKey(...) needs at least one column");
            }
            primaryKey = List.of(columnNames);
            return this;
        }

        public Schema build() {
            Schema schema = new Schema(columns, watermark);
            schema.primaryKey = primaryKey;
            return schema;
        }

        private Builder add(UnresolvedColumn column) {
            for (UnresolvedColumn existing : columns) {
                if (existing.name().equals(column.name())) {
                    throw new ValidationException("Schema: column '" + column.name() + "' is declared twice");
                }
            }
            columns.add(column);
            return this;
        }
    }
}
