package io.weir.sql.api;

import io.weir.sql.types.DataType;

/** The data types of the Table API (Flink's {@code DataTypes}), for {@code cast} and the like. */
public final class DataTypes {

    private DataTypes() {
    }

    public static DataType BOOLEAN() {
        return new DataType("BOOLEAN");
    }

    public static DataType TINYINT() {
        return new DataType("TINYINT");
    }

    public static DataType SMALLINT() {
        return new DataType("SMALLINT");
    }

    public static DataType INT() {
        return new DataType("INT");
    }

    public static DataType BIGINT() {
        return new DataType("BIGINT");
    }

    public static DataType FLOAT() {
        return new DataType("FLOAT");
    }

    public static DataType DOUBLE() {
        return new DataType("DOUBLE");
    }

    public static DataType DECIMAL(int precision, int scale) {
        return new DataType("DECIMAL(" + precision + ", " + scale + ")");
    }

    public static DataType STRING() {
        return new DataType("STRING");
    }

    public static DataType VARCHAR(int length) {
        return new DataType("VARCHAR(" + length + ")");
    }

    public static DataType CHAR(int length) {
        return new DataType("CHAR(" + length + ")");
    }

    public static DataType BYTES() {
        return new DataType("BYTES");
    }

    public static DataType DATE() {
        return new DataType("DATE");
    }

    public static DataType TIME() {
        return new DataType("TIME");
    }

    public static DataType TIMESTAMP(int precision) {
        return new DataType("TIMESTAMP(" + precision + ")");
    }

    public static DataType TIMESTAMP_LTZ(int precision) {
        return new DataType("TIMESTAMP_LTZ(" + precision + ")");
    }

    public static DataType ARRAY(DataType element) {
        return new DataType("ARRAY<" + element.sqlType() + ">");
    }

    public static DataType MAP(DataType key, DataType value) {
        return new DataType("MAP<" + key.sqlType() + ", " + value.sqlType() + ">");
    }

    /**
     * The type of objects of a class, for {@code toDataStream(table, DataTypes.of(Click.class))}: a
     * POJO, record or tuple whose fields take the columns of the same names, or an atomic class.
     */
    public static DataType of(Class<?> conversionClass) {
        return new DataType("STRUCTURED<" + conversionClass.getName() + ">", conversionClass);
    }
}
