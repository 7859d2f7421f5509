package io.weir.sql.types;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Flink's limits on SQL types, given to Calcite: strings and byte strings up to
 * {@link Integer#MAX_VALUE} (STRING and BYTES), timestamps up to nanoseconds, and TIMESTAMP without a precision meaning TIMESTAMP(6).
 */
public final class FlinkTypeSystem extends RelDataTypeSystemImpl {

    public static final FlinkTypeSystem INSTANCE = new FlinkTypeSystem();

    private FlinkTypeSystem() {
    }

    @Override
    public int getMaxPrecision(SqlTypeName typeName) {
        return switch (typeName) {
            case VARCHAR, CHAR, VARBINARY, BINARY -> Integer.MAX_VALUE;
            case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE, TIME, TIME_WITH_LOCAL_TIME_ZONE -> 9;
            case DECIMAL -> 38;
            default -> super.getMaxPrecision(typeName);
        };
    }

    @Override
    public int getDefaultPrecision(SqlTypeName typeName) {
        return switch (typeName) {
            case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> 6;
            case TIME, TIME_WITH_LOCAL_TIME_ZONE -> 0;
            default -> super.getDefaultPrecision(typeName);
        };
    }

    /**
     * DECIMAL(p1, s1) * DECIMAL(p2, s2) is DECIMAL(p1 + p2 + 1, s1 + s2) as in Flink (Calcite omits the
     * + 1); past 38 digits the scale gives way, keeping at least 6 fractional digits. An integer
     * operand counts as a DECIMAL of its digits.
     */
    @Override
    public RelDataType deriveDecimalMultiplyType(RelDataTypeFactory typeFactory, RelDataType type1,
            RelDataType type2) {
        if (!SqlTypeUtil.isExactNumeric(type1) || !SqlTypeUtil.isExactNumeric(type2)
                || (!SqlTypeUtil.isDecimal(type1) && !SqlTypeUtil.isDecimal(type2))) {
            return super.deriveDecimalMultiplyType(typeFactory, type1, type2);
        }
        int scale = type1.getScale() + type2.getScale();
        int precision = type1.getPrecision() + type2.getPrecision() + 1;
        if (precision > 38) {
            int integerDigits = precision - scale;
            scale = Math.max(38 - integerDigits, Math.min(scale, 6));
            precision = 38;
        }
        return typeFactory.createTypeWithNullability(typeFactory.createSqlType(SqlTypeName.DECIMAL, precision, scale),
                type1.isNullable() || type2.isNullable());
    }

    @Override
    public boolean shouldConvertRaggedUnionTypesToVarying() {
        return true; // CASE WHEN .. THEN 'a' ELSE 'bc' END is VARCHAR(2), as in Flink, not CHAR(2)
    }
}
