package io.weir.cli.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.cli.WeirCliAccess;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jline.reader.Candidate;
import org.jline.reader.impl.DefaultParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/weir sql} with scripts (-i, -f, -e): run through the CLI's command line, as the launcher does. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SqlCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return WeirCliAccess.run(out, err, args);
    }

    @Test
    void runsAnInitScriptThenAJobScriptAndWaitsForItsInsert() throws Exception {
        Path init = Files.writeString(dir.resolve("init.sql"), """
                -- tables
                CREATE TABLE gen (id INT) WITH ('connector' = 'datagen',
                  'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '3');
                CREATE TABLE sink (id INT) WITH ('connector' = 'blackhole');
                """);
        Path job = Files.writeString(dir.resolve("job.sql"), """
                SHOW TABLES;
                INSERT INTO sink SELECT id FROM gen;
                """);
        assertEquals(0, run("sql", "-i", init.toString(), "-f", job.toString()), err.toString());
        String printed = out.toString();
        assertTrue(printed.startsWith(SqlClient.SUCCEEDED + "\n" + SqlClient.SUCCEEDED + "\n"), printed);
        assertTrue(printed.contains("|       sink |"), printed);
        assertTrue(printed.contains("Job ID: "), printed);
        assertTrue(printed.endsWith("[INFO] Complete execution of the SQL update statement.\n"), printed);
    }

    @Test
    void aBadStatementStopsTheScriptWithItsPosition() throws Exception {
        Path job = Files.writeString(dir.resolve("job.sql"), "SET 'a' = 'b';\nSELEC 1;\nSHOW TABLES;\n");
        assertEquals(2, run("sql", "-f", job.toString()));
        String printed = out.toString();
        assertTrue(printed.contains(ErrorReport.HEADLINE + "\n" + job + ": SQL parse error at line 2, column 1"),
                printed);
        assertFalse(printed.contains("table name"), "the script must stop");
    }

    @Test
    void anUnknownColumnIsShownAtItsScriptLineWithACaret() throws Exception {
        Path job = Files.writeString(dir.resolve("job.sql"), """
                CREATE TABLE gen (id INT, name STRING) WITH ('connector' = 'datagen', 'number-of-rows' = '1');
                SELECT id,
                  nmae
                FROM gen;
                """);
        assertEquals(2, run("sql", "-f", job.toString()));
        String printed = out.toString();
        assertTrue(printed.contains(ErrorReport.HEADLINE + "\n" + job + ": SQL validation error at line 3, column 3: "
                + "Column 'nmae' not found in any table; the tables have the columns gen: [id, name]\n"
                + "  nmae\n"
                + "  ^^^^\n"), printed);
    }

    @Test
    void executesOneStatementAsTableauAndRejectsUnknownArguments() {
        assertEquals(0, run("sql", "-e", "SELECT 1 + 1 AS two"), err.toString());
        assertTrue(out.toString().contains("| +I |           2 |\n"), out.toString());
        assertEquals(2, run("sql", "--bogus"));
        assertTrue(err.toString().contains("Unknown option: '--bogus'"), err.toString());
    }

    @Test
    void aMissingScriptIsAUserError() {
        assertEquals(2, run("sql", "-f", dir.resolve("nope.sql").toString()));
        assertTrue(err.toString().contains("Error: cannot read the SQL script"), err.toString());
    }

    @Test
    void completionOffersKeywordsAndTheSessionsTables() {
        io.weir.sql.session.SqlSession session = io.weir.sql.session.SqlSession.create(
                io.weir.sql.api.EnvironmentSettings.inStreamingMode());
        session.executeSql("CREATE TABLE orders (id INT) WITH ('connector' = 'datagen')");
        List<Candidate> candidates = new java.util.ArrayList<>();
        new SqlCompleter(session).complete(null, new DefaultParser().parse("SELECT * FROM or", 16), candidates);
        List<String> values = candidates.stream().map(Candidate::value).toList();
        assertTrue(values.contains("orders"), values.toString());
        assertTrue(values.contains("SELECT") && values.contains("WATERMARK"), values.toString());
    }

    @Test
    void clientStatementsAreRecognizedAndAMalformedStopJobIsExplained() {
        assertEquals(new ClientStatement.StopJob("ab", true, true),
                ClientStatement.recognize(" stop  job 'ab' with savepoint WITH DRAIN").orElseThrow());
        assertEquals(new ClientStatement.ShowJobs(), ClientStatement.recognize("SHOW\nJOBS").orElseThrow());
        assertTrue(ClientStatement.recognize("SHOW TABLES").isEmpty());
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(io.weir.sql.api.ValidationException.class,
                () -> ClientStatement.recognize("STOP JOB ab")).getMessage().contains("STOP JOB '<job id>'"));
    }
}
