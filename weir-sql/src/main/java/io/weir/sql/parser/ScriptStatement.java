package io.weir.sql.parser;

import io.weir.sql.api.ValidationException;

/**
 * One statement cut out of a script, without its terminating semicolon, and where it starts in
 * the script (1-based), so errors can be reported at script coordinates.
 */
public record ScriptStatement(String text, int line, int column) {

    /** A statement that is the whole script. */
    public static ScriptStatement of(String text) {
        return new ScriptStatement(text, 1, 1);
    }

    /** The script line of a line of this statement (both 1-based). */
    public int scriptLine(int lineInStatement) {
        return line + Math.max(1, lineInStatement) - 1;
    }

    /** The script column of a place in this statement: only its first line is shifted. */
    public int scriptColumn(int lineInStatement, int columnInStatement) {
        return lineInStatement <= 1 ? column + Math.max(1, columnInStatement) - 1 : Math.max(1, columnInStatement);
    }

    /**
     * The statement's line {@code lineInStatement} as it stands in the script, and under it carets
     * from {@code columnInStatement} over {@code width} characters (at least one, cut at the line's end).
     */
    public String excerpt(int lineInStatement, int columnInStatement, int width) {
        String[] lines = text.split("\n", -1);
        int lineNumber = Math.max(1, lineInStatement);
        String source = lineNumber <= lines.length ? lines[lineNumber - 1].stripTrailing() : "";
        String indent = lineNumber == 1 ? " ".repeat(column - 1) : "";
        int caretColumn = scriptColumn(lineNumber, columnInStatement);
        int lineEnd = indent.length() + source.length();
        int carets = Math.max(1, Math.min(width, lineEnd - caretColumn + 1));
        return indent + source + "\n" + " ".repeat(caretColumn - 1) + "^".repeat(carets);
    }

    /**
     * {@code error} in this script's coordinates with the excerpt of its place, if it has a place
     * in this statement and is not placed yet; otherwise {@code error} itself.
     */
    public ValidationException locate(ValidationException error) {
        if (!error.hasPosition() || error.excerpt() != null) {
            return error;
        }
        int width = error.endLine() == error.line() ? error.endColumn() - error.column() + 1 : Integer.MAX_VALUE;
        ValidationException located = new ValidationException(error.detail(), scriptLine(error.line()),
                scriptColumn(error.line(), error.column()), scriptLine(error.endLine()),
                scriptColumn(error.endLine(), error.endColumn()), excerpt(error.line(), error.column(), width),
                error.getCause());
        located.setStackTrace(error.getStackTrace());
        return located;
    }
}
