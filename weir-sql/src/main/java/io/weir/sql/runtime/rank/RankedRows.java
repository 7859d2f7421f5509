package io.weir.sql.runtime.rank;

import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Numbers a partition's sorted rows by a {@link RankKind} and cuts them at N: the shared arithmetic
 * of Top-N and window Top-N. Rows equal in the order are ties for RANK and DENSE_RANK.
 */
final class RankedRows {

    private RankedRows() {
    }

    /** The rows of {@code sorted} whose number is within {@code limit}, each followed by its number, as +I rows. */
    static List<Row> numbered(List<Row> sorted, RowOrder order, RankKind kind, long limit) {
        List<Row> result = new ArrayList<>();
        long number = 0;
        for (int i = 0; i < sorted.size(); i++) {
            number = kind.next(number, i, i > 0 && order.compare(sorted.get(i - 1), sorted.get(i)) == 0);
            if (number > limit) {
                break;
            }
            result.add(withNumber(sorted.get(i), number));
        }
        return result;
    }

    /** Drops the rows of {@code sorted} whose number is beyond {@code limit}. */
    static void trim(List<Row> sorted, RowOrder order, RankKind kind, long limit) {
        long number = 0;
        for (int i = 0; i < sorted.size(); i++) {
            number = kind.next(number, i, i > 0 && order.compare(sorted.get(i - 1), sorted.get(i)) == 0);
            if (number > limit) {
                sorted.subList(i, sorted.size()).clear();
                return;
            }
        }
    }

    /** After the last row that sorts before or equal to {@code row}: equal rows keep arrival order. */
    static int insertionPoint(List<Row> sorted, Row row, RowOrder order) {
        int low = 0;
        int high = sorted.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (order.compare(sorted.get(middle), row) <= 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private static Row withNumber(Row row, long number) {
        Row out = new Row(RowKind.INSERT, row.getArity() + 1);
        for (int i = 0; i < row.getArity(); i++) {
            out.setField(i, row.getField(i));
        }
        out.setField(row.getArity(), number);
        return out;
    }
}
