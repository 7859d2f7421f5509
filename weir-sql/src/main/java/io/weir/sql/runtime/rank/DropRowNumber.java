package io.weir.sql.runtime.rank;

import io.weir.api.functions.Collector;
import io.weir.api.functions.FlatMapFunction;
import io.weir.api.types.Row;

/**
 * The rows of a Top-N after an offset, without their row number (the last field): what
 * {@code ORDER BY ... LIMIT n OFFSET m} returns. A change at position m or above is dropped.
 */
public final class DropRowNumber implements FlatMapFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    private final long offset;

    public DropRowNumber(long offset) {
        this.offset = offset;
    }

    @Override
    public void flatMap(Row numbered, Collector<Row> out) {
        int arity = numbered.getArity() - 1;
        if ((Long) numbered.getField(arity) <= offset) {
            return;
        }
        Row row = new Row(numbered.getKind(), arity);
        for (int i = 0; i < arity; i++) {
            row.setField(i, numbered.getField(i));
        }
        out.collect(row);
    }
}
