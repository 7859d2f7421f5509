package io.weir.sql.planner;

import io.weir.api.datastream.DataStream;
import io.weir.api.types.Row;
import io.weir.sql.connectors.ChangelogMode;

/**
 * A translated part of a plan: its rows, the change kinds they may carry, and (for error messages)
 * the plan node that first made them an updating stream, or null while they are append-only.
 */
record ChangelogStream(DataStream<Row> rows, ChangelogMode mode, String updatingNode) {

    static ChangelogStream appendOnly(DataStream<Row> rows) {
        return new ChangelogStream(rows, ChangelogMode.insertOnly(), null);
    }

    ChangelogStream withRows(DataStream<Row> newRows) {
        return new ChangelogStream(newRows, mode, updatingNode);
    }
}
