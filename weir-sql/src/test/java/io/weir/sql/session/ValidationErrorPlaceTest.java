package io.weir.sql.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.sql.api.EnvironmentSettings;
import io.weir.sql.api.ValidationException;
import io.weir.sql.parser.ScriptStatement;
import io.weir.sql.parser.SqlScript;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A validation error names its line and column in the script, shows the statement's line with
 * carets under the part at fault, and keeps its hint.
 */
class ValidationErrorPlaceTest {

    private static final String TABLE = "CREATE TABLE src (a INT, b STRING) WITH ('connector' = 'datagen', "
            + "'number-of-rows' = '1')";

    @Test
    void unknownColumnInTheThirdLineOfAScript() {
        SqlSession session = SqlSession.create(EnvironmentSettings.inStreamingMode());
        List<ScriptStatement> statements = SqlScript.split(TABLE + ";\n\nSELECT a, c FROM src;");
        session.execute(statements.get(0));
        ValidationException e = assertThrows(ValidationException.class, () -> session.execute(statements.get(1)));
        assertEquals(3, e.line());
        assertEquals(11, e.column());
        assertEquals("""
                SQL validation error at line 3, column 11: Column 'c' not found in any table; \
                the tables have the columns src: [a, b]
                SELECT a, c FROM src
                          ^""", e.getMessage());
    }

    @Test
    void caretsUnderlineTheWholeNameOnALaterLineOfTheStatement() {
        SqlSession session = SqlSession.create(EnvironmentSettings.inStreamingMode());
        session.executeSql(TABLE);
        ValidationException e = assertThrows(ValidationException.class,
                () -> session.executeSql("SELECT a,\n  UPPR(b) AS u\nFROM src"));
        assertEquals(2, e.line());
        assertEquals(3, e.column());
        String[] lines = e.getMessage().split("\n");
        assertEquals(3, lines.length, e.getMessage());
        assertTrue(lines[0].startsWith("SQL validation error at line 2, column 3: No match found for function "
                + "signature UPPR"), e.getMessage());
        assertTrue(lines[0].contains("did you mean UPPER"), e.getMessage());
        assertEquals("  UPPR(b) AS u", lines[1]);
        assertEquals("  ^^^^^^^", lines[2]);
    }

    @Test
    void aStatementAfterOthersOnItsLineCountsTheirColumns() {
        SqlSession session = SqlSession.create(EnvironmentSettings.inStreamingMode());
        List<ScriptStatement> statements = SqlScript.split(TABLE + "; SELECT nope FROM src");
        session.execute(statements.get(0));
        ValidationException e = assertThrows(ValidationException.class, () -> session.execute(statements.get(1)));
        int statementStart = TABLE.length() + 3;
        assertEquals(1, e.line());
        assertEquals(statementStart + 7, e.column());
        String[] lines = e.getMessage().split("\n");
        assertEquals(" ".repeat(statementStart - 1) + "SELECT nope FROM src", lines[1]);
        assertEquals(" ".repeat(statementStart + 6) + "^^^^", lines[2]);
    }

    @Test
    void sqlQueryShowsThePlaceToo() {
        SqlSession session = SqlSession.create(EnvironmentSettings.inStreamingMode());
        session.executeSql(TABLE);
        ValidationException e = assertThrows(ValidationException.class,
                () -> session.sqlQuery("SELECT a FROM src WHERE b > 1 AND x = 2"));
        assertTrue(e.hasPosition());
        assertTrue(e.getMessage().contains("\nSELECT a FROM src WHERE b > 1 AND x = 2\n"), e.getMessage());
    }

    @Test
    void anErrorWithoutAPlaceIsLeftAsItIs() {
        SqlSession session = SqlSession.create(EnvironmentSettings.inStreamingMode());
        ValidationException e = assertThrows(ValidationException.class,
                () -> session.executeSql("SELECT 1; SELECT 2"));
        assertFalse(e.hasPosition());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
