package io.weir.sql.runtime.rank;

import io.weir.api.functions.Collector;
import io.weir.api.functions.FlatMapFunction;
import io.weir.api.types.Row;
import java.util.ArrayList;
import java.util.List;

/**
 * The local half of a Top-N without {@code PARTITION BY} over append-only input: runs in every
 * subtask of the input, before the exchange to the one subtask that ranks all rows, and forwards
 * only the rows that are within the first N of the rows this subtask has seen. The rest cannot be
 * in the result: N rows of this subtask alone come before each of them (for {@code RANK()} and
 * {@code DENSE_RANK()}: its rank among this subtask's rows is already beyond N, and more rows only
 * raise it), and since the input is append-only nothing can take those N rows back. Rows equal in
 * the order are in arrival order, as in the global {@link RankFunction}, which receives this
 * subtask's rows in the order they arrive here.
 *
 * <p>Its rows are not checkpointed: after a restore it starts empty and forwards more rows than
 * needed for a while, which leaves the result unchanged (a row within the first N of all rows is
 * within the first N of any subset of them that holds it).
 *
 * <p>Threading: called by the task's thread only.
 */
public final class LocalRankFilter implements FlatMapFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    private final RowOrder order;
    private final RankKind kind;
    private final long limit;
    private transient List<Row> best;

    /** @param limit N: rows numbered beyond it are dropped */
    public LocalRankFilter(RowOrder order, RankKind kind, long limit) {
        this.order = order;
        this.kind = kind;
        this.limit = limit;
    }

    @Override
    public void flatMap(Row row, Collector<Row> out) {
        if (best == null) {
            best = new ArrayList<>();
        }
        int at = RankedRows.insertionPoint(best, row, order);
        if (at == best.size() && kind == RankKind.ROW_NUMBER && best.size() >= limit) {
            return; // after (or tied with, and so after) the N-th row: numbered beyond N
        }
        best.add(at, Row.copy(row));
        RankedRows.trim(best, order, kind, limit);
        if (at < best.size()) {
            out.collect(row);
        }
    }
}
