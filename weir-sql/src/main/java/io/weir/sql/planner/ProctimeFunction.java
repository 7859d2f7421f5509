package io.weir.sql.planner;

import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlOperatorTables;

/**
 * {@code PROCTIME()}: the wall-clock time at which the row is processed, a {@code TIMESTAMP_LTZ(3)}
 * (Flink's processing-time attribute). A computed column {@code pt AS PROCTIME()} makes {@code pt}
 * the table's processing-time attribute, which a lookup join names in {@code FOR SYSTEM_TIME AS OF}.
 * Not deterministic: it is computed for every row, never folded into a constant at planning.
 */
final class ProctimeFunction extends SqlFunction {

    static final String NAME = "PROCTIME";

    static final ProctimeFunction INSTANCE = new ProctimeFunction();

    private ProctimeFunction() {
        super(NAME, SqlKind.OTHER_FUNCTION,
                opBinding -> opBinding.getTypeFactory().createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 3),
                null, OperandTypes.NILADIC, SqlFunctionCategory.TIMEDATE);
    }

    /** The operator table with PROCTIME in it. */
    static SqlOperatorTable operatorTable() {
        return SqlOperatorTables.of(INSTANCE);
    }

    @Override
    public boolean isDeterministic() {
        return false;
    }

    @Override
    public boolean isDynamicFunction() {
        return true;
    }
}
