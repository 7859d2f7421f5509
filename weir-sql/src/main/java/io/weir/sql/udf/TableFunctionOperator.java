package io.weir.sql.udf;

import io.weir.sql.functions.TableFunction;
import io.weir.sql.parser.StatementPlaces;
import io.weir.sql.parser.StatementPlaces.Subject;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlTableFunction;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;

/**
 * A registered {@link TableFunction} as the validator sees it in {@code LATERAL TABLE(f(...))}: its
 * rows have the fields of its output type when that is a ROW, else one field {@code f0}. The
 * output type comes from {@code @FunctionHint(output = ...)}/{@code @DataTypeHint} on the eval
 * method or the class, else from the class argument of {@code TableFunction<T>}.
 */
public final class TableFunctionOperator extends SqlFunction implements SqlTableFunction {

    private final TableFunction<?> function;
    private final JavaSqlTypes types;

    TableFunctionOperator(String name, TableFunction<?> function, JavaSqlTypes types) {
        super(name, SqlKind.OTHER_FUNCTION, ReturnTypes.CURSOR, null, new EvalOperands(name, function.getClass(), types), SqlFunctionCategory.USER_DEFINED_TABLE_FUNCTION);
        this.function = function;
        this.types = types;
    }

    public TableFunction<?> function() {
        return function;
    }

    public EvalMethod evalMethod(List<RelDataType> argumentTypes) {
        return EvalMethod.resolve(function.getClass(), getName(), argumentTypes, types);
    }

    /** Whether each result is a Row whose fields are the output's columns, or one value, the only column. */
    public boolean producesRows(List<RelDataType> argumentTypes) {
        return outputType(getName(), function, types, argumentTypes).isStruct();
    }

    @Override
    public SqlReturnTypeInference getRowTypeInference() {
        return binding -> rowType(getName(), function, types, binding.collectOperandTypes());
    }

    @Override
    public boolean isDeterministic() {
        return function.isDeterministic();
    }

    private static RelDataType rowType(String name, TableFunction<?> function, JavaSqlTypes types,
            List<RelDataType> argumentTypes) {
        RelDataType output = outputType(name, function, types, argumentTypes);
        return output.isStruct() ? output
                : types.typeFactory().builder().add("f0", output).build();
    }

    private static RelDataType outputType(String name, TableFunction<?> function, JavaSqlTypes types,
            List<RelDataType> argumentTypes) {
        EvalMethod eval = EvalMethod.resolve(function.getClass(), name, argumentTypes, types);
        RelDataType type = types.hinted(eval.method(), eval.method().toString());
        if (type == null) {
            type = types.hinted(function.getClass(), function.getClass().getName());
        }
        Class<?> resultClass = resultClass(function.getClass());
        if (type == null && resultClass != null) {
            type = types.ofClass(resultClass);
        }
        if (type == null) {
            throw StatementPlaces.error(Subject.call(name), "Table function " + name + " (" + function.getClass().getName() + ") "
                    + "does not say the type of its rows; annotate the class with "
                    + "@FunctionHint(output = @DataTypeHint(\"ROW<name STRING, n INT>\")) or declare TableFunction<T> "
                    + "with a class such as String or Long");
        }
        return type;
    }

    /** T of {@code TableFunction<T>}, if the class hierarchy names a class for it. */
    private static Class<?> resultClass(Class<?> functionClass) {
        for (Class<?> c = functionClass; c != null && c != TableFunction.class; c = c.getSuperclass()) {
            Type parent = c.getGenericSuperclass();
            if (parent instanceof ParameterizedType parameterized && parameterized.getRawType() == TableFunction.class
                    && parameterized.getActualTypeArguments()[0] instanceof Class<?> result) {
                return result;
            }
        }
        return null;
    }
}
