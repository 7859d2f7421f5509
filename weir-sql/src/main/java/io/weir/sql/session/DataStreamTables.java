package io.weir.sql.session;

import io.weir.api.datastream.DataStream;
import io.weir.api.types.BasicTypeInfo;
import io.weir.api.types.CompositeType;
import io.weir.api.types.ListTypeInfo;
import io.weir.api.types.MapTypeInfo;
import io.weir.api.types.PrimitiveArrayTypeInfo;
import io.weir.api.types.RowTypeInfo;
import io.weir.api.types.TypeInformation;
import io.weir.sql.api.Schema;
import io.weir.sql.api.ValidationException;
import io.weir.sql.catalog.CatalogTable;
import io.weir.sql.catalog.Column;
import io.weir.sql.catalog.ObjectIdentifier;
import io.weir.sql.catalog.SessionCatalogs;
import io.weir.sql.connectors.ChangelogMode;
import io.weir.sql.catalog.TableSchema;
import io.weir.sql.catalog.WatermarkSpec;
import io.weir.sql.parser.SqlStatementParser;
import io.weir.sql.parser.ddl.SqlCreateTable;
import io.weir.sql.planner.DataStreamScans;
import io.weir.sql.types.LogicalType;
import io.weir.sql.types.LogicalTypeRoot;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes the catalog table of a DataStream ({@code fromDataStream}, {@code createTemporaryView}): the
 * stream's fields as physical columns, typed from the stream's {@link TypeInformation} (as Flink
 * maps Java classes to SQL types) or as the {@link Schema} declares, then the schema's computed and
 * metadata columns and watermark. The table is written as the DDL it stands for and converted like
 * any {@code CREATE TABLE}, so its columns and watermark are checked the same way; the stream
 * itself stays in the session ({@link SessionCatalogs#registerDataStream}) and the planner reads it
 * in place of a connector ({@link DataStreamScans}).
 */
final class DataStreamTables {

    private DataStreamTables() {
    }

    static CatalogTable create(SessionCatalogs catalogs, DataStream<?> stream, Schema schema) {
        return create(catalogs, stream, schema, null);
    }

    /**
     * @param changelogMode the kinds of the stream's rows for {@code fromChangelogStream} (the
     *     records are Rows), or null for an insert-only stream of any type
     */
    static CatalogTable create(SessionCatalogs catalogs, DataStream<?> stream, Schema schema,
            ChangelogMode changelogMode) {
        Map<String, LogicalType> fields = fields(stream.getType());
        List<String> definitions = new ArrayList<>();
        List<Schema.UnresolvedColumn> declared = schema.getColumns();
        boolean declaresPhysical = declared.stream().anyMatch(Schema.UnresolvedColumn::isPhysical);
        if (!declaresPhysical) {
            fields.forEach((name, type) -> definitions.add(quoted(name) + " " + typeText(name, type, stream)));
        }
        for (Schema.UnresolvedColumn column : declared) {
            if (column.isPhysical()) {
                if (!fields.containsKey(column.name())) {
                    throw new ValidationException("fromDataStream: the schema declares column '" + column.name()
                            + "', but the stream's type " + stream.getType() + " has no such field; its fields are "
                            + fields.keySet());
                }
                definitions.add(quoted(column.name()) + " " + column.type());
            } else if (column.expression() != null) {
                definitions.add(quoted(column.name()) + " AS " + column.expression());
            } else {
                if (!column.metadataKey().equals(DataStreamScans.ROWTIME_KEY)) {
                    throw new ValidationException("fromDataStream: metadata column '" + column.name() + "' reads key '"
                            + column.metadataKey() + "', but a DataStream has only the metadata key 'rowtime' (the "
                            + "record's timestamp): columnByMetadata(\"" + column.name() + "\", \"TIMESTAMP_LTZ(3)\", "
                            + "\"rowtime\")");
                }
                definitions.add(quoted(column.name()) + " " + column.type() + " METADATA FROM '"
                        + column.metadataKey() + "'");
            }
        }
        Schema.UnresolvedWatermark watermark = schema.getWatermark();
        boolean sourceWatermark = watermark != null && isSourceWatermark(watermark.expression());
        if (watermark != null) {
            // SOURCE_WATERMARK() is no SQL function: the DDL checks the column, the spec says to keep the stream's.
            definitions.add("WATERMARK FOR " + quoted(watermark.column()) + " AS "
                    + (sourceWatermark ? quoted(watermark.column()) : watermark.expression()));
        }
        if (!schema.getPrimaryKey().isEmpty()) {
            definitions.add("PRIMARY KEY (" + String.join(", ", schema.getPrimaryKey().stream()
                    .map(DataStreamTables::quoted).toList()) + ") NOT ENFORCED");
        }
        String ddl = "CREATE TEMPORARY TABLE `$datastream` (" + String.join(", ", definitions) + ") WITH ('connector' = '"
                + DataStreamScans.CONNECTOR + "')";
        CatalogTable converted;
        try {
            converted = new CreateTableConverter(catalogs).convert((SqlCreateTable) SqlStatementParser.parse(ddl));
        } catch (RuntimeException e) {
            throw new ValidationException("fromDataStream: the schema " + schema + " does not describe a table of "
                    + "the stream's type " + stream.getType() + ": " + e.getMessage(), e);
        }
        checkColumns(converted.schema(), fields, stream);
        TableSchema tableSchema = converted.schema();
        if (sourceWatermark) {
            tableSchema = new TableSchema(tableSchema.columns(), new WatermarkSpec(watermark.column(),
                    DataStreamScans.SOURCE_WATERMARK), tableSchema.primaryKey());
        }
        Map<String, String> options = new LinkedHashMap<>(converted.options());
        options.put(DataStreamScans.ID_OPTION, catalogs.registerDataStream(stream));
        if (changelogMode != null && !changelogMode.isInsertOnly()) {
            options.put(DataStreamScans.CHANGELOG_MODE_OPTION, changelogMode.toString());
        }
        return new CatalogTable(tableSchema, options, List.of(), null);
    }

    static boolean isSourceWatermark(String expression) {
        return expression.replace(" ", "").replace("`", "").equalsIgnoreCase(DataStreamScans.SOURCE_WATERMARK);
    }

    /** Declared physical columns must hold the field's kind of value; the rowtime must be a millisecond timestamp. */
    private static void checkColumns(TableSchema schema, Map<String, LogicalType> fields, DataStream<?> stream) {
        for (Column column : schema.columns()) {
            if (column.kind() == Column.Kind.PHYSICAL) {
                LogicalType field = fields.get(column.name());
                if (field == null || field.root() != column.type().root()) {
                    throw new ValidationException("fromDataStream: column '" + column.name() + "' is declared "
                            + column.type().copy(true) + ", but the stream's field holds " + typeText(column.name(),
                            field, stream) + " values; declare it as that type (or convert the stream with map first)");
                }
            } else if (column.kind() == Column.Kind.METADATA) {
                LogicalTypeRoot root = column.type().root();
                if ((root != LogicalTypeRoot.TIMESTAMP_WITH_LOCAL_TIME_ZONE
                        && root != LogicalTypeRoot.TIMESTAMP_WITHOUT_TIME_ZONE) || column.type().precision() != 3) {
                    throw new ValidationException("fromDataStream: metadata column '" + column.name() + "' is "
                            + column.type().copy(true) + ", but the record's timestamp (milliseconds) is read as "
                            + "TIMESTAMP_LTZ(3) or TIMESTAMP(3)");
                }
            }
        }
    }

    /** The stream's fields by name: a composite type's fields, or one field {@code f0} holding the value itself. */
    private static Map<String, LogicalType> fields(TypeInformation<?> type) {
        Map<String, LogicalType> fields = new LinkedHashMap<>();
        if (type instanceof CompositeType<?> composite) {
            String[] names = composite.getFieldNames();
            for (int i = 0; i < names.length; i++) {
                fields.put(names[i], logicalType(composite.getTypeAt(i)));
            }
        } else {
            fields.put(DataStreamScans.ATOMIC_FIELD, logicalType(type));
        }
        return fields;
    }

    private static String typeText(String field, LogicalType type, DataStream<?> stream) {
        if (type == null) {
            throw new ValidationException("fromDataStream: field '" + field + "' of the stream's type " + stream.getType()
                    + " has a type SQL cannot read; SQL reads strings, numbers, booleans, BigDecimal, LocalDate, "
                    + "LocalTime, LocalDateTime, Instant, byte[], Lists, Maps and Rows. Map the stream to such fields "
                    + "first, or leave the field out by declaring the columns: Schema.newBuilder().column(...)");
        }
        return type.toString();
    }

    /** The SQL type of values of {@code type}, as Flink derives it, or null if SQL cannot hold them. */
    static LogicalType logicalType(TypeInformation<?> type) {
        if (type instanceof BasicTypeInfo<?> basic) {
            Class<?> c = basic.getTypeClass();
            return c == String.class ? LogicalType.of(LogicalTypeRoot.VARCHAR, LogicalType.MAX_LENGTH, -1)
                    : c == Boolean.class ? LogicalType.of(LogicalTypeRoot.BOOLEAN)
                    : c == Byte.class ? LogicalType.of(LogicalTypeRoot.TINYINT)
                    : c == Short.class ? LogicalType.of(LogicalTypeRoot.SMALLINT)
                    : c == Integer.class ? LogicalType.of(LogicalTypeRoot.INTEGER)
                    : c == Long.class ? LogicalType.of(LogicalTypeRoot.BIGINT)
                    : c == Float.class ? LogicalType.of(LogicalTypeRoot.FLOAT)
                    : c == Double.class ? LogicalType.of(LogicalTypeRoot.DOUBLE)
                    : c == BigDecimal.class ? LogicalType.of(LogicalTypeRoot.DECIMAL, 38, 18)
                    : c == LocalDate.class ? LogicalType.of(LogicalTypeRoot.DATE)
                    : c == LocalTime.class ? LogicalType.of(LogicalTypeRoot.TIME_WITHOUT_TIME_ZONE, 0, -1)
                    : c == LocalDateTime.class ? LogicalType.of(LogicalTypeRoot.TIMESTAMP_WITHOUT_TIME_ZONE, 9, -1)
                    : c == Instant.class ? LogicalType.of(LogicalTypeRoot.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 9, -1)
                    : null;
        }
        if (type instanceof PrimitiveArrayTypeInfo<?> array && array.getTypeClass() == byte[].class) {
            return LogicalType.of(LogicalTypeRoot.VARBINARY, LogicalType.MAX_LENGTH, -1);
        }
        if (type instanceof ListTypeInfo<?> list) {
            LogicalType element = logicalType(list.getElementTypeInfo());
            return element == null ? null : LogicalType.collection(LogicalTypeRoot.ARRAY, List.of(element));
        }
        if (type instanceof MapTypeInfo<?, ?> map) {
            LogicalType key = logicalType(map.getKeyTypeInfo());
            LogicalType value = logicalType(map.getValueTypeInfo());
            return key == null || value == null ? null : LogicalType.collection(LogicalTypeRoot.MAP, List.of(key, value));
        }
        if (type instanceof RowTypeInfo row) {
            List<LogicalType> children = new ArrayList<>();
            for (TypeInformation<?> field : row.getFieldTypes()) {
                LogicalType child = logicalType(field);
                if (child == null) {
                    return null;
                }
                children.add(child);
            }
            return LogicalType.row(Arrays.asList(row.getFieldNames()), children);
        }
        return null;
    }

    private static String quoted(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    /** The fully qualified, quoted name of a table, for the query of a Table made of it. */
    static String quotedName(ObjectIdentifier id) {
        return quoted(id.catalogName()) + "." + quoted(id.databaseName()) + "." + quoted(id.objectName());
    }
}
