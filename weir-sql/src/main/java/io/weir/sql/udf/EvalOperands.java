package io.weir.sql.udf;

import io.weir.sql.api.ValidationException;
import io.weir.sql.functions.UserDefinedFunction;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;

/** The validator's check of a user-defined function's arguments: some eval method must take them. */
record EvalOperands(String name, Class<? extends UserDefinedFunction> functionClass, JavaSqlTypes types)
        implements SqlOperandTypeChecker {

    @Override
    public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
        try {
            EvalMethod.resolve(functionClass, name, binding.collectOperandTypes(), types);
            return true;
        } catch (ValidationException e) {
            if (throwOnFailure) {
                throw e;
            }
            return false;
        }
    }

    @Override
    public SqlOperandCountRange getOperandCountRange() {
        return SqlOperandCountRanges.any();
    }

    @Override
    public String getAllowedSignatures(SqlOperator op, String opName) {
        return EvalMethod.signatures(functionClass);
    }
}
