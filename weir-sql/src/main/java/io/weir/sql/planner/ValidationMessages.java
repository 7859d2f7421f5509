package io.weir.sql.planner;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.weir.sql.api.ValidationException;
import org.apache.calcite.runtime.CalciteContextException;

/**
 * Turns Calcite's validation errors into Weir's messages: position first, then what is wrong, then
 * a hint where one helps (an unknown function: the closest names of the functions that exist; an
 * unknown column: the columns of the tables the statement names), keeping the place in the statement
 * so that the session can show it in the script's coordinates.
 */
final class ValidationMessages {

    private static final Pattern UNKNOWN_FUNCTION = Pattern.compile("No match found for function signature ([^(]+)\\(");

    private ValidationMessages() {
    }

    private static final Pattern UNKNOWN_COLUMN = Pattern.compile("Column '[^']*' not found in any table");

    static ValidationException describe(CalciteContextException e) {
        return describe(e, List.of(), List::of);
    }

    /**
     * The validator's error at its place in the statement, with a hint.
     *
     * @param functionNames the functions the statement could have called, for the hint of an unknown one
     * @param tableColumns the columns of the tables the statement names ({@code t: [a, b]}), for an unknown column
     */
    static ValidationException describe(CalciteContextException e, Collection<String> functionNames,
            java.util.function.Supplier<List<String>> tableColumns) {
        String cause = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
        String detail = cause;
        if (cause != null && UNKNOWN_COLUMN.matcher(cause).find()) {
            List<String> columns = tableColumns.get();
            if (!columns.isEmpty()) {
                detail += "; the tables have the columns " + String.join("; ", columns);
            }
        }
        Matcher unknown = UNKNOWN_FUNCTION.matcher(cause == null ? "" : cause);
        if (unknown.find()) {
            List<String> closest = closest(unknown.group(1).trim(), functionNames);
            detail += closest.isEmpty() ? "; SHOW FUNCTIONS lists the functions that exist"
                    : "; did you mean " + String.join(", ", closest) + "? (SHOW FUNCTIONS lists them all)";
        }
        int line = Math.max(1, e.getPosLine());
        int column = Math.max(1, e.getPosColumn());
        int endLine = e.getEndPosLine() < line ? line : e.getEndPosLine();
        int endColumn = endLine == line && e.getEndPosColumn() < column ? column : Math.max(1, e.getEndPosColumn());
        return new ValidationException(detail, line, column, endLine, endColumn, null, e);
    }

    /** Up to three names at the smallest edit distances, if close enough to be a typo (or sharing a prefix). */
    static List<String> closest(String name, Collection<String> names) {
        String wanted = name.toUpperCase(Locale.ROOT);
        int limit = Math.max(2, wanted.length() / 3);
        return names.stream().map(n -> n.toUpperCase(Locale.ROOT)).distinct()
                .filter(n -> !n.isEmpty() && Character.isLetter(n.charAt(0)))
                .filter(n -> distance(wanted, n) <= limit || (wanted.length() >= 4 && n.startsWith(wanted)))
                .sorted(Comparator.comparingInt((String n) -> distance(wanted, n)).thenComparing(n -> n))
                .limit(3).toList();
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
