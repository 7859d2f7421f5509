package io.weir.sql.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.sql.api.SqlParserException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parse errors name the line and column in the script, show the line with a caret, and hint. */
class SqlParseErrorTest {

    @Test
    void errorInAScriptIsReportedAtScriptCoordinatesWithACaret() {
        String script = "SET 'a' = 'b';\nSELECT a,\n  FROM t;";
        List<ScriptStatement> statements = SqlScript.split(script);
        SqlParserException e = assertThrows(SqlParserException.class,
                () -> SqlStatementParser.parse(statements.get(1)));
        assertEquals(3, e.line());
        assertEquals(3, e.column());
        assertEquals("""
                SQL parse error at line 3, column 3: unexpected 'FROM'
                  FROM t
                  ^
                Hint: 'FROM' is a reserved word; to use it as a name, back-quote it: `FROM`""", e.getMessage());
    }

    @Test
    void errorOnTheFirstLineOfAStatementCountsTheColumnsBeforeIt() {
        // FRM is read as an alias of *, so the parser stops at t: column 26 of the script line.
        SqlParserException e = assertThrows(SqlParserException.class,
                () -> SqlStatementParser.parseScript("SELECT 1;   SELECT * FRM t"));
        assertEquals(1, e.line());
        assertEquals(26, e.column());
        String[] lines = e.getMessage().split("\n");
        assertEquals(25, lines[2].indexOf('^'), e.getMessage());
        assertEquals('t', lines[1].charAt(25), e.getMessage());
    }

    @Test
    void endOfInputListsWhatWasExpected() {
        SqlParserException e = assertThrows(SqlParserException.class,
                () -> SqlStatementParser.parse("CREATE TABLE t (a INT) WITH ("));
        assertTrue(e.getMessage().contains("unexpected end of statement"), e.getMessage());
        assertTrue(e.getMessage().contains("Hint: expected one of a name, a string"), e.getMessage());
    }

    @Test
    void reservedWordAsColumnNameSuggestsBackQuotes() {
        SqlParserException e = assertThrows(SqlParserException.class,
                () -> SqlStatementParser.parse("SELECT value FROM t"));
        assertTrue(e.getMessage().contains("back-quote it: `value`"), e.getMessage());
    }

    @Test
    void secondWatermarkIsRejectedWhereItIsWritten() {
        SqlParserException e = assertThrows(SqlParserException.class, () -> SqlStatementParser.parse(
                "CREATE TABLE t (a TIMESTAMP(3),\n WATERMARK FOR a AS a,\n WATERMARK FOR a AS a)"));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("only one WATERMARK"), e.getMessage());
    }

    @Test
    void repeatedOptionKeyIsRejected() {
        SqlParserException e = assertThrows(SqlParserException.class, () -> SqlStatementParser.parse(
                "CREATE TABLE t (a INT) WITH ('connector' = 'x', 'connector' = 'y')"));
        assertTrue(e.getMessage().contains("'connector' is given twice"), e.getMessage());
    }
}
