package io.weir.sql.types;

import io.weir.sql.api.ValidationException;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.StructKind;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.avatica.util.TimeUnit;

/** Converts between Flink's {@link LogicalType}s and Calcite's {@link RelDataType}s. */
public final class CalciteTypes {

    private CalciteTypes() {
    }

    public static LogicalType toLogicalType(RelDataType type) {
        LogicalType logical = switch (type.getSqlTypeName()) {
            case BOOLEAN -> LogicalType.of(LogicalTypeRoot.BOOLEAN);
            case TINYINT -> LogicalType.of(LogicalTypeRoot.TINYINT);
            case SMALLINT -> LogicalType.of(LogicalTypeRoot.SMALLINT);
            case INTEGER -> LogicalType.of(LogicalTypeRoot.INTEGER);
            case BIGINT -> LogicalType.of(LogicalTypeRoot.BIGINT);
            case FLOAT, REAL -> LogicalType.of(LogicalTypeRoot.FLOAT);
            case DOUBLE -> LogicalType.of(LogicalTypeRoot.DOUBLE);
            case DECIMAL -> LogicalType.of(LogicalTypeRoot.DECIMAL, type.getPrecision(), type.getScale());
            case CHAR -> LogicalType.of(LogicalTypeRoot.CHAR, precision(type, 1), -1);
            case VARCHAR -> LogicalType.of(LogicalTypeRoot.VARCHAR, precision(type, Integer.MAX_VALUE), -1);
            case BINARY -> LogicalType.of(LogicalTypeRoot.BINARY, precision(type, 1), -1);
            case VARBINARY -> LogicalType.of(LogicalTypeRoot.VARBINARY, precision(type, Integer.MAX_VALUE), -1);
            case DATE -> LogicalType.of(LogicalTypeRoot.DATE);
            case TIME -> LogicalType.of(LogicalTypeRoot.TIME_WITHOUT_TIME_ZONE, type.getPrecision(), -1);
            case TIMESTAMP -> LogicalType.of(LogicalTypeRoot.TIMESTAMP_WITHOUT_TIME_ZONE, type.getPrecision(), -1);
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE ->
                    LogicalType.of(LogicalTypeRoot.TIMESTAMP_WITH_LOCAL_TIME_ZONE, type.getPrecision(), -1);
            case INTERVAL_YEAR, INTERVAL_YEAR_MONTH, INTERVAL_MONTH ->
                    LogicalType.interval(LogicalTypeRoot.INTERVAL_YEAR_MONTH, qualifierText(type));
            case INTERVAL_DAY, INTERVAL_DAY_HOUR, INTERVAL_DAY_MINUTE, INTERVAL_DAY_SECOND, INTERVAL_HOUR,
                    INTERVAL_HOUR_MINUTE, INTERVAL_HOUR_SECOND, INTERVAL_MINUTE, INTERVAL_MINUTE_SECOND,
                    INTERVAL_SECOND -> LogicalType.interval(LogicalTypeRoot.INTERVAL_DAY_TIME, qualifierText(type));
            case ARRAY -> LogicalType.collection(LogicalTypeRoot.ARRAY, List.of(toLogicalType(type.getComponentType())));
            case MULTISET ->
                    LogicalType.collection(LogicalTypeRoot.MULTISET, List.of(toLogicalType(type.getComponentType())));
            case MAP -> LogicalType.collection(LogicalTypeRoot.MAP,
                    List.of(toLogicalType(type.getKeyType()), toLogicalType(type.getValueType())));
            case ROW -> rowOf(type);
            case NULL -> LogicalType.of(LogicalTypeRoot.NULL);
            default -> throw new ValidationException("Type " + type.getFullTypeString()
                    + " has no counterpart in Flink's type system; use one of the types listed in docs/sql.md");
        };
        return logical.copy(type.isNullable());
    }

