package io.weir.sql.codegen;

import io.weir.sql.api.ValidationException;
import io.weir.sql.udf.ScalarFunctionOperator;
import io.weir.sql.parser.StatementPlaces;
import io.weir.sql.parser.StatementPlaces.Subject;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Code for operator calls. Most operators are strict (null if any operand is null) and are
 * generated as "compute the operands, then the result if none is null"; AND, OR, the IS tests,
 * CASE and COALESCE follow SQL's three-valued logic and evaluate CASE branches lazily.
 */
final class OperatorCode {

    private OperatorCode() {
    }

    static ExprCode generate(CalcCodeGenerator g, RexCall call) {
        if (CallSites.isCallSite(call)) {
            return g.generate(call.getOperands().get(0));
        }
        if (call.getOperator() instanceof ScalarFunctionOperator function) {
            return FunctionCallCode.generate(g, call, function);
        }
        if (BuiltInCallCode.handles(call)) {
            return BuiltInCallCode.generate(g, call);
        }
        SqlKind kind = call.getKind();
        switch (kind) {
            case AND, OR:
                return logical(g, call, kind == SqlKind.AND);
            case IS_NULL, IS_NOT_NULL, IS_TRUE, IS_FALSE, IS_NOT_TRUE, IS_NOT_FALSE:
                return test(g, call);
            case CASE:
                return caseWhen(g, call);
            case COALESCE:
                return coalesce(g, call);
            case ARRAY_VALUE_CONSTRUCTOR:
                return collection(g, call, false);
            case MAP_VALUE_CONSTRUCTOR:
                return collection(g, call, true);
            case ROW:
                return row(g, call);
            case ITEM:
                return item(g, call);
            case ARRAY_CONTAINS:
                return arrayContains(g, call);
            case SAFE_CAST:
                return tryCast(g, call);
            default:
                return strict(g, call);
        }
    }

    private static ExprCode strict(CalcCodeGenerator g, RexCall call) {
        List<ExprCode> operands = new ArrayList<>();
        for (RexNode operand : call.getOperands()) {
            // A symbol (TRIM's BOTH/LEADING/TRAILING) is read at generation time, never at run time.
            operands.add(operand.getType().getSqlTypeName() == SqlTypeName.SYMBOL
                    ? new ExprCode("false", "null", operand.getType()) : g.generate(operand));
        }
        ExprCode result = g.declare(call.getType());
        String anyNull = operands.isEmpty() ? "false"
                : String.join(" || ", operands.stream().map(ExprCode::nullTerm).toList());
        String value = StrictOperators.value(g, call, operands);
        g.body().append(result.nullTerm()).append(" = ").append(anyNull).append(";\n")
                .append("if (!").append(result.nullTerm()).append(") { ").append(result.valueTerm()).append(" = ")
                .append(value).append("; }\n");
        return result;
    }

    /**
     * {@code ARRAY[a, b]} as a {@code List}, {@code MAP[k1, v1, k2, v2]} as a {@code Map} in key
     * order of appearance: never null; elements may be.
     */
    private static ExprCode collection(CalcCodeGenerator g, RexCall call, boolean map) {
        List<String> values = new ArrayList<>();
        for (RexNode operand : call.getOperands()) {
            ExprCode code = g.generate(operand);
            String value = JavaTypes.isPrimitive(code.type())
                    ? JavaTypes.boxed(code.type()) + ".valueOf(" + code.valueTerm() + ")" : code.valueTerm();
            values.add("(" + code.nullTerm() + " ? null : (Object) " + value + ")");
        }
        ExprCode result = g.declare(call.getType());
        g.body().append(result.nullTerm()).append(" = false;\n");
        if (map) {
            g.body().append("{ java.util.LinkedHashMap m = new java.util.LinkedHashMap();\n");
            for (int i = 0; i < values.size(); i += 2) {
                g.body().append("m.put(").append(values.get(i)).append(", ").append(values.get(i + 1)).append(");\n");
            }
            g.body().append(result.valueTerm()).append(" = m; }\n");
        } else {
            g.body().append(result.valueTerm()).append(" = java.util.Arrays.asList(new Object[] {")
                    .append(String.join(", ", values)).append("});\n");
        }
        return result;
    }

