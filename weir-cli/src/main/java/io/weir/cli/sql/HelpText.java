package io.weir.cli.sql;

/** What {@code HELP;} prints: the client's own statements, then the SQL the session runs. */
final class HelpText {

    static final String TEXT = """
            The SQL client's statements (end each statement with a semicolon):
              HELP;                      Shows this text.
              QUIT; or EXIT;             Leaves the client (also Ctrl-D); jobs still running are cancelled.
              CLEAR;                     Clears the terminal.
              SHOW JOBS;                 Lists the jobs of this session's cluster.
              STOP JOB '<id>' [WITH SAVEPOINT] [WITH DRAIN];
                                         Cancels a job, or stops it with a savepoint.
              SET;                       Lists the session's options.
              SET '<key>' = '<value>';   Sets an option, e.g. 'sql-client.execution.result-mode' = 'tableau'.
              RESET ['<key>'];           Resets one option, or all.

            SQL (docs/sql.md lists what runs): CREATE TABLE | VIEW | FUNCTION, DROP TABLE | VIEW | FUNCTION,
            SHOW TABLES | VIEWS | FUNCTIONS | CATALOGS | DATABASES, DESCRIBE, USE, EXPLAIN, SELECT, INSERT INTO,
            EXECUTE STATEMENT SET BEGIN ... END;

            Ctrl-C cancels the running query (not the client). Result modes: 'table' (a refreshing view of the
            materialized result), 'changelog' (the latest changes with their kind), 'tableau' (rows printed as
            they arrive). Press Q to leave the table or changelog view.
            """;

    private HelpText() {
    }
}
