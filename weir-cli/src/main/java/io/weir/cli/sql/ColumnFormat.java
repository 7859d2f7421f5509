package io.weir.cli.sql;

import io.weir.api.types.Row;
import io.weir.sql.catalog.Column;
import io.weir.sql.session.TableauPrinter;
import io.weir.sql.types.LogicalType;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns of a query result as the client prints them while rows still arrive: each column
 * as wide as its type needs (so the widths are known before the first row, as in Flink's
 * streaming tableau), at least its name, at most {@code sql-client.display.max-column-width};
 * values are right-aligned and a value too long ends in "...".
 */
final class ColumnFormat {

    private static final String OP = "op";

    private final List<String> headers = new ArrayList<>();
    private final int[] widths;
    private final boolean withChangeKind;
    /** The session time zone, in which TIMESTAMP_LTZ values show. */
    private final java.time.ZoneId zone;

    /**
     * @param withChangeKind a first column {@code op} with each row's change kind ({@code +I}, {@code -U}, ...)
     * @param zone the session time zone ({@code table.local-time-zone}), in which TIMESTAMP_LTZ values show
     */
    ColumnFormat(List<Column> columns, boolean withChangeKind, int maxColumnWidth, java.time.ZoneId zone) {
        this.withChangeKind = withChangeKind;
        this.zone = zone;
        if (withChangeKind) {
            headers.add(OP);
        }
        columns.forEach(column -> headers.add(column.name()));
        widths = new int[headers.size()];
        int offset = withChangeKind ? 1 : 0;
        if (withChangeKind) {
            widths[0] = 2;
        }
        for (int i = 0; i < columns.size(); i++) {
            LogicalType type = columns.get(i).type();
            int width = Math.max(typeWidth(type, maxColumnWidth), columns.get(i).name().length());
            if (type.isNullable()) {
                width = Math.max(width, "<NULL>".length());
            }
            widths[i + offset] = Math.min(width, maxColumnWidth);
        }
    }

    /** The characters a value of {@code type} takes at most, or {@code max} if it has no bound. */
    static int typeWidth(LogicalType type, int max) {
        return switch (type.root()) {
            case BOOLEAN -> 5;
            case TINYINT -> 4;
            case SMALLINT -> 6;
            case INTEGER -> 11;
            case BIGINT -> 20;
            case DECIMAL -> type.precision() + 2;
            case CHAR, VARCHAR -> Math.min(type.precision(), max);
            case DATE -> 10;
            case TIME_WITHOUT_TIME_ZONE -> 8 + (type.precision() > 0 ? type.precision() + 1 : 0);
            case TIMESTAMP_WITHOUT_TIME_ZONE, TIMESTAMP_WITH_LOCAL_TIME_ZONE ->
                    19 + (type.precision() > 0 ? type.precision() + 1 : 0);
            default -> max;
        };
    }

    String border() {
        StringBuilder text = new StringBuilder("+");
        for (int width : widths) {
            text.append("-".repeat(width + 2)).append('+');
        }
        return text.toString();
    }

    String header() {
        return line(headers);
    }

    /** One row as a boxed line. */
    String row(Row row) {
        return line(cells(row));
    }

    /** One row as a line without the box, columns separated by spaces (the table and changelog views). */
    String plainRow(Row row) {
        return plain(cells(row));
    }

    String plainHeader() {
        return plain(headers);
    }

    private List<String> cells(Row row) {
        List<String> cells = new ArrayList<>(widths.length);
        if (withChangeKind) {
            cells.add(row.getKind().shortString());
        }
        for (int i = 0; i < row.getArity(); i++) {
            cells.add(TableauPrinter.cell(row.getField(i), zone));
        }
        return cells;
    }

    private String line(List<String> values) {
        StringBuilder text = new StringBuilder("|");
        for (int i = 0; i < widths.length; i++) {
            text.append(' ').append(fit(values.get(i), widths[i])).append(" |");
        }
        return text.toString();
    }

    private String plain(List<String> values) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            text.append(i == 0 ? "" : " ").append(fit(values.get(i), widths[i]));
        }
        return text.toString();
    }

    /** Right-aligned in {@code width}; a longer value is cut and ends in "...". */
    static String fit(String value, int width) {
        if (value.length() > width) {
            return width <= 3 ? value.substring(0, width) : value.substring(0, width - 3) + "...";
        }
        return " ".repeat(width - value.length()) + value;
    }
}
