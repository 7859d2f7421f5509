package io.weir.sql.session;

import io.weir.sql.api.ValidationException;
import io.weir.sql.catalog.CatalogTable;
import io.weir.sql.catalog.Column;
import io.weir.sql.catalog.SessionCatalogs;
import io.weir.sql.catalog.TableSchema;
import io.weir.sql.catalog.WatermarkSpec;
import io.weir.sql.parser.ddl.SqlAlterTable;
import io.weir.sql.parser.ddl.SqlTableColumn;
import io.weir.sql.planner.QueryPlanner;
import io.weir.sql.types.LogicalType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies an ALTER TABLE's option or schema change to a {@link CatalogTable}, as Flink 2.x does:
 * SET / RESET options; ADD / MODIFY columns (FIRST, AFTER col), a WATERMARK or the PRIMARY KEY;
 * DROP them; RENAME a column. The result is checked like a new CREATE TABLE: computed columns are
 * typed again over the columns before them, so a change that breaks one fails naming it.
 */
final class AlterTableConverter {

    private final SessionCatalogs catalogs;
    private final CreateTableConverter create;

    AlterTableConverter(SessionCatalogs catalogs) {
        this.catalogs = catalogs;
        this.create = new CreateTableConverter(catalogs);
    }

    CatalogTable apply(SqlAlterTable alter, CatalogTable table) {
        String what = "ALTER TABLE " + alter.name() + ": ";
        Map<String, String> options = new LinkedHashMap<>(table.options());
        List<Column> columns = new ArrayList<>(table.schema().columns());
        WatermarkSpec watermark = table.schema().watermark();
        List<String> primaryKey = new ArrayList<>(table.schema().primaryKey());
        List<String> partitionKeys = new ArrayList<>(table.partitionKeys());
        switch (alter.action()) {
            case SET -> options.putAll(alter.options());
            case RESET -> {
                for (String key : alter.names()) {
                    if (key.equals("connector")) {
                        throw new ValidationException(what + "the 'connector' option cannot be reset; SET it to another "
                                + "connector instead");
                    }
                    options.remove(key);
                }
            }
            case ADD, MODIFY -> {
                boolean add = alter.action() == SqlAlterTable.Action.ADD;
                QueryPlanner planner = new QueryPlanner(catalogs);
                for (SqlTableColumn sqlColumn : alter.parts().columns()) {
                    String name = sqlColumn.name().getSimple();
                    int at = indexOf(columns, name);
                    if (add && at >= 0) {
                        throw new ValidationException(what + "column '" + name + "' already exists; use MODIFY to change it");
                    }
                    if (!add && at < 0) {
                        throw new ValidationException(what + "column '" + name + "' does not exist; the columns are "
                                + CreateTableConverter.names(columns) + " (use ADD for a new one)");
                    }
                    List<Column> others = new ArrayList<>(columns);
                    if (at >= 0) {
                        others.remove(at);
                    }
                    Column column = create.convertColumn(sqlColumn, others, planner);
                    String position = alter.positions().get(name);
                    if (position == null) {
                        if (at >= 0) {
                            columns.set(at, column);
                        } else {
                            columns.add(column);
                        }
                    } else {
                        columns = others;
                        int index = 0;
                        if (!position.isEmpty()) {
                            index = indexOf(columns, position) + 1;
                            if (index == 0) {
                                throw new ValidationException(what + "AFTER names column '" + position
                                        + "', which the table does not have; the columns are "
                                        + CreateTableConverter.names(columns));
                            }
                        }
                        columns.add(index, column);
                    }
                }
                if (alter.parts().watermark() != null) {
                    if (add && watermark != null) {
                        throw new ValidationException(what + "the table already has a WATERMARK; use MODIFY WATERMARK");
                    }
                    if (!add && watermark == null) {
                        throw new ValidationException(what + "the table has no WATERMARK to modify; use ADD WATERMARK");
                    }
                    watermark = new WatermarkSpec(alter.parts().watermark().column().toString(),
                            alter.parts().watermark().expression().toString());
                }
                if (alter.parts().primaryKey() != null) {
                    if (add && !primaryKey.isEmpty()) {
                        throw new ValidationException(what + "the table already has a PRIMARY KEY " + primaryKey
                                + "; use MODIFY PRIMARY KEY");
                    }
                    if (!add && primaryKey.isEmpty()) {
                        throw new ValidationException(what + "the table has no PRIMARY KEY to modify; use ADD PRIMARY KEY");
                    }
                    primaryKey = new ArrayList<>(alter.parts().primaryKey().columnNames());
                }
            }
            case DROP_COLUMNS -> {
                for (String name : alter.names()) {
                    int at = indexOf(columns, name);
                    if (at < 0) {
                        throw new ValidationException(what + "column '" + name + "' does not exist; the columns are "
                                + CreateTableConverter.names(columns));
                    }
                    String user = primaryKey.contains(name) ? "the PRIMARY KEY"
                            : partitionKeys.contains(name) ? "PARTITIONED BY"
                            : watermark != null && watermark.rowtimeColumn().equals(name) ? "the WATERMARK" : null;
                    if (user != null) {
                        throw new ValidationException(what + "column '" + name + "' is used by " + user
                                + "; drop or change that first");
                    }
                    columns.remove(at);
                }
            }
            case DROP_PRIMARY_KEY -> {
                if (primaryKey.isEmpty()) {
                    throw new ValidationException(what + "the table has no PRIMARY KEY to drop");
                }
                primaryKey.clear();
            }
            case DROP_WATERMARK -> {
                if (watermark == null) {
                    throw new ValidationException(what + "the table has no WATERMARK to drop");
                }
                watermark = null;
            }
            case RENAME_COLUMN -> {
                String from = alter.column().getSimple();
                String to = alter.newName().getSimple();
                int at = indexOf(columns, from);
                if (at < 0) {
                    throw new ValidationException(what + "column '" + from + "' does not exist; the columns are "
                            + CreateTableConverter.names(columns));
                }
                if (indexOf(columns, to) >= 0) {
                    throw new ValidationException(what + "column '" + to + "' already exists; choose another name");
                }
                Column old = columns.get(at);
                // a metadata column keeps reading its key (METADATA without FROM took the old name)
                columns.set(at, new Column(to, old.type(), old.kind(), old.expression(), old.metadataKey(),
                        old.isVirtual(), old.comment()));
                primaryKey.replaceAll(k -> k.equals(from) ? to : k);
                partitionKeys.replaceAll(k -> k.equals(from) ? to : k);
                if (watermark != null && watermark.rowtimeColumn().equals(from)) {
                    watermark = new WatermarkSpec(to, watermark.expression());
                }
            }
            default -> throw new IllegalArgumentException("not a table change: " + alter.action());
        }
        columns = retype(columns, what);
        columns = CreateTableConverter.markRowtime(columns, watermark);
        CreateTableConverter.checkColumnsExist(primaryKey, columns, what + "PRIMARY KEY");
        CreateTableConverter.checkColumnsExist(partitionKeys, columns, what + "PARTITIONED BY");
        if (watermark != null) {
            checkWatermarkExpression(watermark, columns, what);
        }
        return new CatalogTable(new TableSchema(columns, watermark, primaryKey), options, partitionKeys, table.comment());
    }

