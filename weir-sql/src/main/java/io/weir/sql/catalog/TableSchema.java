package io.weir.sql.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The columns of a table or view in declaration order, its watermark (or null) and its primary
 * key columns (empty when it has none).
 */
public record TableSchema(List<Column> columns, WatermarkSpec watermark, List<String> primaryKey) {

    public TableSchema {
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
    }

    public static TableSchema of(List<Column> columns) {
        return new TableSchema(columns, null, List.of());
    }

    public Optional<Column> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public List<String> columnNames() {
        List<String> names = new ArrayList<>();
        for (Column column : columns) {
            names.add(column.name());
        }
        return names;
    }

    /** The physical columns, which a connector reads and writes, in order. */
    public List<Column> physicalColumns() {
        return columns.stream().filter(c -> c.kind() == Column.Kind.PHYSICAL).toList();
    }
}
