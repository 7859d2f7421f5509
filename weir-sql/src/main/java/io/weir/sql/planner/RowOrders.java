package io.weir.sql.planner;

import io.weir.sql.runtime.rank.RowOrder;
import java.util.List;
import org.apache.calcite.rel.RelFieldCollation;

/** The runtime's row order of a plan's ORDER BY (a sort, a Top-N, an OVER window). */
final class RowOrders {

    private RowOrders() {
    }

    /** Compares rows by {@code collations}, each ascending or descending, nulls where it puts them. */
    static RowOrder of(List<RelFieldCollation> collations) {
        int[] fields = new int[collations.size()];
        boolean[] descending = new boolean[fields.length];
        boolean[] nullsFirst = new boolean[fields.length];
        for (int i = 0; i < fields.length; i++) {
            RelFieldCollation collation = collations.get(i);
            fields[i] = collation.getFieldIndex();
            descending[i] = collation.getDirection().isDescending();
            nullsFirst[i] = collation.nullDirection == RelFieldCollation.NullDirection.FIRST;
        }
        return new RowOrder(fields, descending, nullsFirst);
    }
}
