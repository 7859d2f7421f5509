package io.weir.sql.udf;

import io.weir.sql.api.ValidationException;
import io.weir.sql.functions.AggregateFunction;
import io.weir.sql.functions.TableAggregateFunction;
import io.weir.sql.parser.StatementPlaces;
import io.weir.sql.parser.StatementPlaces.Subject;
import java.lang.reflect.Method;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;

/**
 * A registered {@link AggregateFunction} as the validator sees it: the call's argument types pick
 * an {@code accumulate(acc, ...)} method, and the result type is {@code getValue}'s (or a hint's on
 * it or the class).
 */
public final class AggregateFunctionOperator extends SqlAggFunction {

    private final AggregateFunction<?, ?> function;
    private final JavaSqlTypes types;

    AggregateFunctionOperator(String name, AggregateFunction<?, ?> function, JavaSqlTypes types) {
        super(name, null, SqlKind.OTHER_FUNCTION, binding -> resultType(name, function, types),
                null, new AccumulateOperands(name, function, types), SqlFunctionCategory.USER_DEFINED_FUNCTION,
                false, false);
        this.function = function;
        this.types = types;
    }

    public AggregateFunction<?, ?> function() {
        return function;
    }

    /** The accumulate method for the argument types. */
    public EvalMethod accumulateMethod(List<RelDataType> argumentTypes) {
        return EvalMethod.resolve(function.getClass(), "accumulate", 1, getName(), argumentTypes, types);
    }

    /** The retract method with the same parameters as the accumulate method, or null if there is none. */
    public Method retractMethod(Method accumulate) {
        try {
            return function.getClass().getMethod("retract", accumulate.getParameterTypes());
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    @Override
    public boolean isDeterministic() {
        return function.isDeterministic();
    }

    private static RelDataType resultType(String name, AggregateFunction<?, ?> function, JavaSqlTypes types) {
        if (function instanceof TableAggregateFunction<?, ?> tableAggregate) {
            RelDataType row = TableAggregateRows.rowType(name, tableAggregate, types);
            return types.typeFactory().createTypeWithNullability(types.typeFactory().createArrayType(row, -1), true);
        }
        Method getValue = getValueMethod(function);
        RelDataType type = types.hinted(getValue, getValue.toString());
        if (type == null) {
            type = types.hinted(function.getClass(), function.getClass().getName());
        }
        if (type == null) {
            type = types.ofClass(getValue.getReturnType());
        }
        if (type == null) {
            throw StatementPlaces.error(Subject.call(name), "Aggregate function " + name + ": the result class "
                    + getValue.getReturnType().getName() + " of getValue has no SQL type; annotate getValue or the "
                    + "class with @DataTypeHint(\"...\") or declare AggregateFunction<T, ACC> with a class such as Long");
        }
        return type;
    }

    /** The most specific getValue: the subclass's own, whose return class is T. */
    static Method getValueMethod(AggregateFunction<?, ?> function) {
        Method found = null;
        for (Method method : EvalMethod.methods(function.getClass(), "getValue")) {
            if (method.getParameterCount() == 1 && (found == null
                    || found.getReturnType().isAssignableFrom(method.getReturnType()))) {
                found = method;
            }
        }
        return found;
    }

    /** Accepts the arguments some accumulate method takes. */
    private record AccumulateOperands(String name, AggregateFunction<?, ?> function, JavaSqlTypes types)
            implements SqlOperandTypeChecker {

        @Override
        public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
            try {
                EvalMethod.resolve(function.getClass(), "accumulate", 1, name, binding.collectOperandTypes(), types);
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
            return EvalMethod.signatures(function.getClass(), "accumulate");
        }
    }
}
