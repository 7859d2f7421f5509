package io.weir.sql.codegen;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Code for Flink's built-in functions that run as calls of static methods in {@code io.weir.sql.runtime}
 * ({@code CollectionFunctions}, {@code StringFunctions}, {@code TemporalFunctions},
 * {@code MathFunctions}, {@code JsonSqlFunctions}): each argument passed boxed (a symbol such as
 * {@code YEAR} or {@code NULL_ON_NULL} as its name), the returned object converted to the call's
 * type. Each function says how many leading arguments make the result NULL when they are NULL
 * (all of them for most; only the array for ARRAY_APPEND, whose element may be NULL; none for
 * JSON_OBJECT), as Flink's null semantics are.
 */
final class BuiltInCallCode {

    private static final String RUNTIME = "io.weir.sql.runtime.";
    private static final int ALL = Integer.MAX_VALUE;

    /**
     * @param method the static method, relative to {@code io.weir.sql.runtime}
     * @param strict how many leading arguments give NULL when NULL ({@link #ALL} for every one)
     * @param varargsFrom the first argument passed in the method's {@code Object...} array, or -1
     * @param constant a first argument given before the call's own (a function name), or null
     */
    private record Spec(String method, int strict, int varargsFrom, String constant, boolean zoned) {
        Spec(String method, int strict, int varargsFrom, String constant) {
            this(method, strict, varargsFrom, constant, false);
        }
    }

    private static final Map<String, Spec> SPECS = new HashMap<>();

    private static void add(String name, String method, int strict) {
        SPECS.put(name, new Spec(method, strict, -1, null));
    }

    private static void varargs(String name, String method, int strict, int from) {
        SPECS.put(name, new Spec(method, strict, from, null));
    }

    /** A function of the session time zone, which is passed to the method first. */
    private static void zoned(String name, String method) {
        SPECS.put(name, new Spec(method, ALL, -1, null, true));
    }

    private static void named(String name, String method) {
        SPECS.put(name, new Spec(method, ALL, -1, "\"" + name + "\""));
    }

