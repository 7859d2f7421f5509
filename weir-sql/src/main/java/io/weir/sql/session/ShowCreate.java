package io.weir.sql.session;

import io.weir.sql.catalog.CatalogTable;
import io.weir.sql.catalog.CatalogView;
import io.weir.sql.catalog.Column;
import io.weir.sql.catalog.ObjectIdentifier;
import io.weir.sql.catalog.TableSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The DDL of {@code SHOW CREATE TABLE} / {@code SHOW CREATE VIEW}, laid out as Flink prints it: the
 * fully qualified, back-quoted name, one column per line (computed columns with their expression,
 * metadata columns with their key), the watermark and primary key, then COMMENT, PARTITIONED BY and
 * the WITH options. Running the text creates the same table.
 */
final class ShowCreate {

    private ShowCreate() {
    }

    static String table(ObjectIdentifier id, CatalogTable table, boolean temporary) {
        TableSchema schema = table.schema();
        List<String> parts = new ArrayList<>();
        for (Column column : schema.columns()) {
            parts.add("  " + column(column));
        }
        if (schema.watermark() != null) {
            parts.add("  WATERMARK FOR " + quoted(schema.watermark().rowtimeColumn()) + " AS "
                    + schema.watermark().expression());
        }
        if (!schema.primaryKey().isEmpty()) {
            parts.add("  CONSTRAINT " + quoted("PK_" + String.join("_", schema.primaryKey())) + " PRIMARY KEY ("
                    + quotedList(schema.primaryKey()) + ") NOT ENFORCED");
        }
        StringBuilder ddl = new StringBuilder(temporary ? "CREATE TEMPORARY TABLE " : "CREATE TABLE ")
                .append(name(id)).append(" (\n").append(String.join(",\n", parts)).append("\n)");
        if (table.comment() != null) {
            ddl.append(" COMMENT ").append(literal(table.comment()));
        }
        if (!table.partitionKeys().isEmpty()) {
            ddl.append("\nPARTITIONED BY (").append(quotedList(table.partitionKeys())).append(')');
        }
        List<String> options = new ArrayList<>();
        for (Map.Entry<String, String> option : table.options().entrySet()) {
            options.add("  " + literal(option.getKey()) + " = " + literal(option.getValue()));
        }
        return ddl.append("\nWITH (\n").append(String.join(",\n", options)).append("\n)\n").toString();
    }

    /** {@code CREATE CATALOG `name` [COMMENT '...'] WITH (...)}, as Flink's SHOW CREATE CATALOG. */
    static String catalog(String name, Map<String, String> options, String comment) {
        StringBuilder ddl = new StringBuilder("CREATE CATALOG ").append(quoted(name));
        if (comment != null) {
            ddl.append(" COMMENT ").append(literal(comment));
        }
        List<String> lines = new ArrayList<>();
        new java.util.TreeMap<>(options).forEach((key, value) -> lines.add("  " + literal(key) + " = " + literal(value)));
        return ddl.append("\nWITH (\n").append(String.join(",\n", lines)).append("\n)\n").toString();
    }

    static String view(ObjectIdentifier id, CatalogView view, boolean temporary) {
        StringBuilder ddl = new StringBuilder(temporary ? "CREATE TEMPORARY VIEW " : "CREATE VIEW ").append(name(id))
                .append(" (\n");
        List<String> columns = new ArrayList<>();
        for (String column : view.schema().columnNames()) {
            columns.add("  " + quoted(column));
        }
        ddl.append(String.join(",\n", columns)).append("\n)");
        if (view.comment() != null) {
            ddl.append(" COMMENT ").append(literal(view.comment()));
        }
        return ddl.append("\nAS ").append(view.originalQuery().strip()).append('\n').toString();
    }

    private static String column(Column column) {
        String name = quoted(column.name());
        String text = switch (column.kind()) {
            case PHYSICAL -> name + " " + column.type().withTimeAttribute(io.weir.sql.types.LogicalType.TimeAttribute.NONE);
            case COMPUTED -> name + " AS " + column.expression();
            case METADATA -> name + " " + column.type() + " METADATA"
                    + (column.metadataKey().equals(column.name()) ? "" : " FROM " + literal(column.metadataKey()))
                    + (column.isVirtual() ? " VIRTUAL" : "");
        };
        return column.comment() == null ? text : text + " COMMENT " + literal(column.comment());
    }

    private static String name(ObjectIdentifier id) {
        return quoted(id.catalogName()) + "." + quoted(id.databaseName()) + "." + quoted(id.objectName());
    }

    private static String quotedList(List<String> names) {
        return String.join(", ", names.stream().map(ShowCreate::quoted).toList());
    }

    private static String quoted(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
