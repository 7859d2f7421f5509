package io.weir.sql.types;

/**
 * A SQL data type as the Table API names it (Flink's {@code DataType}), made with
 * {@code io.weir.sql.api.DataTypes}: {@code DataTypes.INT()}, {@code DataTypes.DECIMAL(10, 2)}.
 * It is the type's SQL text, which the planner parses as it parses DDL, and for
 * {@code DataTypes.of(SomeClass.class)} the class values convert to ({@code toDataStream(table, type)}).
 */
public record DataType(String sqlType, Class<?> conversionClass) {

    /** A type by its SQL text, converted to its default Java class. */
    public DataType(String sqlType) {
        this(sqlType, null);
    }

    /** The same type without nulls. */
    public DataType notNull() {
        return sqlType.endsWith(" NOT NULL") ? this : new DataType(sqlType + " NOT NULL", conversionClass);
    }

    /** The same type with nulls. */
    public DataType nullable() {
        return new DataType(sqlType.replace(" NOT NULL", ""), conversionClass);
    }

    @Override
    public String toString() {
        return sqlType;
    }
}
