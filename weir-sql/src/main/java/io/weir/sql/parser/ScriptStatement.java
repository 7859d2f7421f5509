package io.weir.sql.parser;

/**
 * One statement cut out of a script, without its terminating semicolon, and where it starts in
 * the script (1-based), so errors can be reported at script coordinates.
 */
public record ScriptStatement(String text, int line, int column) {

    /** A statement that is the whole script. */
    public static ScriptStatement of(String text) {
        return new ScriptStatement(text, 1, 1);
    }
}