    static {
        String c = "CollectionFunctions.";
        add("ARRAY_APPEND", c + "arrayAppend", 1);
        add("ARRAY_PREPEND", c + "arrayPrepend", 1);
        varargs("ARRAY_CONCAT", c + "arrayConcat", ALL, 0);
        add("ARRAY_DISTINCT", c + "arrayDistinct", ALL);
        add("ARRAY_POSITION", c + "arrayPosition", ALL);
        add("ARRAY_REMOVE", c + "arrayRemove", 1);
        add("ARRAY_REVERSE", c + "arrayReverse", ALL);
        add("ARRAY_SLICE", c + "arraySlice", ALL);
        add("ARRAY_UNION", c + "arrayUnion", ALL);
        add("ARRAY_EXCEPT", c + "arrayExcept", ALL);
        add("ARRAY_INTERSECT", c + "arrayIntersect", ALL);
        add("ARRAY_MAX", c + "arrayMax", ALL);
        add("ARRAY_MIN", c + "arrayMin", ALL);
        add("ARRAY_JOIN", c + "arrayJoin", 2);
        add("ARRAY_SORT", c + "arraySort", ALL);
        add("ELEMENT", c + "element", ALL);
        add("MAP_KEYS", c + "mapKeys", ALL);
        add("MAP_VALUES", c + "mapValues", ALL);
        add("MAP_ENTRIES", c + "mapEntries", ALL);
        add("MAP_FROM_ARRAYS", c + "mapFromArrays", ALL);
        varargs("MAP_UNION", c + "mapUnion", ALL, 0);

        String s = "StringFunctions.";
        for (String hash : List.of("MD5", "SHA1", "SHA224", "SHA256", "SHA384", "SHA512", "SHA2")) {
            add(hash, s + hash.toLowerCase(Locale.ROOT), ALL);
        }
        add("TO_BASE64", s + "toBase64", ALL);
        add("FROM_BASE64", s + "fromBase64", ALL);
        add("SPLIT", s + "split", ALL);
        add("SPLIT_INDEX", s + "splitIndex", ALL);
        add("REGEXP_EXTRACT", s + "regexpExtract", ALL);
        add("REGEXP_EXTRACT_ALL", s + "regexpExtractAll", ALL);
        add("REGEXP_REPLACE", s + "regexpReplace", ALL);
        add("REGEXP", s + "regexp", ALL);
        add("REGEXP_COUNT", s + "regexpCount", ALL);
        add("REGEXP_INSTR", s + "regexpInstr", ALL);
        add("REGEXP_SUBSTR", s + "regexpSubstr", ALL);
        varargs("CONCAT", s + "concat", ALL, 0);
        varargs("CONCAT_WS", s + "concatWs", 1, 1);
        add("LEFT", s + "left", ALL);
        add("RIGHT", s + "right", ALL);
        add("REPEAT", s + "repeat", ALL);
        add("REVERSE", s + "reverse", ALL);
        add("LPAD", s + "lpad", ALL);
        add("RPAD", s + "rpad", ALL);
        add("INSTR", s + "instr", ALL);
        add("LOCATE", s + "locate", ALL);
        add("LTRIM", s + "ltrim", ALL);
        add("RTRIM", s + "rtrim", ALL);
        add("SUBSTR", s + "substr", ALL);
        add("REPLACE", s + "replace", ALL);
        add("INITCAP", s + "initcap", ALL);
        add("ASCII", s + "ascii", ALL);
        add("CHR", s + "chr", ALL);
        add("OVERLAY", s + "overlay", ALL);
        add("IS_ALPHA", s + "isAlpha", ALL);
        add("IS_DIGIT", s + "isDigit", ALL);
        add("IS_DECIMAL", s + "isDecimal", ALL);
        add("UUID", s + "uuid", ALL);
        add("STR_TO_MAP", s + "strToMap", ALL);
        add("BIN", s + "bin", ALL);
        add("HEX", s + "hex", ALL);
        add("UNHEX", s + "unhex", ALL);
        add("ENCODE", s + "encode", ALL);
        add("DECODE", s + "decode", ALL);
        add("BTRIM", s + "btrim", ALL);
        add("TRANSLATE3", s + "translate", ALL);
        varargs("ELT", s + "elt", 1, 1);
        varargs("PRINTF", s + "printf", 1, 1);
        add("STARTSWITH", s + "startswith", ALL);
        add("ENDSWITH", s + "endswith", ALL);
        add("SUBSTRING_INDEX", s + "substringIndex", ALL);
        add("URL_ENCODE", s + "urlEncode", ALL);
        add("URL_DECODE", s + "urlDecode", ALL);
        add("JSON_QUOTE", s + "jsonQuote", ALL);
        add("JSON_UNQUOTE", s + "jsonUnquote", ALL);

        add("PARSE_URL", s + "parseUrl", ALL);

        String m = "MathFunctions.";
        add("POWER", m + "power", ALL);
        for (String f : List.of("SQRT", "LN", "LOG10", "LOG2", "EXP", "SIN", "COS", "TAN", "COT", "ASIN", "ACOS",
                "ATAN", "SINH", "COSH", "TANH", "CBRT", "DEGREES", "RADIANS")) {
            named(f, m + "apply");
        }
        add("ATAN2", m + "atan2", ALL);
        add("LOG", m + "log", ALL);
        add("ROUND", m + "round", ALL);
        add("TRUNCATE", m + "truncate", ALL);
        add("SIGN", m + "sign", ALL);
        add("PI", m + "pi", ALL);
        add("E", m + "e", ALL);
        add("RAND", m + "rand", ALL);
        add("RAND_INTEGER", m + "randInteger", ALL);

        String t = "TemporalFunctions.";
        zoned("DATE_FORMAT", t + "dateFormat");
        zoned("DATE_FORMAT_TZ", t + "dateFormatTz");
        add("CONVERT_TZ", t + "convertTz", ALL);
        zoned("FROM_UNIXTIME", t + "fromUnixtime");
        zoned("UNIX_TIMESTAMP", t + "unixTimestamp");
        add("TO_TIMESTAMP", t + "toTimestamp", ALL);
        add("TO_DATE", t + "toDate", ALL);
        add("TO_TIMESTAMP_LTZ", t + "toTimestampLtz", ALL);
        zoned("EXTRACT", t + "extract");
        add("NOW", t + "now", ALL);
        add("CURRENT_ROW_TIMESTAMP", t + "now", ALL);
        add("CURRENT_TIMESTAMP", t + "now", ALL);
        zoned("LOCALTIMESTAMP", t + "localTimestamp");
        zoned("CURRENT_DATE", t + "currentDate");
        zoned("CURRENT_TIME", t + "currentTime");
        zoned("LOCALTIME", t + "currentTime");

        String j = "JsonSqlFunctions.";
        add("JSON_QUERY", j + "jsonQuery", 2);
        add("JSON_EXISTS", j + "jsonExists", 2);
        varargs("JSON_OBJECT", j + "jsonObject", 0, 1);
        varargs("JSON_ARRAY", j + "jsonArray", 0, 1);
        add("JSON_STRING", j + "jsonString", ALL);
    }

