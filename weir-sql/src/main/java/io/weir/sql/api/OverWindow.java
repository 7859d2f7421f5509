package io.weir.sql.api;

import java.util.List;

/**
 * An over window with its alias (Flink's {@code OverWindow}), made with {@link Over}: the rows of
 * the same partition, ordered by a time attribute, from a bound before the current row up to it.
 * An aggregate over it ({@code $("v").sum().over($("w"))}) is computed for every row, as SQL's
 * {@code SUM(v) OVER (PARTITION BY k ORDER BY ts RANGE BETWEEN ... PRECEDING AND CURRENT ROW)}.
 */
public final class OverWindow {

    static final String UNBOUNDED_RANGE = "UNBOUNDED_RANGE";
    static final String UNBOUNDED_ROW = "UNBOUNDED_ROW";
    static final String CURRENT_RANGE = "CURRENT_RANGE";
    static final String CURRENT_ROW = "CURRENT_ROW";
    static final String ROW_INTERVAL = "ROW_INTERVAL:";

    private final String alias;
    private final List<String> partitionBy;
    private final String orderBy;
    private final String preceding;
    private final String following;

    OverWindow(String alias, List<String> partitionBy, String orderBy, String preceding, String following) {
        this.alias = alias;
        this.partitionBy = List.copyOf(partitionBy);
        this.orderBy = orderBy;
        this.preceding = preceding;
        this.following = following;
    }

    String alias() {
        return alias;
    }

    /**
     * The window's SQL: {@code PARTITION BY `k` ORDER BY `ts` RANGE BETWEEN INTERVAL '10' SECOND
     * PRECEDING AND CURRENT ROW}. Its kind (ROWS or RANGE) follows the preceding bound, and the end
     * must be of the same kind.
     */
    String spec() {
        boolean rows = preceding.equals(UNBOUNDED_ROW) || preceding.startsWith(ROW_INTERVAL);
        String start = preceding.equals(UNBOUNDED_RANGE) || preceding.equals(UNBOUNDED_ROW) ? "UNBOUNDED"
                : preceding.startsWith(ROW_INTERVAL) ? preceding.substring(ROW_INTERVAL.length())
                : preceding;
        if (!rows && !preceding.equals(UNBOUNDED_RANGE) && !preceding.startsWith("INTERVAL ")) {
            throw new ValidationException("Over window '" + alias + "': preceding(" + preceding + ") must be "
                    + "UNBOUNDED_RANGE, UNBOUNDED_ROW, rowInterval(n) or a time interval such as lit(10).seconds()");
        }
        String end = following == null ? (rows ? CURRENT_ROW : CURRENT_RANGE) : following;
        if (!end.equals(rows ? CURRENT_ROW : CURRENT_RANGE)) {
            throw new ValidationException("Over window '" + alias + "': following(" + end + ") must be "
                    + (rows ? "CURRENT_ROW for a window of rows" : "CURRENT_RANGE for a window of time")
                    + "; Weir's over windows end at the current row");
        }
        String partition = partitionBy.isEmpty() ? "" : "PARTITION BY " + String.join(", ", partitionBy) + " ";
        return partition + "ORDER BY " + orderBy + (rows ? " ROWS" : " RANGE") + " BETWEEN " + start
                + " PRECEDING AND CURRENT ROW";
    }
}
