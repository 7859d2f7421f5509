package io.weir.sql.udf;

import io.weir.sql.functions.ScalarFunction;
import io.weir.sql.parser.StatementPlaces;
import io.weir.sql.parser.StatementPlaces.Subject;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;

/**
 * A registered {@link ScalarFunction} as the validator sees it: its result type is that of the
 * {@code eval} method the call's argument types select ({@link EvalMethod}). The code generator
 * calls that method on the instance this operator carries.
 */
public final class ScalarFunctionOperator extends SqlFunction {

    private final ScalarFunction function;
    private final JavaSqlTypes types;

    ScalarFunctionOperator(String name, ScalarFunction function, JavaSqlTypes types) {
        super(name, SqlKind.OTHER_FUNCTION, binding -> resultType(name, function, types, binding.collectOperandTypes()),
                null, new EvalOperands(name, function.getClass(), types), SqlFunctionCategory.USER_DEFINED_FUNCTION);
        this.function = function;
        this.types = types;
    }

    public ScalarFunction function() {
        return function;
    }

    /** The eval method a call with these argument types runs. */
    public EvalMethod evalMethod(List<RelDataType> argumentTypes) {
        return EvalMethod.resolve(function.getClass(), getName(), argumentTypes, types);
    }

    @Override
    public boolean isDeterministic() {
        return function.isDeterministic();
    }

    private static RelDataType resultType(String name, ScalarFunction function, JavaSqlTypes types,
            List<RelDataType> argumentTypes) {
        EvalMethod eval = EvalMethod.resolve(function.getClass(), name, argumentTypes, types);
        RelDataType type = types.hinted(eval.method(), eval.method().toString());
        if (type == null) {
            type = types.hinted(function.getClass(), function.getClass().getName());
        }
        if (type == null) {
            type = types.ofClass(eval.method().getReturnType());
        }
        if (type == null) {
            throw StatementPlaces.error(Subject.call(name), "Function " + name + ": the result class "
                    + eval.method().getReturnType().getName() + " of " + eval.method() + " has no SQL type; "
                    + "annotate the method with @DataTypeHint(\"...\")");
        }
        return type;
    }
}