    private BuiltInCallCode() {
    }

    /** Whether this class generates the call. */
    static boolean handles(RexCall call) {
        return isJsonTest(call) || name(call).equals("JSON_VALUE") || name(call).equals("TYPEOF")
                || name(call).equals("CURRENT_WATERMARK")
                || SPECS.containsKey(name(call));
    }

    private static String name(RexCall call) {
        String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
        if ((call.getKind() == SqlKind.FLOOR || call.getKind() == SqlKind.CEIL)) {
            return call.getOperands().size() == 2 ? name + "_TIME" : name + "_NUMBER";
        }
        return name;
    }

    static {
        add("FLOOR_TIME", "TemporalFunctions.floor", ALL);
        add("CEIL_TIME", "TemporalFunctions.ceil", ALL);
        add("FLOOR_NUMBER", "MathFunctions.floor", ALL);
        add("CEIL_NUMBER", "MathFunctions.ceil", ALL);
    }

    /** {@code IS [NOT] JSON VALUE | OBJECT | ARRAY | SCALAR}, by the operator's name. */
    private static boolean isJsonTest(RexCall call) {
        String name = call.getOperator().getName();
        return name.startsWith("IS JSON ") || name.startsWith("IS NOT JSON ");
    }

    static ExprCode generate(CalcCodeGenerator g, RexCall call) {
        if (isJsonTest(call)) {
            return jsonTest(g, call);
        }
        if (name(call).equals("JSON_VALUE")) {
            return jsonValue(g, call);
        }
        if (name(call).equals("TYPEOF")) {
            return typeOf(g, call);
        }
        if (name(call).equals("CURRENT_WATERMARK")) {
            return currentWatermark(g, call);
        }
        if ((name(call).equals("RAND") && call.getOperands().size() == 1)
                || (name(call).equals("RAND_INTEGER") && call.getOperands().size() == 2)) {
            return seededRandom(g, call);
        }
        Spec spec = SPECS.get(name(call));
        List<String> arguments = new ArrayList<>();
        List<String> nullChecks = new ArrayList<>();
        if (spec.constant() != null) {
            arguments.add(spec.constant());
        }
        if (spec.zoned()) {
            arguments.add(g.zone());
        }
        List<RexNode> operands = call.getOperands();
        for (int i = 0; i < operands.size(); i++) {
            Argument argument = argument(g, operands.get(i));
            if (i < spec.strict() && argument.nullTerm() != null) {
                nullChecks.add(argument.nullTerm());
            }
            arguments.add(argument.value());
        }
        if (spec.varargsFrom() >= 0) {
            int from = spec.varargsFrom() + (spec.constant() == null ? 0 : 1) + (spec.zoned() ? 1 : 0);
            List<String> packed = new ArrayList<>(arguments.subList(from, arguments.size()));
            arguments.subList(from, arguments.size()).clear();
            arguments.add("new Object[] {" + String.join(", ", packed) + "}");
        }
        return call(g, call.getType(), RUNTIME + spec.method() + "(" + String.join(", ", arguments) + ")", nullChecks);
    }

    /**
     * {@code TYPEOF(x [, forceSerializable])}: the argument's Flink type, known at planning ({@code INT NOT
     * NULL}, {@code STRING}); serializable, STRING and BYTES are spelled with their lengths.
     */
    private static ExprCode typeOf(CalcCodeGenerator g, RexCall call) {
        String text = io.weir.sql.types.CalciteTypes.toLogicalType(call.getOperands().get(0).getType()).toString();
        boolean serializable = call.getOperands().size() > 1 && call.getOperands().get(1) instanceof RexLiteral flag
                && Boolean.TRUE.equals(flag.getValueAs(Boolean.class));
        if (serializable) {
            text = text.replaceAll("\\bSTRING\\b", "VARCHAR(2147483647)").replaceAll("\\bBYTES\\b", "VARBINARY(2147483647)");
        }
        ExprCode result = g.declare(call.getType());
        g.body().append(result.nullTerm()).append(" = false;\n").append(result.valueTerm()).append(" = ")
                .append(LiteralCode.javaString(text)).append(";\n");
        return result;
    }

