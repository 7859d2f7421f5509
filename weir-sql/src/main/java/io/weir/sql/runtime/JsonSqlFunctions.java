package io.weir.sql.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.runtime.JsonFunctions;
import org.apache.calcite.sql.SqlJsonConstructorNullClause;
import org.apache.calcite.sql.SqlJsonExistsErrorBehavior;
import org.apache.calcite.sql.SqlJsonQueryEmptyOrErrorBehavior;
import org.apache.calcite.sql.SqlJsonQueryWrapperBehavior;
import org.apache.calcite.sql.SqlJsonValueEmptyOrErrorBehavior;

/**
 * Flink's JSON functions (JSON_VALUE, JSON_QUERY, JSON_EXISTS, IS JSON, JSON_OBJECT, JSON_ARRAY,
 * JSON_STRING) on JSON text, evaluated with the SQL/JSON path engine of Calcite's runtime (in
 * weir-sql, where Calcite may be used). The behaviours ({@code NULL ON EMPTY}, {@code WITH
 * CONDITIONAL ARRAY WRAPPER}, ...) arrive as the names the planner read from the call.
 */
public final class JsonSqlFunctions {

    private JsonSqlFunctions() {
    }

    /** The path engine keeps a cache of compiled paths; one per thread, as generated code runs in one. */
    private static final ThreadLocal<JsonFunctions.StatefulFunction> ENGINE =
            ThreadLocal.withInitial(JsonFunctions.StatefulFunction::new);

    /** JSON_VALUE: the scalar at {@code path}; a default (or NULL, or an error) when there is none or on an error. */
    public static Object jsonValue(String json, String path, String onEmpty, Object emptyDefault, String onError,
            Object errorDefault) {
        return ENGINE.get().jsonValue(json, lax(path), SqlJsonValueEmptyOrErrorBehavior.valueOf(onEmpty), emptyDefault,
                SqlJsonValueEmptyOrErrorBehavior.valueOf(onError), errorDefault);
    }

    /** JSON_QUERY: the JSON text of the object or array at {@code path}, wrapped in an array as asked. */
    public static String jsonQuery(String json, String path, String wrapper, String onEmpty, String onError) {
        Object result = ENGINE.get().jsonQuery(json, lax(path), SqlJsonQueryWrapperBehavior.valueOf(wrapper),
                SqlJsonQueryEmptyOrErrorBehavior.valueOf(onEmpty), SqlJsonQueryEmptyOrErrorBehavior.valueOf(onError),
                true);
        return result == null ? null : result.toString();
    }

    /** A path without a mode is a lax one, as in Flink ({@code $.a} is {@code lax $.a}). */
    private static String lax(String path) {
        String trimmed = path.stripLeading().toLowerCase(java.util.Locale.ROOT);
        return trimmed.startsWith("lax ") || trimmed.startsWith("strict ") ? path : "lax " + path;
    }

    /** JSON_EXISTS: whether {@code path} finds anything; {@code FALSE ON ERROR} unless the call says otherwise. */
    public static Boolean jsonExists(String json, String path, String onError) {
        return ENGINE.get().jsonExists(json, lax(path),
                onError == null ? SqlJsonExistsErrorBehavior.FALSE : SqlJsonExistsErrorBehavior.valueOf(onError));
    }

    public static Boolean jsonExists(String json, String path) {
        return jsonExists(json, path, null);
    }

    /** {@code s IS JSON [VALUE | OBJECT | ARRAY | SCALAR]}: false for NULL, as in Flink. */
    public static boolean isJson(String s, String kind) {
        if (s == null) {
            return false;
        }
        Boolean result = switch (kind) {
            case "OBJECT" -> JsonFunctions.isJsonObject(s);
            case "ARRAY" -> JsonFunctions.isJsonArray(s);
            case "SCALAR" -> JsonFunctions.isJsonScalar(s);
            default -> JsonFunctions.isJsonValue(s);
        };
        return Boolean.TRUE.equals(result);
    }

    /** JSON_OBJECT(onNull, key1, value1, ...): values already JSON (from JSON_OBJECT/JSON_ARRAY) come as {@link Json}. */
    public static String jsonObject(String onNull, Object... keysAndValues) {
        Object[] converted = new Object[keysAndValues.length];
        for (int i = 0; i < keysAndValues.length; i++) {
            converted[i] = i % 2 == 0 ? keysAndValues[i] : toJsonValue(keysAndValues[i]);
        }
        return JsonFunctions.jsonObject(SqlJsonConstructorNullClause.valueOf(onNull), converted);
    }

    public static String jsonArray(String onNull, Object... values) {
        Object[] converted = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            converted[i] = toJsonValue(values[i]);
        }
        return JsonFunctions.jsonArray(SqlJsonConstructorNullClause.valueOf(onNull), converted);
    }

    /** JSON_STRING(value): the value serialized as JSON. */
    public static String jsonString(Object value) {
        return JsonFunctions.jsonize(toJsonValue(value));
    }

    /** JSON text to embed as JSON, not as a string (the argument of JSON_OBJECT or JSON_ARRAY built by another one). */
    public record Json(String text) {
    }

    public static Json json(String text) {
        return text == null ? null : new Json(text);
    }

    /** A SQL value as the JSON value it stands for: numbers, booleans and strings as they are; collections element-wise. */
    private static Object toJsonValue(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Json json) {
            return JsonFunctions.dejsonize(json.text());
        }
        if (value instanceof List<?> list) {
            List<Object> converted = new ArrayList<>(list.size());
            list.forEach(e -> converted.add(toJsonValue(e)));
            return converted;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> converted = new LinkedHashMap<>();
            map.forEach((k, v) -> converted.put(String.valueOf(k), toJsonValue(v)));
            return converted;
        }
        return SqlFunctions.toStringValue(value);
    }
}
