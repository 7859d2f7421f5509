package io.weir.sql.planner;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.Optionality;

/**
 * Flink 2.x's PERCENTILE(expr, percentage[, frequency]) aggregate: DOUBLE, or ARRAY of DOUBLE when the
 * percentage is an ARRAY; NULL without values.
 */
final class PercentileFunction extends SqlAggFunction {

    static final PercentileFunction INSTANCE = new PercentileFunction();

    private PercentileFunction() {
        super("PERCENTILE", null, SqlKind.OTHER_FUNCTION, binding -> {
            var factory = binding.getTypeFactory();
            RelDataType value = factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.DOUBLE), true);
            return binding.getOperandType(1).getSqlTypeName() == SqlTypeName.ARRAY
                    ? factory.createTypeWithNullability(factory.createArrayType(value, -1), true) : value;
        }, null, OperandTypes.or(
                OperandTypes.family(SqlTypeFamily.NUMERIC, SqlTypeFamily.NUMERIC),
                OperandTypes.family(SqlTypeFamily.NUMERIC, SqlTypeFamily.ARRAY),
                OperandTypes.family(SqlTypeFamily.NUMERIC, SqlTypeFamily.NUMERIC, SqlTypeFamily.INTEGER),
                OperandTypes.family(SqlTypeFamily.NUMERIC, SqlTypeFamily.ARRAY, SqlTypeFamily.INTEGER)),
                SqlFunctionCategory.SYSTEM, false, false, Optionality.FORBIDDEN);
    }

    /** Whether a call's percentage is an ARRAY. */
    static boolean arrayPercentage(RelDataType percentageType) {
        return percentageType.getSqlTypeName() == SqlTypeName.ARRAY;
    }
}