    /**
     * {@code arr[i]} (from 1) and {@code map[key]}: null when the collection or index is null, the
     * index is out of range or the key is absent, as in Flink.
     */
    private static ExprCode item(CalcCodeGenerator g, RexCall call) {
        ExprCode collection = g.generate(call.getOperands().get(0));
        ExprCode key = g.generate(call.getOperands().get(1));
        ExprCode result = g.declare(call.getType());
        String element = g.newName("element");
        g.body().append("Object ").append(element).append(" = ").append(collection.nullTerm()).append(" || ")
                .append(key.nullTerm()).append(" ? null : io.weir.sql.runtime.SqlFunctions.item(")
                .append(collection.valueTerm()).append(", ").append(boxedValue(key)).append(");\n")
                .append(result.nullTerm()).append(" = ").append(element).append(" == null;\n")
                .append("if (!").append(result.nullTerm()).append(") { ").append(result.valueTerm()).append(" = ")
                .append(fromObject(element, call.getType())).append("; }\n");
        return result;
    }

    /** {@code ARRAY_CONTAINS(arr, x)}: null for a null array; a null {@code x} asks for a null element. */
    private static ExprCode arrayContains(CalcCodeGenerator g, RexCall call) {
        ExprCode array = g.generate(call.getOperands().get(0));
        ExprCode needle = g.generate(call.getOperands().get(1));
        ExprCode result = g.declare(call.getType());
        g.body().append(result.nullTerm()).append(" = ").append(array.nullTerm()).append(";\n")
                .append("if (!").append(result.nullTerm()).append(") { ").append(result.valueTerm())
                .append(" = io.weir.sql.runtime.SqlFunctions.arrayContains(").append(array.valueTerm()).append(", ")
                .append(needle.nullTerm()).append(" ? null : (Object) ").append(boxedValue(needle)).append("); }\n");
        return result;
    }

    private static String boxedValue(ExprCode code) {
        return JavaTypes.isPrimitive(code.type())
                ? JavaTypes.boxed(code.type()) + ".valueOf(" + code.valueTerm() + ")" : code.valueTerm();
    }

    /** A non-null {@code Object} term as the Java value of {@code type}. */
    private static String fromObject(String term, org.apache.calcite.rel.type.RelDataType type) {
        String boxed = JavaTypes.boxed(type);
        return JavaTypes.isPrimitive(type) ? "((" + boxed + ") " + term + ")." + JavaTypes.primitive(type) + "Value()"
                : "(" + boxed + ") " + term;
    }

    /** {@code TRY_CAST(x AS type)}: like CAST, but NULL where the conversion fails (a string that is no number). */
    private static ExprCode tryCast(CalcCodeGenerator g, RexCall call) {
        ExprCode operand = g.generate(call.getOperands().get(0));
        ExprCode result = g.declare(call.getType());
        g.body().append(result.nullTerm()).append(" = true;\n");
        if (operand.type().getSqlTypeName() == SqlTypeName.NULL) {
            return result;
        }
        String converted = ValueConversions.convert(operand.valueTerm(), operand.type(), call.getType());
        g.body().append("if (!").append(operand.nullTerm()).append(") {\n")
                .append("try { ").append(result.valueTerm()).append(" = ").append(converted).append("; ")
                .append(result.nullTerm()).append(" = false; } catch (RuntimeException e) { }\n")
                .append("}\n");
        return result;
    }

    /** {@code ROW(a, b)} as a {@code Row} of its values: never null; fields may be. */
    private static ExprCode row(CalcCodeGenerator g, RexCall call) {
        List<String> values = new ArrayList<>();
        for (RexNode operand : call.getOperands()) {
            ExprCode code = g.generate(operand);
            String value = JavaTypes.isPrimitive(code.type())
                    ? JavaTypes.boxed(code.type()) + ".valueOf(" + code.valueTerm() + ")" : code.valueTerm();
            values.add("(" + code.nullTerm() + " ? null : (Object) " + value + ")");
        }
        ExprCode result = g.declare(call.getType());
        g.body().append(result.nullTerm()).append(" = false;\n").append(result.valueTerm())
                .append(" = io.weir.api.types.Row.of(new Object[] {").append(String.join(", ", values)).append("});\n");
        return result;
    }

