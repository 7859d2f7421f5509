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

    static List<String> sorted() {
        return NAMES;
    }
}
