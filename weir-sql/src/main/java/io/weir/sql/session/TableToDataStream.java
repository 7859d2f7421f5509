package io.weir.sql.session;

import io.weir.api.datastream.DataStream;
import io.weir.api.types.CompositeType;
import io.weir.api.types.Row;
import io.weir.api.types.TypeInformation;
import io.weir.sql.api.Schema;
import io.weir.sql.api.Table;
import io.weir.sql.api.ValidationException;
import io.weir.sql.catalog.Column;
import io.weir.sql.catalog.TableSchema;
import io.weir.sql.runtime.RowToObject;
import io.weir.sql.types.LogicalType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code toDataStream(table, Class)}: matches the table's columns to the class's fields by name
 * (or its one column to an atomic class) and checks their types before anything runs, so a
 * mismatch is an error that names the columns and fields, not a failure in the job.
 */
final class TableToDataStream {

    private TableToDataStream() {
    }

    @SuppressWarnings("unchecked")
    static <T> DataStream<T> convert(Table table, DataStream<Row> rows, Class<T> targetClass) {
        if (targetClass == Row.class) {
            return (DataStream<T>) rows;
        }
        TypeInformation<T> type;
        try {
            type = TypeInformation.of(targetClass);
        } catch (RuntimeException e) {
            throw new ValidationException("toDataStream: " + targetClass.getName() + " is no type a table converts to ("
                    + e.getMessage() + "); use a POJO, a record, a tuple, Row or an atomic class such as Long", e);
        }
        TableSchema schema = table.getResolvedSchema();
        List<String> columns = schema.columnNames();
        if (!(type instanceof CompositeType<T> composite)) {
            LogicalType fieldType = DataStreamTables.logicalType(type);
            if (columns.size() != 1) {
                throw new ValidationException("toDataStream: " + targetClass.getName() + " is an atomic type, which takes "
                        + "a table of one column, but the table has " + columns.size() + " columns " + columns
                        + "; select one column, or convert to a POJO or record whose fields are named " + columns);
            }
            checkType(schema.columns().get(0), fieldType, "class " + targetClass.getName());
            return rows.map(new RowToObject<>(type, null), type);
        }
        String[] fields = composite.getFieldNames();
        List<String> missing = new ArrayList<>();
        for (String field : fields) {
            if (!columns.contains(field)) {
                missing.add(field);
            }
        }
        List<String> extra = new ArrayList<>(columns);
        extra.removeAll(Arrays.asList(fields));
        if (!missing.isEmpty() || !extra.isEmpty()) {
            throw new ValidationException("toDataStream: the columns of the table " + columns + " and the fields of "
                    + targetClass.getName() + " " + Arrays.asList(fields) + " do not match by name: "
                    + (missing.isEmpty() ? "" : "fields without a column " + missing + (extra.isEmpty() ? "" : "; "))
                    + (extra.isEmpty() ? "" : "columns without a field " + extra)
                    + ". Rename columns with AS (or Table.as(...)) or select only the columns the class has");
        }
        int[] positions = new int[fields.length];
        for (int i = 0; i < fields.length; i++) {
            positions[i] = columns.indexOf(fields[i]);
            checkType(schema.columns().get(positions[i]), DataStreamTables.logicalType(composite.getTypeAt(i)),
                    "field '" + fields[i] + "' of " + targetClass.getName());
        }
        return rows.map(new RowToObject<>(type, positions), type);
    }

    /**
     * The query of {@code table} with the columns a target schema of {@code toChangelogStream} declares:
     * each physical column by name, cast to its type; the {@code rowtime} metadata column is the
     * records' timestamp and no field; a schema without columns keeps the table's query.
     */
    static String projection(Table table, Schema targetSchema) {
        List<String> columns = table.getResolvedSchema().columnNames();
        List<String> items = new ArrayList<>();
        for (Schema.UnresolvedColumn column : targetSchema.getColumns()) {
            if (column.metadataKey() != null) {
                if (!column.metadataKey().equals("rowtime")) {
                    throw new ValidationException("toChangelogStream: metadata column '" + column.name() + "' reads "
                            + "the key '" + column.metadataKey() + "', but a DataStream's only metadata is 'rowtime', "
                            + "the records' timestamp");
                }
                continue;
            }
            if (column.expression() != null) {
                throw new ValidationException("toChangelogStream: computed column '" + column.name() + "' in the "
                        + "target schema; compute it in the table first (addColumns or a SELECT), and declare it with "
                        + "column(name, type)");
            }
            if (!columns.contains(column.name())) {
                throw new ValidationException("toChangelogStream: the target schema's column '" + column.name()
                        + "' is none of the table's columns " + columns);
            }
            items.add("CAST(" + quoted(column.name()) + " AS " + column.type() + ") AS " + quoted(column.name()));
        }
        for (String key : targetSchema.getPrimaryKey()) {
            if (!columns.contains(key)) {
                throw new ValidationException("toChangelogStream: the primary key column '" + key + "' is none of "
                        + "the table's columns " + columns);
            }
        }
        if (items.isEmpty()) {
            return table.toSqlString();
        }
        return "SELECT " + String.join(", ", items) + " FROM (" + table.toSqlString() + ") AS `$t`";
    }

