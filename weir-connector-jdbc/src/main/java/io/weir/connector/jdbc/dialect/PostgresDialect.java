package io.weir.connector.jdbc.dialect;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * PostgreSQL: identifiers in double quotes; the upsert is
 * {@code INSERT … ON CONFLICT (key…) DO UPDATE SET f = excluded.f, …}, or {@code DO NOTHING} when
 * every column is part of the key. The conflict target must match a unique index or the primary key.
 */
public class PostgresDialect implements JdbcDialect {
    private static final long serialVersionUID = 1L;

    @Override
    public String dialectName() {
        return "PostgreSQL";
    }

    @Override
    public String quoteIdentifier(String name) {
        requireName(name, "identifier");
        return Arrays.stream(name.split("\\.", -1)).map(PostgresDialect::quotePart).collect(Collectors.joining("."));
    }

    private static String quotePart(String part) {
        if (part.isEmpty()) {
            throw new IllegalArgumentException("Empty part in a dotted SQL identifier: write schema.table");
        }
        return '"' + part.replace("\"", "\"\"") + '"';
    }

    @Override
    public String getInsertIntoStatement(String tableName, String[] fieldNames) {
        requireFields(fieldNames, "fields to insert");
        return "INSERT INTO " + quoteIdentifier(tableName) + " (" + columns(fieldNames) + ") VALUES ("
                + placeholders(fieldNames.length) + ")";
    }

    @Override
    public String getUpsertStatement(String tableName, String[] fieldNames, String[] uniqueKeyFields) {
        requireFields(uniqueKeyFields, "key fields of an upsert");
        List<String> fields = List.of(fieldNames);
        for (String key : uniqueKeyFields) {
            if (!fields.contains(key)) {
                throw new IllegalArgumentException("Upsert key field '" + key + "' of table " + tableName
                        + " is not among the fields written " + fields + ": the key's values must be written too");
            }
        }
        List<String> keys = List.of(uniqueKeyFields);
        String updates = fields.stream().filter(f -> !keys.contains(f))
                .map(f -> quoteIdentifier(f) + " = excluded." + quoteIdentifier(f))
                .collect(Collectors.joining(", "));
        String onConflict = " ON CONFLICT (" + columns(uniqueKeyFields) + ") ";
        return getInsertIntoStatement(tableName, fieldNames) + onConflict
                + (updates.isEmpty() ? "DO NOTHING" : "DO UPDATE SET " + updates);
    }

    @Override
    public String getDeleteStatement(String tableName, String[] conditionFields) {
        requireFields(conditionFields, "key fields of a delete");
        return "DELETE FROM " + quoteIdentifier(tableName) + " WHERE " + conditions(conditionFields);
    }

    @Override
    public String getSelectFromStatement(String tableName, String[] selectFields, String[] conditionFields) {
        requireFields(selectFields, "fields to select");
        String select = "SELECT " + columns(selectFields) + " FROM " + quoteIdentifier(tableName);
        return conditionFields == null || conditionFields.length == 0 ? select : select + " WHERE " + conditions(conditionFields);
    }

    protected final String columns(String[] fields) {
        return Arrays.stream(fields).map(this::quoteIdentifier).collect(Collectors.joining(", "));
    }

    protected final String conditions(String[] fields) {
        return Arrays.stream(fields).map(f -> quoteIdentifier(f) + " = ?").collect(Collectors.joining(" AND "));
    }

    private static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    private static void requireFields(String[] fields, String what) {
        if (fields == null || fields.length == 0) {
            throw new IllegalArgumentException("No " + what + " given");
        }
        for (String field : fields) {
            requireName(field, "field name");
        }
    }

    private static void requireName(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A " + what + " is empty");
        }
    }
}
