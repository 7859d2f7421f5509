package io.weir.sql.udf;

import io.weir.sql.functions.UserDefinedFunction;
import io.weir.sql.parser.StatementPlaces;
import io.weir.sql.parser.StatementPlaces.Subject;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * The {@code eval} method of a user-defined function that a call with given argument types runs,
 * and the SQL type of each parameter (an argument is cast to it). An argument fits a parameter of
 * its own type, a wider number (INT to a {@code long} parameter), or an {@code Object} parameter;
 * among the methods that fit, the one with the fewest widenings wins, as Java's overloads do.
 * Varargs take any number of trailing arguments that fit the component class.
 *
 * @param parameterTypes the SQL type of each argument as the method takes it
 */
public record EvalMethod(Method method, List<RelDataType> parameterTypes) {

    /** The widest to the narrowest: an argument may go to a parameter later in this list. */
    private static final List<SqlTypeName> NUMBERS = List.of(SqlTypeName.TINYINT, SqlTypeName.SMALLINT,
            SqlTypeName.INTEGER, SqlTypeName.BIGINT, SqlTypeName.DECIMAL, SqlTypeName.FLOAT, SqlTypeName.REAL,
            SqlTypeName.DOUBLE);

    public boolean isVarArgs() {
        return method.isVarArgs();
    }

    /** Finds the eval method for the argument types, or explains which signatures exist. */
    public static EvalMethod resolve(Class<? extends UserDefinedFunction> functionClass, String name,
            List<RelDataType> argumentTypes, JavaSqlTypes types) {
        return resolve(functionClass, "eval", 0, name, argumentTypes, types);
    }

    /**
     * Finds the method of that name for the argument types; its first {@code leading} parameters
     * are not arguments (an aggregate's accumulator).
     */
    public static EvalMethod resolve(Class<? extends UserDefinedFunction> functionClass, String methodName,
            int leading, String name, List<RelDataType> argumentTypes, JavaSqlTypes types) {
        EvalMethod best = null;
        int bestCost = Integer.MAX_VALUE;
        for (Method method : methods(functionClass, methodName)) {
            if (method.getParameterCount() < leading) {
                continue;
            }
            List<RelDataType> parameters = new ArrayList<>();
            int cost = fit(method, leading, argumentTypes, types, parameters);
            if (cost >= 0 && cost < bestCost) {
                best = new EvalMethod(method, parameters);
                bestCost = cost;
            }
        }
        if (best == null) {
            throw StatementPlaces.error(Subject.call(name), "Function " + name + " has no " + methodName + " method for arguments ("
                    + argumentTypes.stream().map(RelDataType::getFullTypeString).collect(Collectors.joining(", "))
                    + "); " + functionClass.getName() + " declares " + signatures(functionClass, methodName)
                    + ". Cast the arguments, or add " + methodName + " method taking them");
        }
        return best;
    }

    static List<Method> evalMethods(Class<?> functionClass) {
        return methods(functionClass, "eval");
    }

    static List<Method> methods(Class<?> functionClass, String methodName) {
        List<Method> methods = new ArrayList<>();
        for (Method method : functionClass.getMethods()) {
            if (method.getName().equals(methodName) && !Modifier.isStatic(method.getModifiers())
                    && !method.isBridge()) {
                methods.add(method);
            }
        }
        return methods;
    }

    static String signatures(Class<?> functionClass) {
        return signatures(functionClass, "eval");
    }

    static String signatures(Class<?> functionClass, String methodName) {
        List<String> signatures = methods(functionClass, methodName).stream().map(m -> methodName + "(" + Arrays.stream(
                m.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(", ")) + ")").sorted().toList();
        return signatures.isEmpty() ? "no public " + methodName + " method" : String.join(", ", signatures);
    }

    /** The cost of calling the method with the arguments (widenings), or -1 if they do not fit. */
    private static int fit(Method method, int leading, List<RelDataType> arguments, JavaSqlTypes types,
            List<RelDataType> parameters) {
        Class<?>[] all = method.getParameterTypes();
        Class<?>[] classes = Arrays.copyOfRange(all, leading, all.length);
        if (classes.length == 0 && method.isVarArgs()) {
            return -1;
        }
        int fixed = method.isVarArgs() ? classes.length - 1 : classes.length;
        if (arguments.size() < fixed || (!method.isVarArgs() && arguments.size() != fixed)) {
            return -1;
        }
        int cost = 0;
        for (int i = 0; i < arguments.size(); i++) {
            int p = Math.min(i, classes.length - 1);
            Class<?> parameterClass = i >= fixed ? classes[p].getComponentType() : classes[p];
            RelDataType hinted = types.hinted(method.getParameters()[leading + p], "parameter " + p + " of " + method);
            RelDataType argument = arguments.get(i);
            RelDataType parameter = hinted != null ? hinted
                    : parameterClass == Object.class ? argument : types.ofClass(parameterClass);
            int widening = parameter == null ? -1 : widening(argument, parameter);
            if (widening < 0) {
                return -1;
            }
            cost += widening;
            parameters.add(parameter);
        }
        return cost;
    }

    /** 0 if the argument's type is the parameter's, 1 if it widens to it, -1 if it does not fit. */
    private static int widening(RelDataType argument, RelDataType parameter) {
        SqlTypeName from = argument.getSqlTypeName();
        SqlTypeName to = parameter.getSqlTypeName();
        if (from == SqlTypeName.NULL || from == to || (SqlTypeUtil.isCharacter(argument) && SqlTypeUtil.isCharacter(
                parameter)) || (SqlTypeUtil.isBinary(argument) && SqlTypeUtil.isBinary(parameter))) {
            return 0;
        }
        int fromRank = NUMBERS.indexOf(from);
        int toRank = NUMBERS.indexOf(to);
        return fromRank >= 0 && toRank > fromRank ? 1 : -1;
    }
}
