package io.weir.sql.catalog;

import io.weir.sql.types.LogicalType;

/**
 * A column of a table's schema. A physical column is stored by the connector; a computed column
 * is {@code expression} evaluated over the other columns; a metadata column is read from (and,
 * unless virtual, written to) the connector's metadata under {@code metadataKey}.
 *
 * @param expression the computed column's SQL expression, else null
 * @param metadataKey the metadata key (the column name when FROM is omitted), else null
 * @param comment the COMMENT text, or null
 */
public record Column(String name, LogicalType type, Kind kind, String expression, String metadataKey,
        boolean isVirtual, String comment) {

    /** Physical, computed or metadata. */
    public enum Kind { PHYSICAL, COMPUTED, METADATA }

    public static Column physical(String name, LogicalType type) {
        return new Column(name, type, Kind.PHYSICAL, null, null, false, null);
    }

    /** True if a sink writes this column: physical, and non-virtual metadata columns. */
    public boolean isPersisted() {
        return kind == Kind.PHYSICAL || (kind == Kind.METADATA && !isVirtual);
    }

    public Column withType(LogicalType newType) {
        return new Column(name, newType, kind, expression, metadataKey, isVirtual, comment);
    }

    /** DESCRIBE's "extras" cell: {@code AS expr} or {@code METADATA FROM 'key' VIRTUAL}; empty for physical. */
    public String extras() {
        return switch (kind) {
            case PHYSICAL -> "";
            case COMPUTED -> "AS " + expression;
            case METADATA -> "METADATA" + (metadataKey.equals(name) ? "" : " FROM '" + metadataKey + "'")
                    + (isVirtual ? " VIRTUAL" : "");
        };
    }
}
