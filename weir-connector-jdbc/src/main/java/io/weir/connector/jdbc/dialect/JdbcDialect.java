package io.weir.connector.jdbc.dialect;

import java.io.Serializable;
import java.util.Optional;

/**
 * The SQL one database speaks: how identifiers are quoted and how the statements a JDBC sink or
 * source needs are spelled — above all the upsert, which every database writes differently.
 * Statements use {@code ?} placeholders, in the order of the fields given.
 */
public interface JdbcDialect extends Serializable {

    /** The dialect's name, for messages: "PostgreSQL", "CrateDB". */
    String dialectName();

    /** {@code name} as a quoted identifier; a dotted table name ({@code schema.table}) is quoted part by part. */
    String quoteIdentifier(String name);

    /** {@code INSERT INTO table (f1, …) VALUES (?, …)}. */
    String getInsertIntoStatement(String tableName, String[] fieldNames);

    /**
     * An insert that updates the row with the same unique key instead of failing: written once or
     * several times, the table ends the same.
     */
    String getUpsertStatement(String tableName, String[] fieldNames, String[] uniqueKeyFields);

    /** {@code DELETE FROM table WHERE k1 = ? AND …}. */
    String getDeleteStatement(String tableName, String[] conditionFields);

    /** {@code SELECT f1, … FROM table [WHERE c1 = ? AND …]}. */
    String getSelectFromStatement(String tableName, String[] selectFields, String[] conditionFields);

    /** The dialect for a JDBC URL: {@code jdbc:postgresql:} is PostgreSQL, {@code jdbc:crate:} CrateDB. */
    static Optional<JdbcDialect> forUrl(String url) {
        if (url == null) {
            return Optional.empty();
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return Optional.of(new PostgresDialect());
        }
        if (url.startsWith("jdbc:crate:")) {
            return Optional.of(new CrateDBDialect());
        }
        return Optional.empty();
    }

    /** The dialect named {@code name} (case-insensitive: postgres, postgresql, cratedb, crate). */
    static Optional<JdbcDialect> forName(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "postgres", "postgresql" -> Optional.of(new PostgresDialect());
            case "crate", "cratedb" -> Optional.of(new CrateDBDialect());
            default -> Optional.empty();
        };
    }
}
