package io.weir.sql.api;

/**
 * A statement that parses but cannot run as written: an unknown table or column, a type
 * mismatch, an unsupported feature. The message says what is wrong and what to do.
 *
 * <p>An error the validator can place (an unknown column or function, a type mismatch) carries its
 * {@link #line()} and {@link #column()}, and its message starts with them ({@code SQL validation
 * error at line 3, column 11: ...}). Run from a script or by {@code executeSql}, the message is
 * in the script's coordinates and shows the statement's line with a caret under the part at fault.
 */
public class ValidationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String detail;
    private final String excerpt;
    private final int line;
    private final int column;
    private final int endLine;
    private final int endColumn;

    public ValidationException(String message) {
        this(message, null);
    }

    public ValidationException(String message, Throwable cause) {
        super(message, cause);
        this.detail = message;
        this.excerpt = null;
        this.line = 0;
        this.column = 0;
        this.endLine = 0;
        this.endColumn = 0;
    }

    /**
     * An error at a place in the statement (1-based; the end is inclusive and may equal the start).
     *
     * @param detail what is wrong and what to do, without the position
     * @param excerpt the statement's line with a caret under the place, or {@code null}
     */
    public ValidationException(String detail, int line, int column, int endLine, int endColumn, String excerpt,
            Throwable cause) {
        super("SQL validation error at line " + line + ", column " + column + ": " + detail
                + (excerpt == null ? "" : "\n" + excerpt), cause);
        this.detail = detail;
        this.excerpt = excerpt;
        this.line = line;
        this.column = column;
        this.endLine = endLine;
        this.endColumn = endColumn;
    }

    /** True if the error names its place in the statement. */
    public boolean hasPosition() {
        return line > 0;
    }

    /** 1-based line of the error, 0 if the error has no place. */
    public int line() {
        return line;
    }

    /** 1-based column of the error in its line, 0 if the error has no place. */
    public int column() {
        return column;
    }

    /** 1-based line where the part at fault ends, 0 if the error has no place. */
    public int endLine() {
        return endLine;
    }

    /** 1-based column (inclusive) where the part at fault ends, 0 if the error has no place. */
    public int endColumn() {
        return endColumn;
    }

    /** The statement's line with a caret under the part at fault, or {@code null} if not shown. */
    public String excerpt() {
        return excerpt;
    }

    /** What is wrong and what to do, without the position and the excerpt. */
    public String detail() {
        return detail;
    }
}
