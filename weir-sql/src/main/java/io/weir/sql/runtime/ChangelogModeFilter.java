package io.weir.sql.runtime;

import io.weir.api.functions.FilterFunction;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import io.weir.sql.connectors.ChangelogMode;

/**
 * Narrows a table's changelog to the kinds of a {@link ChangelogMode}, for
 * {@code toChangelogStream(table, schema, mode)}: in an upsert mode (updates without {@code -U}) each
 * {@code -U} is dropped, as Flink does, since the {@code +U} after it replaces the row of its key; a
 * row of another kind the mode lacks fails the job with the kind and the mode, since dropping it would
 * give a wrong result.
 */
public final class ChangelogModeFilter implements FilterFunction<Row> {

    private static final long serialVersionUID = 1L;

    private final ChangelogMode mode;
    private final boolean dropUpdateBefore;

    public ChangelogModeFilter(ChangelogMode mode) {
        this.mode = mode;
        this.dropUpdateBefore = mode.contains(RowKind.UPDATE_AFTER) && !mode.contains(RowKind.UPDATE_BEFORE);
    }

    @Override
    public boolean filter(Row row) {
        RowKind kind = row.getKind();
        if (mode.contains(kind)) {
            return true;
        }
        if (kind == RowKind.UPDATE_BEFORE && dropUpdateBefore) {
            return false;
        }
        throw new IllegalStateException("toChangelogStream: the table produced a " + kind + " row " + row
                + ", which changelog mode " + mode + " does not contain; convert it with a mode that has "
                + kind + ", e.g. ChangelogMode.all()");
    }
}
