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

    /** A named field of a {@link #ROW(Field...)} or {@link #STRUCTURED} type (Flink's {@code DataTypes.Field}). */
    public record Field(String name, DataType dataType) {

        public String getName() {
            return name;
        }

        public DataType getDataType() {
            return dataType;
        }
    }

    /** A field named {@code name} of the type, for {@link #ROW(Field...)} and {@link #STRUCTURED}. */
    public static Field FIELD(String name, DataType dataType) {
        return new Field(name, dataType);
    }

    /**
     * A ROW of the fields, e.g. {@code ROW(FIELD("usr", STRING()), FIELD("n", BIGINT()))}: as a target of
     * {@code toDataStream}, each field takes the table's column of its name, cast to its type, and the
     * stream's {@code Row}s have the fields in this order.
     */
    public static DataType ROW(Field... fields) {
        return new DataType("ROW<" + fieldList(fields) + ">", io.weir.api.types.Row.class);
    }

    /** A ROW of fields named {@code f0, f1, ...} of the types. */
    public static DataType ROW(DataType... fieldTypes) {
        Field[] fields = new Field[fieldTypes.length];
        for (int i = 0; i < fieldTypes.length; i++) {
            fields[i] = FIELD("f" + i, fieldTypes[i]);
        }
        return ROW(fields);
    }

    /**
     * The type of objects of {@code implementationClass} (a POJO, record or tuple) with the fields
     * declared: as a target of {@code toDataStream}, each declared field takes the column of its name
     * cast to the declared type, then the class's fields take the columns by name, as for
     * {@link #of(Class)}.
     */
    public static <T> DataType STRUCTURED(Class<T> implementationClass, Field... fields) {
        return new DataType("STRUCTURED<" + implementationClass.getName()
                + (fields.length == 0 ? "" : ", " + fieldList(fields)) + ">", implementationClass);
    }

    private static String fieldList(Field... fields) {
        if (fields.length == 0) {
            throw new ValidationException("ROW(): a row type needs at least one FIELD(name, type)");
        }
        java.util.List<String> items = new java.util.ArrayList<>();
        for (Field field : fields) {
            items.add(Expressions.quoted(field.name()) + " " + field.dataType().sqlType());
        }
        return String.join(", ", items);
    }

    /**
     * The type of objects of a class, for {@code toDataStream(table, DataTypes.of(Click.class))}: a
     * POJO, record or tuple whose fields take the columns of the same names, or an atomic class.
     */
    public static DataType of(Class<?> conversionClass) {
        return new DataType("STRUCTURED<" + conversionClass.getName() + ">", conversionClass);
    }
}
