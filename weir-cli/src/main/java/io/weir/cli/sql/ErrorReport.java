package io.weir.cli.sql;

import io.weir.sql.api.SqlParserException;
import io.weir.sql.api.ValidationException;
import java.io.PrintWriter;

/**
 * How the client reports a statement that failed, in Flink's words: {@code [ERROR] Could not
 * execute SQL statement. Reason:} and then the reason. A parse error's reason names line and column
 * with a caret under the statement; a failure of the engine adds its root cause. The stack trace
 * follows only with {@code sql-client.verbose}, for a bug report.
 */
final class ErrorReport {

    static final String HEADLINE = "[ERROR] Could not execute SQL statement. Reason:";

    private ErrorReport() {
    }

    /**
     * @param source the script the statement came from, or {@code null} for the prompt
     */
    static void print(RuntimeException error, String source, boolean verbose, PrintWriter out) {
        out.println(HEADLINE);
        out.println((source == null ? "" : source + ": ") + reason(error));
        if (verbose) {
            error.printStackTrace(out);
        }
        out.flush();
    }

    static String reason(RuntimeException error) {
        if (error instanceof SqlParserException || error instanceof ValidationException) {
            return error.getMessage();
        }
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String reason = error.getMessage() != null ? error.getMessage() : error.getClass().getName();
        if (root != error && root.getMessage() != null && !reason.contains(root.getMessage())) {
            reason += "\nCaused by: " + root.getClass().getName() + ": " + root.getMessage();
        }
        return reason;
    }
}
