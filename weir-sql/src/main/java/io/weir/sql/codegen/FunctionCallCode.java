package io.weir.sql.codegen;

import io.weir.sql.udf.EvalMethod;
import io.weir.sql.udf.ScalarFunctionOperator;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Code that calls a user-defined scalar function's {@code eval} method directly on the instance the
 * generated class holds: each argument converted to its parameter's type (a NULL passed as
 * {@code null}), trailing varargs packed in an array. A NULL for a primitive parameter makes the
 * result NULL without a call, since Java cannot pass it.
 */
final class FunctionCallCode {

    private FunctionCallCode() {
    }

    static ExprCode generate(CalcCodeGenerator g, RexCall call, ScalarFunctionOperator operator) {
        List<RelDataType> argumentTypes = call.getOperands().stream().map(RexNode::getType).toList();
        EvalMethod eval = operator.evalMethod(argumentTypes);
        Class<?>[] classes = eval.method().getParameterTypes();
        int fixed = eval.isVarArgs() ? classes.length - 1 : classes.length;
        List<String> arguments = new ArrayList<>();
        List<String> nullForPrimitive = new ArrayList<>();
        for (int i = 0; i < call.getOperands().size(); i++) {
            ExprCode operand = g.generate(call.getOperands().get(i));
            Class<?> parameterClass = i >= fixed ? classes[fixed].getComponentType() : classes[i];
            if (parameterClass.isPrimitive()) {
                nullForPrimitive.add(operand.nullTerm());
            }
            arguments.add(argument(operand, eval.parameterTypes().get(i), parameterClass));
        }
        if (eval.isVarArgs()) {
            List<String> packed = new ArrayList<>(arguments.subList(fixed, arguments.size()));
            arguments.subList(fixed, arguments.size()).clear();
            arguments.add("new " + classes[fixed].getComponentType().getCanonicalName() + "[] {"
                    + String.join(", ", packed) + "}");
        }
        String invocation = g.function(operator.function(), operator.getName()) + ".eval("
                + String.join(", ", arguments) + ")";
        ExprCode result = g.declare(call.getType());
        String returned = g.newName("returned");
        String guard = nullForPrimitive.isEmpty() ? "true" : "!(" + String.join(" || ", nullForPrimitive) + ")";
        g.body().append("if (").append(guard).append(") {\n")
                .append("Object ").append(returned).append(" = ").append(boxedIfPrimitive(invocation,
                        eval.method().getReturnType())).append(";\n")
                .append(result.nullTerm()).append(" = ").append(returned).append(" == null;\n")
                .append("if (!").append(result.nullTerm()).append(") { ").append(result.valueTerm()).append(" = ")
                .append(resultValue(returned, call.getType())).append("; }\n")
                .append("}\n");
        return result;
    }

    /** The returned object as the call's type; a DECIMAL is rounded to the declared scale, as a CAST would. */
    private static String resultValue(String returned, RelDataType type) {
        String value = ValueConversions.unbox(returned, type);
        return type.getSqlTypeName() == SqlTypeName.DECIMAL ? ValueConversions.convert(value, type, type) : value;
    }

    /** A Java expression of the parameter's class for the operand. */
    private static String argument(ExprCode operand, RelDataType parameterType, Class<?> parameterClass) {
        String className = parameterClass.getCanonicalName();
        if (operand.type().getSqlTypeName() == SqlTypeName.NULL) {
            return parameterClass.isPrimitive() ? JavaTypes.defaultValue(parameterType) : "(" + className + ") null";
        }
        String converted = ValueConversions.convert(operand.valueTerm(), operand.type(), parameterType);
        if (parameterClass.isPrimitive()) {
            return "((" + className + ") " + converted + ")";
        }
        return "((" + className + ") (" + operand.nullTerm() + " ? null : "
                + ValueConversions.box(converted, parameterType) + "))";
    }

    private static String boxedIfPrimitive(String expression, Class<?> type) {
        if (!type.isPrimitive()) {
            return expression;
        }
        String boxed = switch (type.getName()) {
            case "int" -> "Integer";
            case "char" -> "Character";
            default -> Character.toUpperCase(type.getName().charAt(0)) + type.getName().substring(1);
        };
        return boxed + ".valueOf(" + expression + ")";
    }
}
