package io.weir.sql.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlScriptTest {

    @Test
    void splitsAtSemicolonsAndRemembersWhereEachStatementStarts() {
        List<ScriptStatement> statements = SqlScript.split("SET 'a' = 'b';\n\n  SELECT 1;\nSELECT 2");
        assertEquals(List.of(
                new ScriptStatement("SET 'a' = 'b'", 1, 1),
                new ScriptStatement("SELECT 1", 3, 3),
                new ScriptStatement("SELECT 2", 4, 1)), statements);
    }

    @Test
    void semicolonsInStringsQuotedNamesAndCommentsDoNotSplit() {
        String script = """
                SELECT 'a;b', 'it''s;', `x;y` FROM t; -- a comment; still a comment
                /* block; comment */ SELECT "q;" FROM u;
                """;
        List<ScriptStatement> statements = SqlScript.split(script);
        assertEquals(2, statements.size());
        assertEquals("SELECT 'a;b', 'it''s;', `x;y` FROM t", statements.get(0).text());
        assertEquals(new ScriptStatement("SELECT \"q;\" FROM u", 2, 22), statements.get(1),
                "a statement starts at its first token, after any comments");
    }

    @Test
    void commentOnlyAndEmptyStatementsAreDropped() {
        assertEquals(List.of(new ScriptStatement("SELECT 1", 2, 1)),
                SqlScript.split(";;\nSELECT 1;\n-- trailing comment\n;  "));
    }

    @Test
    void statementSetBlockIsOneStatement() {
        String script = """
                EXECUTE STATEMENT SET
                BEGIN
                  INSERT INTO a SELECT 1;
                  INSERT INTO b SELECT 2;
                END;
                SELECT 3;
                """;
        List<ScriptStatement> statements = SqlScript.split(script);
        assertEquals(2, statements.size());
        assertEquals(6, statements.get(1).line());
        assertEquals(2, ((io.weir.sql.parser.dml.SqlStatementSet) SqlStatementParser.parse(statements.get(0)))
                .inserts().size());
    }

    @Test
    void aScriptIsCompleteOnlyWhenASemicolonEndsItsLastStatement() {
        assertEquals(true, SqlScript.isComplete("SELECT 1;"));
        assertEquals(true, SqlScript.isComplete("SELECT 1\nFROM t;  -- done\n"));
        assertEquals(false, SqlScript.isComplete("SELECT 1"));
        assertEquals(false, SqlScript.isComplete("SELECT 1; SELECT 2"));
        assertEquals(false, SqlScript.isComplete("SELECT 'a;"), "open literal");
        assertEquals(false, SqlScript.isComplete("SELECT 'it'';"), "a doubled quote does not close");
        assertEquals(false, SqlScript.isComplete("SELECT 1 /* ;"), "open comment");
        assertEquals(false, SqlScript.isComplete("SELECT 1 -- ;"));
        assertEquals(false, SqlScript.isComplete("EXECUTE STATEMENT SET BEGIN\nINSERT INTO a SELECT 1;"));
        assertEquals(true, SqlScript.isComplete("EXECUTE STATEMENT SET BEGIN\nINSERT INTO a SELECT 1;\nEND;"));
        assertEquals(false, SqlScript.isComplete(""));
    }
}
