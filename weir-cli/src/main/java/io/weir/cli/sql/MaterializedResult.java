package io.weir.cli.sql;

import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import java.util.ArrayList;
import java.util.List;

/**
 * A query's changelog applied to a table, as the table mode shows it: {@code +I} and {@code +U}
 * add their row, {@code -U} and {@code -D} remove one equal row. At most {@code maxRows} rows are
 * kept; beyond that the oldest row makes room (as Flink's {@code max-table-result.rows}). For the
 * changelog mode it keeps the latest changes themselves, each with its kind.
 *
 * <p>Threading: a query's fetching thread applies changes while the view's thread takes
 * snapshots; both go through this object's monitor.
 */
final class MaterializedResult {

    private final int maxRows;
    private final boolean keepChanges;
    private final List<Row> rows = new ArrayList<>();
    private long changes;
    private boolean ended;
    private RuntimeException failure;

    private MaterializedResult(int maxRows, boolean keepChanges) {
        this.maxRows = maxRows;
        this.keepChanges = keepChanges;
    }

    /** The table the changes make, of at most {@code maxRows} rows. */
    static MaterializedResult table(int maxRows) {
        return new MaterializedResult(maxRows, false);
    }

    /** The latest {@code maxChanges} changes. */
    static MaterializedResult changelog(int maxChanges) {
        return new MaterializedResult(maxChanges, true);
    }

    synchronized void apply(Row change) {
        changes++;
        if (keepChanges) {
            if (rows.size() == maxRows) {
                rows.remove(0);
            }
            rows.add(change);
            notifyAll();
            return;
        }
        Row row = Row.copy(change);
        row.setKind(RowKind.INSERT);
        switch (change.getKind()) {
            case INSERT, UPDATE_AFTER -> {
                if (rows.size() == maxRows) {
                    rows.remove(0);
                }
                rows.add(row);
            }
            case UPDATE_BEFORE, DELETE -> rows.remove(row);
        }
        notifyAll();
    }

    /** The rows now, in the order they were added; each a +I row. */
    synchronized List<Row> snapshot() {
        return List.copyOf(rows);
    }

    /** The result has ended: the query finished, failed ({@code failure} not null) or was cancelled. */
    synchronized void end(RuntimeException failure) {
        this.ended = true;
        this.failure = failure;
        notifyAll();
    }

    synchronized boolean ended() {
        return ended;
    }

    /** The failure that ended the result, or null. */
    synchronized RuntimeException failure() {
        return failure;
    }

    /** Waits until the result ended or {@code millis} passed (0: no limit). */
    synchronized void awaitEnd(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (!ended) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (millis > 0 && left <= 0) {
                return;
            }
            wait(millis > 0 ? left : 0);
        }
    }

    /** How many changes were applied so far. */
    synchronized long changes() {
        return changes;
    }
}
