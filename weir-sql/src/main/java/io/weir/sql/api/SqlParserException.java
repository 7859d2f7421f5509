package io.weir.sql.api;

/**
 * A statement that is not valid SQL of the Flink dialect. The message names the line and column
 * (counted in the script the statement came from), shows the line with a caret under the
 * offending token, and ends with a hint.
 */
public class SqlParserException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;

    public SqlParserException(String message, int line, int column, Throwable cause) {
        super(message, cause);
        this.line = line;
        this.column = column;
    }

    /** 1-based line of the error in the script. */
    public int line() {
        return line;
    }

    /** 1-based column of the error in its line. */
    public int column() {
        return column;
    }
}
