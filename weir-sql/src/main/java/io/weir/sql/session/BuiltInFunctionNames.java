package io.weir.sql.session;

import java.util.List;

/** The functions and operators Weir's SQL runtime runs today, as SHOW FUNCTIONS lists them. */
final class BuiltInFunctionNames {

    private static final List<String> NAMES = List.of(
            "%", "*", "+", "-", "/", "<", "<=", "<>", "=", ">", ">=", "||",
            "ABS", "AND", "ARRAY_CONTAINS", "CARDINALITY", "CASE", "CAST", "CHARACTER_LENGTH", "CHAR_LENGTH", "COALESCE", "IN", "IS FALSE",
            "IS NOT FALSE", "IS NOT NULL", "IS NOT TRUE", "IS NULL", "IS TRUE", "LIKE", "LOWER", "MOD", "NOT",
            "NOT LIKE", "OR", "POSITION", "PROCTIME", "SUBSTRING", "TRIM", "UPPER");

    private BuiltInFunctionNames() {
    }

    /** Calcite's standard functions that Weir's generated code runs (besides the operators above). */
    private static final List<String> STANDARD = List.of(
            "ACOS", "ASCII", "ASIN", "ATAN", "ATAN2", "CBRT", "CEIL", "COS", "COT", "CURRENT_DATE", "CURRENT_TIME",
            "CURRENT_TIMESTAMP", "DAYOFMONTH", "DAYOFWEEK", "DAYOFYEAR", "DEGREES", "ELEMENT", "EXP", "EXTRACT", "FLOOR",
            "HOUR", "INITCAP", "IS JSON", "JSON_ARRAY", "JSON_EXISTS", "JSON_OBJECT", "JSON_QUERY", "JSON_VALUE", "LN",
            "LOCALTIME", "LOCALTIMESTAMP", "LOG10", "MINUTE", "MONTH", "OVERLAY", "PI", "POWER", "QUARTER", "RADIANS",
            "RAND", "RAND_INTEGER", "REPLACE", "ROUND", "SECOND", "SIGN", "SIN", "SQRT", "TAN", "TIMESTAMPADD",
            "TIMESTAMPDIFF", "TRUNCATE", "WEEK", "YEAR",
            // Flink 2.x's collecting aggregates and the operators of the standard table that run.
            "CURRENT_CATALOG", "JSON_ARRAYAGG", "JSON_OBJECTAGG", "LISTAGG", "NOT SIMILAR TO", "OVERLAPS", "SIMILAR TO");

    static List<String> sorted() {
        java.util.TreeSet<String> all = new java.util.TreeSet<>(NAMES);
        all.addAll(STANDARD);
        all.addAll(io.weir.sql.planner.BuiltInFunctionTable.names());
        return List.copyOf(all);
    }
}
