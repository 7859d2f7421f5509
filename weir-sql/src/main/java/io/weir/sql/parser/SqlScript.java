package io.weir.sql.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a SQL script into statements at the semicolons that are outside string literals,
 * quoted identifiers and comments, remembering where each statement starts.
 *
 * <p>{@code EXECUTE STATEMENT SET BEGIN ... END;} stays one statement: its inner semicolons end
 * the INSERTs inside the block, not the block. A statement starts at its first token (comments
 * before it are dropped); statements holding only whitespace and comments are dropped.
 */
public final class SqlScript {

    private static final Pattern BLOCK_START = Pattern.compile(
            "^\\s*(EXPLAIN\\s+(PLAN\\s+FOR\\s+)?)?EXECUTE\\s+STATEMENT\\s+SET\\s+BEGIN\\b.*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern BLOCK_END = Pattern.compile(".*\\bEND\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private SqlScript() {
    }

    public static List<ScriptStatement> split(String script) {
        List<ScriptStatement> statements = new ArrayList<>();
        StringBuilder code = new StringBuilder(); // the current statement without its comments
        int start = 0;
        int i = 0;
        while (i < script.length()) {
            char c = script.charAt(i);
            int end = skipQuotedOrComment(script, i);
            if (end > i) {
                if (!isComment(script, i)) {
                    code.append(script, i, end);
                }
                i = end;
            } else if (c == ';' && !insideOpenBlock(code)) {
                add(statements, script, start, i, code);
                code.setLength(0);
                start = ++i;
            } else {
                code.append(c);
                i++;
            }
        }
        add(statements, script, start, script.length(), code);
        return statements;
    }

    /**
     * Whether {@code script} ends a statement: its last character outside literals, quoted
     * identifiers and comments is a semicolon that ends a statement (not one inside an open
     * {@code EXECUTE STATEMENT SET BEGIN ... END} block), and no literal or block comment is left
     * open. An interactive client reads lines until this holds.
     */
    public static boolean isComplete(String script) {
        StringBuilder code = new StringBuilder();
        boolean ended = false;
        int i = 0;
        while (i < script.length()) {
            char c = script.charAt(i);
            int end = skipQuotedOrComment(script, i);
            if (end > i) {
                if (!isComment(script, i)) {
                    code.append(script, i, end);
                    ended = false;
                } else if (script.startsWith("/*", i) && !script.startsWith("*/", end - 2)) {
                    return false; // an open block comment
                }
                if (end == script.length() && !isComment(script, i) && !isClosedQuote(script, i, end)) {
                    return false; // an open literal or quoted identifier
                }
                i = end;
            } else if (c == ';' && !insideOpenBlock(code)) {
                code.setLength(0);
                ended = true;
                i++;
            } else {
                if (!Character.isWhitespace(c)) {
                    ended = false;
                }
                code.append(c);
                i++;
            }
        }
        return ended;
    }

    /** Whether the quoted text from {@code start} to {@code end} has its closing quote (not a doubled one). */
    private static boolean isClosedQuote(String script, int start, int end) {
        char quote = script.charAt(start);
        int j = start + 1;
        while (j < end) {
            if (script.charAt(j) == quote) {
                if (j + 1 < end && script.charAt(j + 1) == quote) {
                    j += 2;
                    continue;
                }
                return j == end - 1;
            }
            j++;
        }
        return false;
    }

    private static boolean insideOpenBlock(CharSequence code) {
        return BLOCK_START.matcher(code).matches() && !BLOCK_END.matcher(code).matches();
    }

    private static boolean isComment(String script, int i) {
        return script.startsWith("--", i) || script.startsWith("/*", i);
    }

    /** The index after the literal, quoted identifier or comment starting at i, or i if none does. */
    private static int skipQuotedOrComment(String script, int i) {
        char c = script.charAt(i);
        if (c == '\'' || c == '"' || c == '`') {
            int j = i + 1;
            while (j < script.length()) {
                if (script.charAt(j) == c) {
                    if (j + 1 < script.length() && script.charAt(j + 1) == c) {
                        j += 2; // a doubled quote stands for itself
                        continue;
                    }
                    return j + 1;
                }
                j++;
            }
            return script.length(); // unterminated: the parser reports it with its position
        }
        if (script.startsWith("--", i)) {
            int newline = script.indexOf('\n', i);
            return newline < 0 ? script.length() : newline;
        }
        if (script.startsWith("/*", i)) {
            int close = script.indexOf("*/", i + 2);
            return close < 0 ? script.length() : close + 2;
        }
        return i;
    }

    private static void add(List<ScriptStatement> statements, String script, int start, int end, CharSequence code) {
        if (code.toString().isBlank()) {
            return;
        }
        int first = start;
        while (first < end) { // the statement starts at its first token, after comments
            if (Character.isWhitespace(script.charAt(first))) {
                first++;
            } else if (isComment(script, first)) {
                first = skipQuotedOrComment(script, first);
            } else {
                break;
            }
        }
        int line = 1;
        int lineStart = 0;
        for (int k = 0; k < first; k++) {
            if (script.charAt(k) == '\n') {
                line++;
                lineStart = k + 1;
            }
        }
        statements.add(new ScriptStatement(script.substring(first, end).stripTrailing(), line, first - lineStart + 1));
    }
}
