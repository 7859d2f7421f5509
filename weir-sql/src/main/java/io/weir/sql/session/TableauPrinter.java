package io.weir.sql.session;

import io.weir.api.types.Row;
import io.weir.sql.runtime.SqlValues;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints rows as Flink's "tableau": a boxed table with right-aligned cells, {@code <NULL>} for
 * nulls, an {@code op} column with the change kind for streaming query results, and a closing
 * line ({@code 3 rows in set}, {@code Empty set}, or {@code Received a total of 3 rows}).
 */
public final class TableauPrinter {

    private static final String NULL = "<NULL>";

    private TableauPrinter() {
    }

    /**
     * Prints rows of no session's query (a statement's result, the client's job list): a TIMESTAMP_LTZ
     * among them shows in the JVM's zone. A query's rows print with {@link #print(List, List, boolean,
     * PrintStream, java.time.ZoneId)} and the session time zone.
     *
     * @param withChangeKind print the {@code op} column (streaming query results)
     */
    public static void print(List<String> columnNames, List<Row> rows, boolean withChangeKind, PrintStream out) {
        print(columnNames, rows, withChangeKind, out, java.time.ZoneId.systemDefault());
    }

    /**
     * @param withChangeKind print the {@code op} column (streaming query results)
     * @param zone the session time zone, in which TIMESTAMP_LTZ values are shown
     */
    public static void print(List<String> columnNames, List<Row> rows, boolean withChangeKind, PrintStream out,
            java.time.ZoneId zone) {
        if (rows.isEmpty() && !withChangeKind) {
            out.println("Empty set");
            return;
        }
        List<String> headers = new ArrayList<>();
        if (withChangeKind) {
            headers.add("op");
        }
        headers.addAll(columnNames);
        List<List<String>> cells = new ArrayList<>();
        for (Row row : rows) {
            List<String> line = new ArrayList<>();
            if (withChangeKind) {
                line.add(row.getKind().shortString());
            }
            for (int i = 0; i < row.getArity(); i++) {
                line.add(cell(row.getField(i), zone));
            }
            cells.add(line);
        }
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = headers.get(i).length();
            for (List<String> line : cells) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        String border = border(widths);
        out.println(border);
        out.println(line(headers, widths));
        out.println(border);
        for (List<String> line : cells) {
            out.println(line(line, widths));
        }
        out.println(border);
        if (withChangeKind) {
            out.println("Received a total of " + rows.size() + (rows.size() == 1 ? " row" : " rows"));
        } else {
            out.println(rows.size() + (rows.size() == 1 ? " row in set" : " rows in set"));
        }
    }

    /** A value as tableau shows it; a TIMESTAMP_LTZ as its wall time in {@code zone} ({@code table.local-time-zone}). */
    public static String cell(Object value, java.time.ZoneId zone) {
        if (value instanceof java.time.Instant instant) {
            return SqlValues.formatTimestamp(java.time.LocalDateTime.ofInstant(instant, zone));
        }
        if (value == null) {
            return NULL;
        }
        if (value instanceof Boolean b) {
            return b ? "TRUE" : "FALSE";
        }
        if (value instanceof java.time.LocalDateTime timestamp) {
            return SqlValues.formatTimestamp(timestamp);
        }
        if (value instanceof byte[] bytes) {
            return SqlValues.formatBytes(bytes);
        }
        return value.toString();
    }

    private static String border(int[] widths) {
        StringBuilder text = new StringBuilder("+");
        for (int width : widths) {
            text.append("-".repeat(width + 2)).append('+');
        }
        return text.toString();
    }

    private static String line(List<String> values, int[] widths) {
        StringBuilder text = new StringBuilder("|");
        for (int i = 0; i < widths.length; i++) {
            String value = values.get(i);
            text.append(' ').append(" ".repeat(widths[i] - value.length())).append(value).append(" |");
        }
        return text.toString();
    }
}
