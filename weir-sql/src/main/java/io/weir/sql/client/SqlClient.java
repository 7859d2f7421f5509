package io.weir.sql.client;

import io.weir.sql.api.EnvironmentSettings;
import io.weir.sql.api.ResultKind;
import io.weir.sql.api.SqlParserException;
import io.weir.sql.api.TableResult;
import io.weir.sql.api.ValidationException;
import io.weir.sql.parser.ScriptStatement;
import io.weir.sql.parser.SqlScript;
import io.weir.sql.session.PrintableResult;
import io.weir.sql.session.SqlSession;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code bin/weir sql}: runs SQL scripts non-interactively, as Flink's SQL client does with
 * {@code -i init.sql} and {@code -f job.sql}, or one statement with {@code -e}. Each statement's
 * result is printed as it completes; INSERT jobs are waited for, because the jobs run inside this
 * process. The first failing statement stops the script with its error and exit code 2.
 */
public final class SqlClient {

    static final int OK = 0;
    static final int STATEMENT_FAILED = 2;

    private static final String USAGE = """
            Usage: bin/weir sql [-i <init.sql>]... (-f <script.sql> | -e <statement>)
              -i <file>       run this script first (repeatable), e.g. table definitions
              -f <file>       run this script
              -e <statement>  run this one statement
            The interactive client is not available yet.""";

    private SqlClient() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line; returns the process exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        List<Path> scripts = new ArrayList<>();
        String statement = null;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if ((option.equals("-i") || option.equals("-f") || option.equals("-e")) && i + 1 < args.length) {
                String value = args[++i];
                if (option.equals("-e")) {
                    statement = value;
                } else {
                    scripts.add(Path.of(value));
                }
            } else if (option.equals("-h") || option.equals("--help")) {
                out.println(USAGE);
                return OK;
            } else {
                err.println("weir sql: unexpected argument '" + option + "'\n" + USAGE);
                return STATEMENT_FAILED;
            }
        }
        if (scripts.isEmpty() && statement == null) {
            err.println("weir sql: nothing to run\n" + USAGE);
            return STATEMENT_FAILED;
        }
        SqlSession session = SqlSession.create(EnvironmentSettings.inStreamingMode());
        try {
            for (Path script : scripts) {
                runScript(session, Files.readString(script), script.toString(), out, err);
            }
            if (statement != null) {
                runScript(session, statement, "-e", out, err);
            }
            return OK;
        } catch (IOException e) {
            err.println("weir sql: cannot read " + e.getMessage());
        } catch (StatementFailed e) {
            return STATEMENT_FAILED;
        }
        return STATEMENT_FAILED;
    }

    private static void runScript(SqlSession session, String script, String source, PrintStream out,
            PrintStream err) {
        for (ScriptStatement statement : SqlScript.split(script)) {
            try {
                TableResult result = session.execute(statement);
                if (result.getJobClient().isPresent()) {
                    out.println("[INFO] Running job " + result.getJobClient().get().getJobID() + " ...");
                    result.await();
                    out.println("[INFO] Job finished.");
                } else if (result.getResultKind() == ResultKind.SUCCESS) {
                    out.println("[INFO] Execute statement succeeded.");
                } else {
                    ((PrintableResult) result).print(out);
                }
            } catch (SqlParserException | ValidationException e) {
                err.println("[ERROR] " + source + ": " + e.getMessage());
                throw new StatementFailed();
            } catch (Exception e) {
                err.println("[ERROR] " + source + ", statement at line " + statement.line() + " failed: " + e);
                throw new StatementFailed();
            }
        }
    }

    /** Stops the script after its error was printed. */
    private static final class StatementFailed extends RuntimeException {
        StatementFailed() {
            super(null, null, false, false);
        }
    }
}
