package io.weir.sql.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.sql.api.EnvironmentSettings;
import io.weir.sql.api.ValidationException;
import io.weir.sql.parser.ScriptStatement;
import io.weir.sql.parser.SqlScript;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Errors the planner raises after validation (a sink that cannot take updates, an unsupported
 * clause, a join kind that cannot run) name their line and column in the script and show the line
 * with carets under the part they are about, as validation errors do.
 */
class PlanningErrorPlaceTest {

    private static final String SCRIPT = """
            CREATE TEMPORARY VIEW t (k, v) AS VALUES ('a', 1), ('b', 2);

            CREATE TABLE snk (k STRING, n BIGINT)
              WITH ('connector' = 'blackhole');
            CREATE TABLE appendonly (k STRING, n BIGINT) WITH ('connector' = 'values');
            -- the sum per key
            INSERT INTO snk SELECT k, SUM(v)
              FROM t GROUP BY k ORDER BY k
            """;

    private static SqlSession session() {
        return SqlSession.create(EnvironmentSettings.inStreamingMode());
    }

    @Test
    void anErrorOnLineEightOfAFourStatementScriptSaysLineEightAndShowsIt() {
        SqlSession session = session();
        List<ScriptStatement> statements = SqlScript.split(SCRIPT);
        assertEquals(4, statements.size());
        for (int i = 0; i < 3; i++) {
            session.execute(statements.get(i));
        }
        ValidationException e = assertThrows(ValidationException.class, () -> session.execute(statements.get(3)));
        assertEquals(8, e.line());
        assertEquals(21, e.column());
        String[] lines = e.getMessage().split("\n");
        assertTrue(lines[0].startsWith("SQL validation error at line 8, column 21: ORDER BY without LIMIT"),
                e.getMessage());
        assertEquals("  FROM t GROUP BY k ORDER BY k", lines[lines.length - 2]);
        assertEquals("                    ^^^^^^^^^^", lines[lines.length - 1]);
    }

    @Test
    void ddlAndOptionErrorsAreShownAtTheirStatementsFirstKeyword() {
        SqlSession session = session();
        List<ScriptStatement> statements = SqlScript.split("""
                CREATE TABLE a (x INT) WITH ('connector' = 'datagen', 'number-of-rows' = '1');

                  DROP TABLE nope;
                SET 'table.local-time-zone' = 'Mars/Olympus';
                """);
        session.execute(statements.get(0));
        ValidationException drop = assertThrows(ValidationException.class, () -> session.execute(statements.get(1)));
        assertEquals(3, drop.line());
        assertEquals(3, drop.column());
        assertTrue(drop.detail().contains("nope"), drop.detail());
        assertTrue(drop.getMessage().endsWith("\n  DROP TABLE nope\n  ^"), drop.getMessage());
        // a bad option is refused when the next statement is planned: at that statement's first keyword
        session.execute(statements.get(2));
        ValidationException zone = assertThrows(ValidationException.class,
                () -> session.execute(SqlScript.split("SELECT COUNT(*) FROM a").get(0)));
        assertEquals(1, zone.line());
        assertEquals(1, zone.column());
        assertTrue(zone.detail().contains("'table.local-time-zone' is set to 'Mars/Olympus'"), zone.detail());
    }

    @Test
    void aSinkThatCannotTakeUpdatesIsShownAtTheInsertTarget() {
        SqlSession session = session();
        List<ScriptStatement> statements = SqlScript.split(SCRIPT.replace("INSERT INTO snk", "INSERT INTO appendonly")
                .replace(" ORDER BY k", ""));
        for (int i = 0; i < 3; i++) {
            session.execute(statements.get(i));
        }
        ValidationException e = assertThrows(ValidationException.class, () -> session.execute(statements.get(3)));
        assertEquals(7, e.line());
        assertEquals(13, e.column());
        assertEquals(7, e.endLine());
        assertEquals(22, e.endColumn());
        assertTrue(e.detail().contains("takes only [+I] rows") && e.detail().contains("Write to a sink that takes"),
                e.detail());
        assertTrue(e.getMessage().endsWith("\nINSERT INTO appendonly SELECT k, SUM(v)\n            ^^^^^^^^^^"),
                e.getMessage());
    }

    @Test
    void anErrorInTheSecondInsertOfAStatementSetIsShownThere() {
        SqlSession session = session();
        session.executeSql("CREATE TEMPORARY VIEW t (k, v) AS VALUES ('a', 1)");
        session.executeSql("CREATE TABLE snk (k STRING, n BIGINT) WITH ('connector' = 'blackhole')");
        session.executeSql("CREATE TABLE appendonly (k STRING, n BIGINT) WITH ('connector' = 'values')");
        ValidationException e = assertThrows(ValidationException.class, () -> session.executeSql("""
                EXECUTE STATEMENT SET BEGIN
                  INSERT INTO snk SELECT k, CAST(v AS BIGINT) FROM t;
                  INSERT INTO appendonly SELECT k, COUNT(*) FROM t GROUP BY k;
                END"""));
        assertEquals(3, e.line());
        assertEquals(15, e.column());
        assertTrue(e.getMessage().endsWith("\n  INSERT INTO appendonly SELECT k, COUNT(*) FROM t GROUP BY k;\n"
                + "              ^^^^^^^^^^"), e.getMessage());
    }

    @Test
    void aStatementTheRuntimeCannotRunIsShownAtItsFirstLine() {
        SqlSession session = session();
        session.executeSql("CREATE TABLE ticks (sym STRING, price INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) "
                + "WITH ('connector' = 'datagen')");
        ValidationException e = assertThrows(ValidationException.class, () -> session.executeSql("""
                SELECT *
                FROM ticks
                MATCH_RECOGNIZE (PARTITION BY sym ORDER BY ts MEASURES A.price AS p PATTERN (A) \
                DEFINE A AS A.price > 0)"""));
        assertEquals(1, e.line());
        assertEquals(1, e.column());
        assertTrue(e.getMessage().endsWith("\nSELECT *\n^^^^^^"), e.getMessage());
    }

    @Test
    void sqlQueryPlacesAWindowOverAColumnThatIsNoTimeAttribute() {
        SqlSession session = session();
        session.executeSql("CREATE TABLE bids (item STRING, ts TIMESTAMP(3)) WITH ('connector' = 'datagen')");
        ValidationException e = assertThrows(ValidationException.class, () -> session.sqlQuery(
                "SELECT window_start, COUNT(*)\nFROM TABLE(\n  TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '5' SECOND))\n"
                        + "GROUP BY window_start, window_end").execute());
        assertEquals(3, e.line());
        assertEquals(3, e.column());
        assertTrue(e.detail().startsWith("TUMBLE: DESCRIPTOR(ts) must name a time attribute"), e.detail());
    }

    @Test
    void aConnectorErrorIsShownAtTheTableItIsAbout() {
        SqlSession session = session();
        session.executeSql("CREATE TABLE gen (id INT) WITH ('connector' = 'datagen', 'row-per-second' = '5')");
        session.executeSql("CREATE TABLE other (id INT) WITH ('connector' = 'datagen')");
        ValidationException e = assertThrows(ValidationException.class,
                () -> session.executeSql("SELECT o.id\nFROM other AS o\n  JOIN gen AS g ON o.id = g.id"));
        assertEquals(3, e.line());
        assertEquals(8, e.column());
        assertTrue(e.detail().startsWith("Unsupported option 'row-per-second'"), e.detail());
        assertTrue(e.getMessage().endsWith("\n  JOIN gen AS g ON o.id = g.id\n       ^^^"), e.getMessage());
    }
}
