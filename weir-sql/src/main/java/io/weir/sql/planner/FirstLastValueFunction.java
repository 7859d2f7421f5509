package io.weir.sql.planner;

import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.util.Optionality;

/**
 * Flink's FIRST_VALUE(x) and LAST_VALUE(x): aggregates that run in GROUP BY and windows as well as
 * OVER, which Calcite's own (window-only) functions of these names do not. The operator table lists
 * these in place of Calcite's; the result has the argument's type, nullable as MIN's is.
 */
final class FirstLastValueFunction extends SqlAggFunction {

    static final FirstLastValueFunction FIRST_VALUE = new FirstLastValueFunction("FIRST_VALUE", false);
    static final FirstLastValueFunction LAST_VALUE = new FirstLastValueFunction("LAST_VALUE", true);

    private final boolean last;

    private FirstLastValueFunction(String name, boolean last) {
        super(name, null, SqlKind.OTHER_FUNCTION, ReturnTypes.ARG0_NULLABLE_IF_EMPTY, null, OperandTypes.ANY,
                SqlFunctionCategory.SYSTEM, false, false, Optionality.FORBIDDEN);
        this.last = last;
    }

    /** LAST_VALUE rather than FIRST_VALUE. */
    boolean last() {
        return last;
    }

    @Override
    public boolean allowsNullTreatment() {
        return false;
    }
}
