package io.weir.sql.planner;

import io.weir.api.types.BasicTypeInfo;
import io.weir.api.types.ListTypeInfo;
import io.weir.api.types.MapTypeInfo;
import io.weir.api.types.RowTypeInfo;
import io.weir.api.types.TypeInformation;
import io.weir.sql.api.ValidationException;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;

/** The DataStream type of rows of a SQL row type: a {@link RowTypeInfo} with a serializer per field. */
final class RowTypes {

    private RowTypes() {
    }

    static RowTypeInfo of(RelDataType rowType) {
        List<RelDataTypeField> fields = rowType.getFieldList();
        TypeInformation<?>[] types = new TypeInformation<?>[fields.size()];
        String[] names = new String[fields.size()];
        for (int i = 0; i < types.length; i++) {
            names[i] = fields.get(i).getName();
            types[i] = fieldType(fields.get(i).getType());
        }
        return new RowTypeInfo(types, names);
    }

    /** The type of rows holding the given fields of {@code rowType}, in that order. */
    static RowTypeInfo of(RelDataType rowType, int[] fields) {
        TypeInformation<?>[] types = new TypeInformation<?>[fields.length];
        String[] names = new String[fields.length];
        for (int i = 0; i < fields.length; i++) {
            RelDataTypeField field = rowType.getFieldList().get(fields[i]);
            names[i] = field.getName();
            types[i] = fieldType(field.getType());
        }
        return new RowTypeInfo(types, names);
    }

    static TypeInformation<?> fieldType(RelDataType type) {
        return switch (type.getSqlTypeName()) {
            case BOOLEAN -> BasicTypeInfo.BOOLEAN_TYPE_INFO;
            case TINYINT -> BasicTypeInfo.BYTE_TYPE_INFO;
            case SMALLINT -> BasicTypeInfo.SHORT_TYPE_INFO;
            case INTEGER, INTERVAL_YEAR, INTERVAL_YEAR_MONTH, INTERVAL_MONTH -> BasicTypeInfo.INT_TYPE_INFO;
            case BIGINT, INTERVAL_DAY, INTERVAL_DAY_HOUR, INTERVAL_DAY_MINUTE, INTERVAL_DAY_SECOND, INTERVAL_HOUR,
                    INTERVAL_HOUR_MINUTE, INTERVAL_HOUR_SECOND, INTERVAL_MINUTE, INTERVAL_MINUTE_SECOND,
                    INTERVAL_SECOND -> BasicTypeInfo.LONG_TYPE_INFO;
            case FLOAT, REAL -> BasicTypeInfo.FLOAT_TYPE_INFO;
            case DOUBLE -> BasicTypeInfo.DOUBLE_TYPE_INFO;
            case DECIMAL -> BasicTypeInfo.BIG_DEC_TYPE_INFO;
            case CHAR, VARCHAR -> BasicTypeInfo.STRING_TYPE_INFO;
            case DATE -> BasicTypeInfo.LOCAL_DATE_TYPE_INFO;
            case TIME -> BasicTypeInfo.LOCAL_TIME_TYPE_INFO;
            case TIMESTAMP -> BasicTypeInfo.LOCAL_DATE_TIME_TYPE_INFO;
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> BasicTypeInfo.INSTANT_TYPE_INFO;
            case BINARY, VARBINARY -> TypeInformation.of(byte[].class);
            case NULL -> BasicTypeInfo.STRING_TYPE_INFO; // only ever null
            case ROW -> of(type);
            // Flink's external forms: a List of the elements, a Map, a Map of each element to its count.
            case ARRAY -> new ListTypeInfo<>(fieldType(type.getComponentType()));
            case MAP -> new MapTypeInfo<>(fieldType(type.getKeyType()), fieldType(type.getValueType()));
            case MULTISET -> new MapTypeInfo<>(fieldType(type.getComponentType()), BasicTypeInfo.INT_TYPE_INFO);
            default -> throw new ValidationException("Columns of type " + type.getFullTypeString()
                    + " cannot flow between Weir's SQL operators yet; docs/sql.md lists the types that run");
        };
    }
}
