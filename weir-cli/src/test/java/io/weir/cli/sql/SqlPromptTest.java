package io.weir.cli.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.configuration.Configuration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SqlPromptTest {

    private static ClientCluster cluster;

    @TempDir
    Path dir;

    @BeforeAll
    static void startCluster() {
        cluster = ClientCluster.start(new Configuration());
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    private static final String COUNT_NAMES = "SELECT name, COUNT(*) AS cnt FROM (VALUES ('Bob'), ('Alice'), ('Greg'), "
            + "('Bob')) AS T(name) GROUP BY name;\n";

    @Test
    void multiLineStatementsRunWhenASemicolonEndsThemAndQuitLeaves() throws Exception {
        try (PromptDriver client = new PromptDriver(cluster, dir.resolve("history"))) {
            client.type("""
                    CREATE TABLE t (
                      id INT
                    ) WITH ('connector' = 'datagen', 'number-of-rows' = '1');
                    SET 'sql-client.execution.result-mode' = 'tableau';
                    SELECT 1 + 1
                      AS two;
                    SELEC 1;
                    QUIT;
                    """).start();
            assertEquals("""
                    Welcome to Weir SQL. Enter 'HELP;' to list the statements, 'QUIT;' to leave.

                    Weir SQL> [INFO] Execute statement succeeded.

                    Weir SQL> [INFO] Execute statement succeeded.

                    Weir SQL> +----+-------------+
                    | op |         two |
                    +----+-------------+
                    | +I |           2 |
                    +----+-------------+
                    Received a total of 1 row

                    Weir SQL> [ERROR] Could not execute SQL statement. Reason:
                    SQL parse error at line 1, column 1: Non-query expression encountered in illegal context
                    SELEC 1
                    ^
                    Hint: check the statement against the syntax in docs/sql.md

                    Weir SQL> Shutting down the session...
                    done.
                    """, client.awaitEnd());
        }
        String history = Files.readString(dir.resolve("history"));
        assertTrue(history.contains("SELECT 1 + 1"), history);
    }

    @Test
    void tableModeShowsTheMaterializedResultAndChangelogModeTheChanges() throws Exception {
        try (PromptDriver client = new PromptDriver(cluster, dir.resolve("history"))) {
            client.type("SET 'parallelism.default' = '1';\n" + COUNT_NAMES
                    + "SET 'sql-client.execution.result-mode' = 'changelog';\n" + COUNT_NAMES
                    + "SET 'sql-client.execution.result-mode' = 'table';\n"
                    + "SET 'sql-client.execution.max-table-result.rows' = '2';\n" + COUNT_NAMES + "EXIT;\n").start();
            String screen = client.awaitEnd();
            assertTrue(screen.contains("""
                    +-------+----------------------+
                    |  name |                  cnt |
                    +-------+----------------------+
                    | Alice |                    1 |
                    |  Greg |                    1 |
                    |   Bob |                    2 |
                    +-------+----------------------+
                    3 rows in the result, after 5 changes
                    """), screen);
            assertTrue(screen.contains("""
                    +----+-------+----------------------+
                    | op |  name |                  cnt |
                    +----+-------+----------------------+
                    | +I |   Bob |                    1 |
                    | +I | Alice |                    1 |
                    | +I |  Greg |                    1 |
                    | -U |   Bob |                    1 |
                    | +U |   Bob |                    2 |
                    +----+-------+----------------------+
                    Received a total of 5 changes
                    """), screen);
            assertTrue(screen.contains("""
                    |  Greg |                    1 |
                    |   Bob |                    2 |
                    +-------+----------------------+
                    2 rows in the result, after 5 changes
                    """), "max-table-result.rows keeps the newest rows: " + screen);
        }
    }

    @Test
    void batchRuntimeModeShowsTheFinalRows() throws Exception {
        try (PromptDriver client = new PromptDriver(cluster, dir.resolve("history"))) {
            client.type("SET 'parallelism.default' = '1';\nSET 'execution.runtime-mode' = 'batch';\n" + COUNT_NAMES
                    + "QUIT;\n").start();
            assertTrue(client.awaitEnd().contains("""
                    +-------+-----+
                    |  name | cnt |
                    +-------+-----+
                    | Alice |   1 |
                    |  Greg |   1 |
                    |   Bob |   2 |
                    +-------+-----+
                    3 rows in set
                    """), client.screen());
        }
    }

    @Test
    void ctrlCCancelsTheRunningQueryAndTheClientGoesOn() throws Exception {
        try (PromptDriver client = new PromptDriver(cluster, dir.resolve("history"))) {
            client.type("SET 'sql-client.execution.result-mode' = 'tableau';\n"
                    + "CREATE TABLE endless (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '100');\n"
                    + "SELECT id FROM endless;\n").start();
            int shown = client.await("| +I |", 0);
            client.interrupt();
            shown = client.await("Query terminated, received a total of ", shown);
            client.type("SELECT 'still here' AS answer;\nQUIT;\n");
            client.await("still here", shown);
            client.awaitEnd();
        }
    }

    @Test
    void insertRunsInTheBackgroundAndStopJobCancelsIt() throws Exception {
        try (PromptDriver client = new PromptDriver(cluster, dir.resolve("history"))) {
            client.type("""
                    CREATE TABLE endless (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '10');
                    CREATE TABLE sink (id BIGINT) WITH ('connector' = 'blackhole');
                    SET 'pipeline.name' = 'endless copy';
                    INSERT INTO sink SELECT id FROM endless;
                    """).start();
            int at = client.await("[INFO] SQL update statement has been successfully submitted to the cluster:\nJob ID: ",
                    0);
            String jobId = client.screen().substring(at, at + 32);
            client.type("SHOW JOBS;\n");
            at = client.awaitLine(at, jobId, " endless copy |");
            String line = client.screen().substring(client.screen().lastIndexOf('\n', at - 1) + 1, at);
            assertTrue(line.matches(".* (CREATED|RUNNING) \\|.*"), "a job still running: " + line);
            client.type("STOP JOB '" + jobId + "';\n");
            at = client.await(SqlClient.SUCCEEDED, at);
            client.type("SHOW JOBS;\nSTOP JOB 'nope';\n");
            at = client.awaitLine(at, jobId, " endless copy |", " CANCELED |");
            at = client.await("'nope' is not a job id (32 hex digits); SHOW JOBS lists the ids", at);

            client.type("SET 'execution.checkpointing.savepoint-dir' = '" + dir.resolve("savepoints") + "';\n"
                    + "INSERT INTO sink SELECT id FROM endless;\n");
            at = client.await("Job ID: ", at);
            String second = client.screen().substring(at, at + 32);
            at = awaitRunning(client, second, at); // a savepoint is only taken of a running job, as in Flink
            client.type("STOP JOB '" + second + "' WITH SAVEPOINT;\nQUIT;\n");
            at = client.await(" savepoint path |", at);
            at = client.await(dir.resolve("savepoints").toString(), at);
            assertTrue(client.awaitEnd().endsWith("Shutting down the session...\ndone.\n"), client.screen());
        }
    }

    /** Asks SHOW JOBS until the job's line says RUNNING (it may be CREATED at first on a loaded machine), for up to 60 s. */
    private static int awaitRunning(PromptDriver client, String jobId, int from) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        int at = from;
        while (System.nanoTime() < deadline) {
            client.type("SHOW JOBS;\n");
            at = client.awaitLine(at, jobId, " endless copy |");
            String screen = client.screen();
            if (screen.substring(screen.lastIndexOf('\n', at - 1) + 1, at).contains(" RUNNING |")) {
                return at;
            }
            Thread.sleep(50); // polls the job's status: there is no event to wait for from outside the client
        }
        throw new AssertionError("job " + jobId + " never showed RUNNING:\n" + client.screen());
    }

    @Test
    void clientOptionsAreCheckedWhenSetAndVerboseAddsTheStackTrace() throws Exception {
        try (PromptDriver client = new PromptDriver(cluster, dir.resolve("history"))) {
            client.type("""
                    SET 'sql-client.execution.result-mode' = 'pretty';
                    SET 'sql-client.execution.reslt-mode' = 'table';
                    SET;
                    SELECT * FROM missing;
                    SET 'sql-client.verbose' = 'true';
                    SELECT * FROM missing;
                    RESET 'sql-client.verbose';
                    HELP;
                    QUIT;
                    """).start();
            String screen = client.awaitEnd();
            assertTrue(screen.contains("[ERROR] Could not execute SQL statement. Reason:\n'sql-client.execution.result-mode'"
                    + " must be 'table', 'changelog' or 'tableau', not 'pretty'"), screen);
            assertTrue(screen.contains("Unknown SQL client option 'sql-client.execution.reslt-mode'"), screen);
            assertTrue(screen.contains("Weir SQL> Empty set"), "the rejected options were not kept: " + screen);
            int firstError = screen.indexOf("Object 'missing' not found");
            int secondError = screen.indexOf("Object 'missing' not found", firstError + 1);
            assertTrue(firstError > 0 && secondError > 0, screen);
            assertTrue(!screen.substring(firstError, secondError).contains("\tat "), "no stack trace unless verbose");
            assertTrue(screen.substring(secondError).contains("\tat io.weir."), "verbose shows the stack trace");
            assertTrue(screen.contains("STOP JOB '<id>' [WITH SAVEPOINT] [WITH DRAIN];"), "HELP lists the statements");
        }
    }

    @Test
    void initScriptRunsBeforeThePromptAndCtrlDLeaves() throws Exception {
        try (PromptDriver client = new PromptDriver(cluster, dir.resolve("history"))) {
            assertTrue(client.client().runScript("CREATE TABLE gen (id INT) WITH ('connector' = 'datagen');",
                    "init.sql"));
            client.type("SHOW TABLES;\n").start();
            client.endInput();
            assertTrue(client.awaitEnd().contains("| table name |\n+------------+\n|        gen |"), client.screen());
            assertTrue(client.screen().endsWith("Shutting down the session...\ndone.\n"), client.screen());
        }
    }

    @Test
    void onATerminalWithACursorTheTableViewRefreshesUntilQIsPressed() throws Exception {
        try (PromptDriver client = new PromptDriver(cluster, dir.resolve("history"), true)) {
            client.type("CREATE TABLE endless (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '50',"
                    + " 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '1000000');\r"
                    + "SELECT id % 3 AS k, COUNT(*) AS c FROM endless GROUP BY id % 3;\r").start();
            int at = client.await("SQL Query Result (Table)", 0);
            at = client.await("Query running.", at);
            at = client.awaitLine(at, " k ", " c");
            at = client.await("Rows: 3", at);
            client.type("q");
            at = client.await("Query terminated. 3 rows in the result, after ", at);
            client.type("QUIT;\r");
            client.await("Shutting down the session...", at);
            client.awaitEnd();
        }
    }
}