    private static ExprCode logical(CalcCodeGenerator g, RexCall call, boolean and) {
        List<ExprCode> operands = new ArrayList<>();
        for (RexNode operand : call.getOperands()) {
            operands.add(g.generate(operand));
        }
        ExprCode result = g.declare(call.getType());
        // AND: any false -> false; else any null -> null; else true. OR: the same with true and false swapped.
        List<String> decisive = new ArrayList<>();
        List<String> nulls = new ArrayList<>();
        for (ExprCode operand : operands) {
            decisive.add("(!" + operand.nullTerm() + " && " + (and ? "!" : "") + operand.valueTerm() + ")");
            nulls.add(operand.nullTerm());
        }
        g.body().append("if (").append(String.join(" || ", decisive)).append(") { ")
                .append(result.nullTerm()).append(" = false; ").append(result.valueTerm()).append(" = ")
                .append(!and).append("; }\n")
                .append("else if (").append(String.join(" || ", nulls)).append(") { ")
                .append(result.nullTerm()).append(" = true; }\n")
                .append("else { ").append(result.nullTerm()).append(" = false; ").append(result.valueTerm())
                .append(" = ").append(and).append("; }\n");
        return result;
    }

    private static ExprCode test(CalcCodeGenerator g, RexCall call) {
        ExprCode operand = g.generate(call.getOperands().get(0));
        String n = operand.nullTerm();
        String v = operand.valueTerm();
        String value = switch (call.getKind()) {
            case IS_NULL -> n;
            case IS_NOT_NULL -> "!" + n;
            case IS_TRUE -> "!" + n + " && " + v;
            case IS_FALSE -> "!" + n + " && !" + v;
            case IS_NOT_TRUE -> n + " || !" + v;
            case IS_NOT_FALSE -> n + " || " + v;
            default -> throw new IllegalStateException(call.getKind().toString());
        };
        ExprCode result = g.declare(call.getType());
        g.body().append(result.nullTerm()).append(" = false;\n")
                .append(result.valueTerm()).append(" = ").append(value).append(";\n");
        return result;
    }

    /** CASE WHEN c1 THEN r1 ... ELSE e END: a branch's code runs only when it is taken. */
    private static ExprCode caseWhen(CalcCodeGenerator g, RexCall call) {
        ExprCode result = g.declare(call.getType());
        List<RexNode> operands = call.getOperands();
        int braces = 0;
        for (int i = 0; i + 1 < operands.size(); i += 2) {
            ExprCode condition = g.generate(operands.get(i));
            g.body().append("if (!").append(condition.nullTerm()).append(" && ").append(condition.valueTerm())
                    .append(") {\n");
            assign(g, result, g.generate(operands.get(i + 1)));
            g.body().append("} else {\n");
            braces++;
        }
        assign(g, result, g.generate(operands.get(operands.size() - 1)));
        g.body().append("}\n".repeat(braces));
        return result;
    }

    private static ExprCode coalesce(CalcCodeGenerator g, RexCall call) {
        ExprCode result = g.declare(call.getType());
        int braces = 0;
        for (RexNode operand : call.getOperands()) {
            assign(g, result, g.generate(operand));
            g.body().append("if (").append(result.nullTerm()).append(") {\n");
            braces++;
        }
        g.body().append("}\n".repeat(braces));
        return result;
    }

    private static void assign(CalcCodeGenerator g, ExprCode target, ExprCode source) {
        g.body().append(target.nullTerm()).append(" = ").append(source.nullTerm()).append(";\n");
        if (source.type().getSqlTypeName() == SqlTypeName.NULL) {
            return;
        }
        g.body().append("if (!").append(target.nullTerm()).append(") { ").append(target.valueTerm()).append(" = ")
                .append(ValueConversions.convert(source.valueTerm(), source.type(), target.type()))
                .append("; }\n");
    }

    /** The literal value of a symbol operand (TRIM's BOTH/LEADING/TRAILING). */
    static String symbol(RexNode node) {
        return ((RexLiteral) node).getValue().toString();
    }

    static ValidationException unsupported(RexCall call) {
        return StatementPlaces.error(Subject.call(call.getOperator().getName()), "Function or operator "
                + call.getOperator().getName()
                + " is not supported by Weir's SQL runtime yet; SHOW FUNCTIONS lists the ones that run");
    }
}