    /**
     * The type's length, or {@code unspecified} when it has none: Calcite leaves the length of a
     * {@code VARCHAR} nested in a {@code ROW<...>} unspecified, where Flink means its default.
     */
    private static int precision(RelDataType type, int unspecified) {
        return type.getPrecision() == RelDataType.PRECISION_NOT_SPECIFIED ? unspecified : type.getPrecision();
    }

    private static LogicalType rowOf(RelDataType type) {
        List<String> names = new ArrayList<>();
        List<LogicalType> types = new ArrayList<>();
        for (RelDataTypeField field : type.getFieldList()) {
            names.add(field.getName());
            types.add(toLogicalType(field.getType()));
        }
        return LogicalType.row(names, types);
    }

    private static String qualifierText(RelDataType type) {
        SqlIntervalQualifier qualifier = type.getIntervalQualifier();
        String text = qualifier.getStartUnit().name();
        if (qualifier.getEndUnit() != null && qualifier.getEndUnit() != qualifier.getStartUnit()) {
            text += " TO " + qualifier.getEndUnit().name();
        }
        return text;
    }

    public static RelDataType toRelDataType(LogicalType type, RelDataTypeFactory factory) {
        RelDataType relType = switch (type.root()) {
            case BOOLEAN -> factory.createSqlType(SqlTypeName.BOOLEAN);
            case TINYINT -> factory.createSqlType(SqlTypeName.TINYINT);
            case SMALLINT -> factory.createSqlType(SqlTypeName.SMALLINT);
            case INTEGER -> factory.createSqlType(SqlTypeName.INTEGER);
            case BIGINT -> factory.createSqlType(SqlTypeName.BIGINT);
            case FLOAT -> factory.createSqlType(SqlTypeName.FLOAT);
            case DOUBLE -> factory.createSqlType(SqlTypeName.DOUBLE);
            case DECIMAL -> factory.createSqlType(SqlTypeName.DECIMAL, type.precision(), type.scale());
            case CHAR -> factory.createSqlType(SqlTypeName.CHAR, type.precision());
            case VARCHAR -> factory.createSqlType(SqlTypeName.VARCHAR, type.precision());
            case BINARY -> factory.createSqlType(SqlTypeName.BINARY, type.precision());
            case VARBINARY -> factory.createSqlType(SqlTypeName.VARBINARY, type.precision());
            case DATE -> factory.createSqlType(SqlTypeName.DATE);
            case TIME_WITHOUT_TIME_ZONE -> factory.createSqlType(SqlTypeName.TIME, type.precision());
            case TIMESTAMP_WITHOUT_TIME_ZONE -> factory.createSqlType(SqlTypeName.TIMESTAMP, type.precision());
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE ->
                    factory.createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, type.precision());
            case INTERVAL_YEAR_MONTH, INTERVAL_DAY_TIME -> factory.createSqlIntervalType(qualifier(type));
            case ARRAY -> factory.createArrayType(toRelDataType(type.children().get(0), factory), -1);
            case MULTISET -> factory.createMultisetType(toRelDataType(type.children().get(0), factory), -1);
            case MAP -> factory.createMapType(toRelDataType(type.children().get(0), factory),
                    toRelDataType(type.children().get(1), factory));
            case ROW -> {
                List<RelDataType> fields = new ArrayList<>();
                for (LogicalType field : type.children()) {
                    fields.add(toRelDataType(field, factory));
                }
                // As in Flink, a ROW column's fields resolve without the table's name: person.id, not t.person.id.
                yield factory.createStructType(StructKind.PEEK_FIELDS_NO_EXPAND, fields, type.fieldNames());
            }
            case NULL -> factory.createSqlType(SqlTypeName.NULL);
        };
        return factory.createTypeWithNullability(relType, type.isNullable());
    }

    private static SqlIntervalQualifier qualifier(LogicalType type) {
        String[] words = type.intervalQualifier().split(" TO ");
        TimeUnit start = TimeUnit.valueOf(words[0]);
        TimeUnit end = words.length > 1 ? TimeUnit.valueOf(words[1]) : null;
        return new SqlIntervalQualifier(start, end, SqlParserPos.ZERO);
    }
}