    /**
     * For a target type with declared fields ({@code DataTypes.ROW(FIELD(...))}, {@code STRUCTURED(class,
     * FIELD(...))}): the table's query with each field's column cast to the field's type, in the fields'
     * order; null for a type without fields. A ROW's fields must be exactly the table's columns.
     */
    static String fieldProjection(Table table, io.weir.sql.types.DataType type) {
        String text = type.sqlType().trim();
        boolean row = text.startsWith("ROW<");
        if (!row && !text.startsWith("STRUCTURED<")) {
            return null;
        }
        List<String> parts = topLevelParts(text.substring(text.indexOf('<') + 1, text.length() - 1));
        List<String[]> fields = new ArrayList<>();
        for (String part : row ? parts : parts.subList(1, parts.size())) {
            int end = part.indexOf('`', 1);
            while (end + 1 < part.length() && part.charAt(end + 1) == '`') {
                end = part.indexOf('`', end + 2);
            }
            fields.add(new String[] {part.substring(1, end).replace("``", "`"), part.substring(end + 1).trim()});
        }
        if (fields.isEmpty()) {
            return null;
        }
        List<String> columns = table.getResolvedSchema().columnNames();
        List<String> names = fields.stream().map(field -> field[0]).toList();
        List<String> missing = new ArrayList<>(names);
        missing.removeAll(columns);
        List<String> extra = new ArrayList<>(columns);
        extra.removeAll(names);
        if (!missing.isEmpty() || row && !extra.isEmpty()) {
            throw new ValidationException("toDataStream: the columns of the table " + columns + " and the fields of "
                    + type.sqlType() + " " + names + " do not match by name: "
                    + (missing.isEmpty() ? "" : "fields without a column " + missing + (extra.isEmpty() ? "" : "; "))
                    + (extra.isEmpty() ? "" : "columns without a field " + extra)
                    + ". Rename columns with AS (or Table.as(...)) or select only the columns the type has");
        }
        List<String> items = new ArrayList<>();
        for (String[] field : fields) {
            items.add("CAST(" + quoted(field[0]) + " AS " + field[1] + ") AS " + quoted(field[0]));
        }
        if (!row) {
            extra.forEach(column -> items.add(quoted(column)));
        }
        return "SELECT " + String.join(", ", items) + " FROM (" + table.toSqlString() + ") AS `$t`";
    }

    /** The comma-separated parts of a type list, not splitting inside {@code <>} or {@code ()}. */
    private static List<String> topLevelParts(String list) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        boolean quoted = false;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (c == '`') {
                quoted = !quoted;
            } else if (!quoted && (c == '<' || c == '(')) {
                depth++;
            } else if (!quoted && (c == '>' || c == ')')) {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                parts.add(list.substring(start, i).trim());
                start = i + 1;
            }
        }
        parts.add(list.substring(start).trim());
        return parts;
    }

    private static String quoted(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    private static void checkType(Column column, LogicalType fieldType, String target) {
        if (fieldType == null || fieldType.root() != column.type().root()) {
            throw new ValidationException("toDataStream: column '" + column.name() + "' is " + column.type()
                    + ", but " + target + " holds " + (fieldType == null ? "a class SQL has no type for" : fieldType
                    + " values") + "; CAST the column to the field's type, or change the field's type");
        }
    }

    /** The default class of values of a data type given as SQL text: {@code BIGINT} is Long, {@code ROW<...>} Row. */
    static Class<?> conversionClass(io.weir.sql.types.DataType type) {
        String text = type.sqlType().trim().toUpperCase(java.util.Locale.ROOT);
        String word = text.split("[^A-Z_]", 2)[0];
        return switch (word) {
            case "ROW" -> Row.class;
            case "STRING", "VARCHAR", "CHAR" -> String.class;
            case "BOOLEAN" -> Boolean.class;
            case "TINYINT" -> Byte.class;
            case "SMALLINT" -> Short.class;
            case "INT", "INTEGER" -> Integer.class;
            case "BIGINT" -> Long.class;
            case "FLOAT" -> Float.class;
            case "DOUBLE" -> Double.class;
            case "DECIMAL" -> java.math.BigDecimal.class;
            case "DATE" -> java.time.LocalDate.class;
            case "TIME" -> java.time.LocalTime.class;
            case "TIMESTAMP" -> java.time.LocalDateTime.class;
            case "TIMESTAMP_LTZ" -> java.time.Instant.class;
            case "BYTES", "VARBINARY", "BINARY" -> byte[].class;
            default -> throw new ValidationException("toDataStream: data type " + type + " is not one a table converts to; "
                    + "use DataTypes.of(SomeClass.class), a ROW type or an atomic type such as DataTypes.BIGINT()");
        };
    }
}
