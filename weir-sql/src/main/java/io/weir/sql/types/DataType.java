package io.weir.sql.types;

/**
 * A SQL data type as the Table API names it (Flink's {@code DataType}), made with
 * {@code io.weir.sql.api.DataTypes}: {@code DataTypes.INT()}, {@code DataTypes.DECIMAL(10, 2)}.
 * It is the type's SQL text, which the planner parses as it parses DDL.
 */
public record DataType(String sqlType) {

    /** The same type without nulls. */
    public DataType notNull() {
        return sqlType.endsWith(" NOT NULL") ? this : new DataType(sqlType + " NOT NULL");
    }

    /** The same type with nulls. */
    public DataType nullable() {
        return new DataType(sqlType.replace(" NOT NULL", ""));
    }

    @Override
    public String toString() {
        return sqlType;
    }
}
