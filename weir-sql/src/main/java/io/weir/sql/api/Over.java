package io.weir.sql.api;

import io.weir.sql.expressions.Expression;
import java.util.Arrays;
import java.util.List;

/**
 * Over windows (Flink's {@code Over}):
 * {@code Over.partitionBy($("k")).orderBy($("ts")).preceding(UNBOUNDED_RANGE).as("w")}, then
 * {@code table.window(w).select($("k"), $("v").sum().over($("w")))}. The order must be a rowtime
 * column; the preceding bound is {@code UNBOUNDED_RANGE} (the default), {@code UNBOUNDED_ROW},
 * {@code rowInterval(n)} or a time interval ({@code lit(10).seconds()}).
 */
public final class Over {

    private Over() {
    }

    public static OverWindowPartitioned partitionBy(Expression... partitionBy) {
        return new OverWindowPartitioned(Arrays.stream(partitionBy).map(ApiExpression::text).toList());
    }

    /** An over window of one partition (all rows in one subtask). */
    public static OverWindowPartitionedOrdered orderBy(Expression orderBy) {
        return new OverWindowPartitioned(List.of()).orderBy(orderBy);
    }

    /** An over window with its partition keys; {@link #orderBy} gives the time attribute. */
    public static final class OverWindowPartitioned {
        private final List<String> partitionBy;

        OverWindowPartitioned(List<String> partitionBy) {
            this.partitionBy = partitionBy;
        }

        public OverWindowPartitionedOrdered orderBy(Expression orderBy) {
            return new OverWindowPartitionedOrdered(partitionBy, ApiExpression.text(orderBy), null);
        }
    }

    /** An ordered over window; {@link #preceding} sets its start, {@link #as} names it. */
    public static class OverWindowPartitionedOrdered {
        final List<String> partitionBy;
        final String orderBy;
        final String preceding;

        OverWindowPartitionedOrdered(List<String> partitionBy, String orderBy, String preceding) {
            this.partitionBy = partitionBy;
            this.orderBy = orderBy;
            this.preceding = preceding;
        }

        public OverWindowPartitionedOrderedPreceding preceding(Expression preceding) {
            return new OverWindowPartitionedOrderedPreceding(partitionBy, orderBy, ApiExpression.text(preceding));
        }

        public OverWindow as(String alias) {
            return as(Expressions.$(alias));
        }

        public OverWindow as(Expression alias) {
            return new OverWindow(ApiExpression.text(alias).replace("`", ""), partitionBy, orderBy,
                    preceding == null ? OverWindow.UNBOUNDED_RANGE : preceding, null);
        }
    }

    /** An over window with its start; {@link #following} may set its end ({@code CURRENT_ROW} or {@code CURRENT_RANGE}). */
    public static final class OverWindowPartitionedOrderedPreceding extends OverWindowPartitionedOrdered {
        private String following;

        OverWindowPartitionedOrderedPreceding(List<String> partitionBy, String orderBy, String preceding) {
            super(partitionBy, orderBy, preceding);
        }

        public OverWindowPartitionedOrderedPreceding following(Expression following) {
            OverWindowPartitionedOrderedPreceding copy = new OverWindowPartitionedOrderedPreceding(partitionBy, orderBy,
                    preceding);
            copy.following = ApiExpression.text(following);
            return copy;
        }

        @Override
        public OverWindow as(Expression alias) {
            return new OverWindow(ApiExpression.text(alias).replace("`", ""), partitionBy, orderBy, preceding, following);
        }
    }
}