    /**
     * {@code CURRENT_WATERMARK(rowtime)}: the operator's current watermark as a TIMESTAMP(3) (UTC wall
     * time, as rowtimes are held) or a TIMESTAMP_LTZ(3); NULL before the first watermark.
     */
    private static ExprCode currentWatermark(CalcCodeGenerator g, RexCall call) {
        String watermark = g.watermark();
        ExprCode result = g.declare(call.getType());
        String value = call.getType().getSqlTypeName() == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE
                ? "java.time.Instant.ofEpochMilli(" + watermark + ")"
                : "java.time.LocalDateTime.ofEpochSecond(Math.floorDiv(" + watermark + ", 1000L), (int) Math.floorMod("
                        + watermark + ", 1000L) * 1000000, java.time.ZoneOffset.UTC)";
        g.body().append(result.nullTerm()).append(" = ").append(watermark).append(" == Long.MIN_VALUE;\n")
                .append("if (!").append(result.nullTerm()).append(") { ").append(result.valueTerm()).append(" = ")
                .append(value).append("; }\n");
        return result;
    }

    /**
     * {@code RAND(seed)} and {@code RAND_INTEGER(seed, bound)}: a generator seeded once per subtask for
     * a literal seed, so two calls with the same seed give the same sequence, as in Flink; a seed
     * computed per row seeds a generator for that row. NULL for a NULL seed or bound.
     */
    private static ExprCode seededRandom(CalcCodeGenerator g, RexCall call) {
        RexNode seed = call.getOperands().get(0);
        boolean integer = call.getOperands().size() == 2;
        ExprCode result = g.declare(call.getType());
        String generator;
        List<String> nullChecks = new ArrayList<>();
        if (seed instanceof RexLiteral literal && !literal.isNull()) {
            generator = g.member("java.util.Random", "new java.util.Random("
                    + literal.getValueAs(Long.class) + "L)");
        } else if (seed instanceof RexLiteral) {
            return result;
        } else {
            ExprCode code = g.generate(seed);
            nullChecks.add(code.nullTerm());
            generator = "new java.util.Random((long) " + code.valueTerm() + ")";
        }
        String value = generator + ".nextDouble()";
        if (integer) {
            ExprCode bound = g.generate(call.getOperands().get(1));
            nullChecks.add(bound.nullTerm());
            value = generator + ".nextInt((int) " + bound.valueTerm() + ")";
        }
        String guard = nullChecks.isEmpty() ? "true" : "!(" + String.join(" || ", nullChecks) + ")";
        g.body().append("if (").append(guard).append(") { ").append(result.nullTerm()).append(" = false; ")
                .append(result.valueTerm()).append(" = ").append(value).append("; }\n");
        return result;
    }

    /** An argument's Java expression (null where the SQL value is NULL), and its null flag (null for a symbol). */
    private record Argument(String value, String nullTerm) {
    }

    private static Argument argument(CalcCodeGenerator g, RexNode operand) {
        if (operand instanceof RexLiteral literal && operand.getType().getSqlTypeName() == SqlTypeName.SYMBOL) {
            Object symbol = literal.getValue();
            String name = symbol instanceof Enum<?> e ? e.name() : String.valueOf(symbol);
            return new Argument("\"" + name + "\"", null);
        }
        if (operand instanceof RexCall nested && nested.getOperator() == SqlStdOperatorTable.JSON_TYPE_OPERATOR) {
            // A JSON_OBJECT/JSON_ARRAY argument built by another JSON function: embedded as JSON, not as a string.
            Argument inner = argument(g, nested.getOperands().get(0));
            return new Argument(RUNTIME + "JsonSqlFunctions.json((String) " + inner.value() + ")", inner.nullTerm());
        }
        if (operand.getType().getSqlTypeName() == SqlTypeName.NULL) {
            return new Argument("null", "true");
        }
        ExprCode code = g.generate(operand);
        String boxed = JavaTypes.boxed(code.type());
        return new Argument("((" + boxed + ") (" + code.nullTerm() + " ? null : "
                + ValueConversions.box(code.valueTerm(), code.type()) + "))", code.nullTerm());
    }

    /** Emits the call (unless a strict argument is NULL) and converts what it returns to {@code type}. */
    private static ExprCode call(CalcCodeGenerator g, RelDataType type, String invocation, List<String> nullChecks) {
        ExprCode result = g.declare(type);
        String returned = g.newName("returned");
        String guard = nullChecks.isEmpty() ? "true" : "!(" + String.join(" || ", nullChecks) + ")";
        g.body().append("if (").append(guard).append(") {\n")
                .append("Object ").append(returned).append(" = ").append(boxedIfPrimitive(invocation)).append(";\n")
                .append(result.nullTerm()).append(" = ").append(returned).append(" == null;\n")
                .append("if (!").append(result.nullTerm()).append(") { ").append(result.valueTerm()).append(" = ")
                .append(fromObject(returned, type)).append("; }\n")
                .append("}\n");
        return result;
    }

