package io.weir.connector.jdbc.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The statements the dialects generate. CrateDB's are checked against the examples and the
 * synopsis of CrateDB's INSERT documentation (CrateDB cannot run here); PostgreSQL's also run
 * against a real server in JdbcUpsertTest.
 */
class JdbcDialectTest {
    private final JdbcDialect postgres = new PostgresDialect();
    private final JdbcDialect crate = new CrateDBDialect();

    /** CrateDB's synopsis: INSERT INTO t (c, …) VALUES (…) ON CONFLICT (c, …) DO UPDATE SET c = expr, … | DO NOTHING. */
    private static final Pattern CRATE_UPSERT = Pattern.compile(
            "INSERT INTO (\"\\w+\"\\.)?\"\\w+\" \\(\"\\w+\"(, \"\\w+\")*\\) VALUES \\(\\?(, \\?)*\\) "
                    + "ON CONFLICT \\(\"\\w+\"(, \"\\w+\")*\\) (DO UPDATE SET \"\\w+\" = excluded\\.\"\\w+\"(, \"\\w+\" = excluded\\.\"\\w+\")*|DO NOTHING)");

    @Test
    void crateUpsertOfTheDocumentationsUservisitsExample() {
        // the documentation's table: uservisits (id PRIMARY KEY, name, visits, last_visit)
        String sql = crate.getUpsertStatement("uservisits", new String[] {"id", "name", "visits", "last_visit"},
                new String[] {"id"});
        assertEquals("INSERT INTO \"uservisits\" (\"id\", \"name\", \"visits\", \"last_visit\") VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (\"id\") DO UPDATE SET \"name\" = excluded.\"name\", \"visits\" = excluded.\"visits\", "
                + "\"last_visit\" = excluded.\"last_visit\"", sql);
        assertTrue(CRATE_UPSERT.matcher(sql).matches(), sql);
    }

    @Test
    void crateUpsertWithACompositePrimaryKeyNamesAllItsColumnsAndNeverUpdatesThem() {
        // the documentation: with a primary key on col_a and col_b, ON CONFLICT (col_a, col_b)
        String sql = crate.getUpsertStatement("doc.my_table", new String[] {"col_a", "col_b", "col_c"},
                new String[] {"col_a", "col_b"});
        assertEquals("INSERT INTO \"doc\".\"my_table\" (\"col_a\", \"col_b\", \"col_c\") VALUES (?, ?, ?) "
                + "ON CONFLICT (\"col_a\", \"col_b\") DO UPDATE SET \"col_c\" = excluded.\"col_c\"", sql);
        assertTrue(CRATE_UPSERT.matcher(sql).matches(), sql);
    }

    @Test
    void anUpsertOfKeyColumnsOnlyDoesNothingOnConflict() {
        String sql = crate.getUpsertStatement("my_table", new String[] {"col_a"}, new String[] {"col_a"});
        assertEquals("INSERT INTO \"my_table\" (\"col_a\") VALUES (?) ON CONFLICT (\"col_a\") DO NOTHING", sql);
        assertTrue(CRATE_UPSERT.matcher(sql).matches(), sql);
        assertEquals(sql, postgres.getUpsertStatement("my_table", new String[] {"col_a"}, new String[] {"col_a"}));
    }

    @Test
    void crateRejectsColumnsItReservesForSystemColumns() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> crate.getUpsertStatement("t", new String[] {"id", "_version"}, new String[] {"id"}));
        assertTrue(error.getMessage().contains("'_version'"), error.getMessage());
    }

    @Test
    void postgresStatements() {
        assertEquals("INSERT INTO \"public\".\"books\" (\"id\", \"title\") VALUES (?, ?)",
                postgres.getInsertIntoStatement("public.books", new String[] {"id", "title"}));
        assertEquals("DELETE FROM \"books\" WHERE \"id\" = ? AND \"shelf\" = ?",
                postgres.getDeleteStatement("books", new String[] {"id", "shelf"}));
        assertEquals("SELECT \"id\", \"title\" FROM \"books\" WHERE \"id\" = ?",
                postgres.getSelectFromStatement("books", new String[] {"id", "title"}, new String[] {"id"}));
        assertEquals("\"odd\"\"name\"", postgres.quoteIdentifier("odd\"name"));
    }

    @Test
    void aKeyThatIsNotWrittenIsRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> postgres.getUpsertStatement("books", new String[] {"title"}, new String[] {"id"}));
        assertTrue(error.getMessage().contains("Upsert key field 'id' of table books"), error.getMessage());
    }

    @Test
    void theDialectFollowsTheUrl() {
        assertEquals("PostgreSQL", JdbcDialect.forUrl("jdbc:postgresql://db:5432/x").orElseThrow().dialectName());
        assertEquals("CrateDB", JdbcDialect.forUrl("jdbc:crate://db:5432/").orElseThrow().dialectName());
        assertTrue(JdbcDialect.forUrl("jdbc:mysql://db/x").isEmpty());
    }
}