    /**
     * Clears the rowtime marks (markRowtime sets them again) and types each computed column again
     * over the table's other columns, so that a dropped or renamed column a computed one used fails here.
     */
    private List<Column> retype(List<Column> columns, String what) {
        List<Column> plain = new ArrayList<>();
        for (Column column : columns) {
            plain.add(column.type().timeAttribute() == LogicalType.TimeAttribute.ROWTIME
                    ? column.withType(column.type().withTimeAttribute(LogicalType.TimeAttribute.NONE)) : column);
        }
        List<Column> result = new ArrayList<>();
        for (int i = 0; i < plain.size(); i++) {
            Column column = plain.get(i);
            if (column.kind() == Column.Kind.COMPUTED) {
                List<Column> others = new ArrayList<>(plain);
                others.remove(i);
                try {
                    LogicalType type = create.expressionType(column.expression(), others);
                    if (column.type().timeAttribute() == LogicalType.TimeAttribute.PROCTIME) {
                        type = type.withTimeAttribute(LogicalType.TimeAttribute.PROCTIME);
                    }
                    column = column.withType(type);
                } catch (RuntimeException e) {
                    throw new ValidationException(what + "computed column '" + column.name() + "' AS " + column.expression()
                            + " no longer validates over the other columns " + CreateTableConverter.names(others)
                            + ": " + e.getMessage(), e);
                }
            }
            result.add(column);
        }
        return result;
    }

    private void checkWatermarkExpression(WatermarkSpec watermark, List<Column> columns, String what) {
        try {
            create.expressionType(watermark.expression(), columns);
        } catch (RuntimeException e) {
            throw new ValidationException(what + "the WATERMARK expression " + watermark.expression()
                    + " does not validate over the columns " + CreateTableConverter.names(columns) + ": "
                    + e.getMessage(), e);
        }
    }

    private static int indexOf(List<Column> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
