package io.weir.sql.planner;

import io.weir.sql.runtime.join.IntervalBounds;
import java.util.List;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Recognises an interval join: an inner join whose condition bounds one input's rowtime by the
 * other's from both sides, e.g. {@code b.ts BETWEEN a.ts - INTERVAL '5' SECOND AND a.ts}. Such a
 * join's stored rows can be dropped as the watermark passes ({@link IntervalBounds}); it is still
 * the regular join otherwise, with the same results.
 */
final class IntervalJoins {

    private IntervalJoins() {
    }

    /** A rowtime field plus a constant offset in milliseconds. */
    private record TimeTerm(int field, long offset) {
    }

    /** The bounds of {@code join}'s non-equi conditions on the inputs' rowtimes, or null if it has none on both sides. */
    static IntervalBounds bounds(Join join, List<RexNode> nonEquiConditions) {
        int leftCount = join.getLeft().getRowType().getFieldCount();
        Integer leftTime = null;
        Integer rightTime = null;
        Long lower = null;
        Long upper = null;
        for (RexNode condition : nonEquiConditions) {
            if (!(condition instanceof RexCall call) || call.getOperands().size() != 2) {
                continue;
            }
            TimeTerm a = term(call.getOperands().get(0));
            TimeTerm b = term(call.getOperands().get(1));
            if (a == null || b == null || (a.field() < leftCount) == (b.field() < leftCount)) {
                continue;
            }
            SqlKind kind = call.getKind();
            if (a.field() >= leftCount) { // write it as left OP right
                TimeTerm swap = a;
                a = b;
                b = swap;
                kind = kind.reverse();
            }
            if (!isRowtime(join, a.field(), leftCount) || !isRowtime(join, b.field(), leftCount)
                    || (leftTime != null && (leftTime != a.field() || rightTime != b.field() - leftCount))) {
                continue;
            }
            // left + a.offset OP right + b.offset  <=>  left - right OP b.offset - a.offset
            long bound = b.offset() - a.offset();
            switch (kind) {
                case GREATER_THAN_OR_EQUAL -> lower = lower == null ? bound : Math.max(lower, bound);
                case GREATER_THAN -> lower = lower == null ? bound + 1 : Math.max(lower, bound + 1);
                case LESS_THAN_OR_EQUAL -> upper = upper == null ? bound : Math.min(upper, bound);
                case LESS_THAN -> upper = upper == null ? bound - 1 : Math.min(upper, bound - 1);
                default -> {
                    continue;
                }
            }
            leftTime = a.field();
            rightTime = b.field() - leftCount;
        }
        return lower == null || upper == null ? null : new IntervalBounds(leftTime, rightTime, lower, upper);
    }

    private static boolean isRowtime(Join join, int field, int leftCount) {
        return field < leftCount ? TableScanTranslator.isRowtime(join.getLeft(), field)
                : TableScanTranslator.isRowtime(join.getRight(), field - leftCount);
    }

    /** {@code $f}, {@code $f + interval} or {@code $f - interval}; null for anything else. */
    private static TimeTerm term(RexNode node) {
        if (node instanceof RexInputRef ref) {
            return new TimeTerm(ref.getIndex(), 0);
        }
        if (node instanceof RexCall call && (call.getKind() == SqlKind.PLUS || call.getKind() == SqlKind.MINUS)
                && call.getOperands().get(0) instanceof RexInputRef ref
                && call.getOperands().get(1) instanceof RexLiteral literal
                && SqlTypeName.DAY_INTERVAL_TYPES.contains(literal.getType().getSqlTypeName())) {
            long millis = literal.getValueAs(Long.class);
            return new TimeTerm(ref.getIndex(), call.getKind() == SqlKind.PLUS ? millis : -millis);
        }
        return null;
    }
}