    /** The result as an Object: a method returning a primitive is boxed by an overload of {@code box}. */
    private static String boxedIfPrimitive(String invocation) {
        return "io.weir.sql.runtime.CollectionFunctions.box(" + invocation + ")";
    }

    /** A non-null object the runtime returned, as the Java value of the SQL type. */
    private static String fromObject(String term, RelDataType type) {
        String java = JavaTypes.primitive(type);
        return switch (type.getSqlTypeName()) {
            case BOOLEAN -> "((Boolean) " + term + ").booleanValue()";
            case TINYINT, SMALLINT, INTEGER, BIGINT, FLOAT, REAL, DOUBLE, INTERVAL_YEAR, INTERVAL_YEAR_MONTH,
                    INTERVAL_MONTH, INTERVAL_DAY, INTERVAL_DAY_HOUR, INTERVAL_DAY_MINUTE, INTERVAL_DAY_SECOND,
                    INTERVAL_HOUR, INTERVAL_HOUR_MINUTE, INTERVAL_HOUR_SECOND, INTERVAL_MINUTE, INTERVAL_MINUTE_SECOND,
                    INTERVAL_SECOND -> "((Number) " + term + ")." + java + "Value()";
            case DECIMAL -> "io.weir.sql.runtime.SqlFunctions.scale(io.weir.sql.runtime.MathFunctions.toDecimal("
                    + term + "), " + type.getScale() + ")";
            case CHAR, VARCHAR -> "io.weir.sql.runtime.SqlFunctions.toStringValue(" + term + ")";
            case TIMESTAMP -> "io.weir.sql.runtime.MathFunctions.toLocalDateTime(" + term + ")";
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> "io.weir.sql.runtime.MathFunctions.toInstant(" + term + ")";
            default -> "(" + JavaTypes.boxed(type) + ") " + term;
        };
    }

    /** {@code s IS [NOT] JSON [VALUE | OBJECT | ARRAY | SCALAR]}: never NULL; a NULL string is no JSON. */
    private static ExprCode jsonTest(CalcCodeGenerator g, RexCall call) {
        Argument text = argument(g, call.getOperands().get(0));
        String name = call.getOperator().getName();
        boolean negated = name.startsWith("IS NOT ");
        String jsonKind = name.substring(name.lastIndexOf(' ') + 1);
        ExprCode result = g.declare(call.getType());
        g.body().append(result.nullTerm()).append(" = false;\n").append(result.valueTerm()).append(" = ")
                .append(negated ? "!" : "").append(RUNTIME).append("JsonSqlFunctions.isJson((String) ")
                .append(text.value()).append(", \"").append(jsonKind).append("\");\n");
        return result;
    }

    /**
     * {@code JSON_VALUE(json, path [ { NULL | ERROR | DEFAULT v } ON EMPTY ] [ ... ON ERROR ])}: the
     * operands after the path come in groups of a behaviour, its default value if DEFAULT, and EMPTY
     * or ERROR. NULL for a NULL document or path.
     */
    private static ExprCode jsonValue(CalcCodeGenerator g, RexCall call) {
        List<RexNode> operands = call.getOperands();
        Argument json = argument(g, operands.get(0));
        Argument path = argument(g, operands.get(1));
        String onEmpty = "\"NULL\"";
        String emptyDefault = "null";
        String onError = "\"NULL\"";
        String errorDefault = "null";
        int i = 2;
        while (i < operands.size()) {
            String behavior = argument(g, operands.get(i++)).value();
            String defaultValue = "null";
            if (behavior.equals("\"DEFAULT\"")) {
                defaultValue = argument(g, operands.get(i++)).value();
            }
            String which = argument(g, operands.get(i++)).value();
            if (which.equals("\"EMPTY\"")) {
                onEmpty = behavior;
                emptyDefault = defaultValue;
            } else {
                onError = behavior;
                errorDefault = defaultValue;
            }
        }
        String invocation = RUNTIME + "JsonSqlFunctions.jsonValue((String) " + json.value() + ", (String) "
                + path.value() + ", " + onEmpty + ", " + emptyDefault + ", " + onError + ", " + errorDefault + ")";
        return call(g, call.getType(), invocation, List.of(json.nullTerm(), path.nullTerm()));
    }
}
