package io.weir.sql.planner;

import io.weir.api.types.TypeInformation;
import io.weir.sql.api.ValidationException;
import io.weir.sql.runtime.agg.BoundAggregate;
import io.weir.sql.runtime.agg.LagSlot;
import io.weir.sql.runtime.agg.RankingSlot;
import io.weir.sql.runtime.rank.RowOrder;
import io.weir.sql.runtime.window.BatchOverFunction;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rel.logical.LogicalWindow;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * The ranking and offset functions of OVER windows ({@code ROW_NUMBER}, {@code RANK}, {@code
 * DENSE_RANK}, {@code PERCENT_RANK}, {@code CUME_DIST}, {@code NTILE}, {@code LAG}, {@code LEAD}), which
 * Flink runs as its planner's mode allows: in STREAMING mode LAG and the three ranks over a time order
 * (as OVER aggregates: {@link LagSlot}, {@link RankingSlot}), while LEAD, NTILE, CUME_DIST and
 * PERCENT_RANK need the whole partition and run in BATCH mode only; in BATCH mode all of them over a
 * partition sorted by any order ({@link BatchOverFunction}). What a mode cannot run is refused with
 * Flink's message, at the call's place in the statement.
 */
final class OverWindowFunctions {

    /** The ranking and offset functions. */
    static final Set<SqlKind> KINDS = EnumSet.of(SqlKind.ROW_NUMBER, SqlKind.RANK, SqlKind.DENSE_RANK,
            SqlKind.PERCENT_RANK, SqlKind.CUME_DIST, SqlKind.NTILE, SqlKind.LAG, SqlKind.LEAD);

    /** Those Flink's streaming mode refuses: they need the rows after the current one, or the partition's size. */
    static final Set<SqlKind> BATCH_ONLY = EnumSet.of(SqlKind.LEAD, SqlKind.NTILE, SqlKind.CUME_DIST,
            SqlKind.PERCENT_RANK);

    private OverWindowFunctions() {
    }

    /** Flink's refusal of a batch-only function in streaming mode, and what to do. */
    static String streamingRefusal(SqlKind kind) {
        String name = kind.name();
        return name + " Function is not supported in stream mode (as in Flink: " + (kind == SqlKind.LEAD
                ? "LEAD needs rows that come after the current one"
                : name + " needs the size of the whole partition")
                + ", which an unbounded stream never has); run the query in BATCH mode over bounded input "
                + "(EnvironmentSettings.inBatchMode(), or SET 'execution.runtime-mode' = 'batch')"
                + (kind == SqlKind.LEAD ? ", or use LAG, which runs in streaming mode" : "");
    }

    /**
     * Refuses, at its place in the statement, a call Flink's streaming mode cannot run ({@code LEAD(x)
     * OVER (...)}, NTILE, CUME_DIST, PERCENT_RANK). Calls in views are refused when the plan is
     * translated, without a place.
     */
    static void refuseInStreaming(SqlNode statement) {
        statement.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (call.getKind() == SqlKind.OVER && call.operand(0) instanceof SqlCall function
                        && BATCH_ONLY.contains(function.getKind())) {
                    SqlParserPos pos = function.getParserPosition();
                    throw new ValidationException(streamingRefusal(function.getKind()), pos.getLineNum(),
                            pos.getColumnNum(), pos.getEndLineNum(), pos.getEndColumnNum(), null, null);
                }
                return super.visit(call);
            }
        });
    }

    static boolean isWindowFunction(AggregateCall call) {
        return KINDS.contains(call.getAggregation().getKind());
    }

    /** Whether every call of the window is a ranking or offset function (then BATCH mode sorts the partition). */
    static boolean allWindowFunctions(List<AggregateCall> calls) {
        return calls.stream().allMatch(OverWindowFunctions::isWindowFunction);
    }

    /**
     * A streaming OVER aggregate's binding of LAG or a rank: LAG over its value (and its default when
     * that is a column), a rank over the order key.
     *
     * @param orderField the window's (time) order field
     */
    static BoundAggregate streamingCall(LogicalWindow window, Window.Group group, AggregateCall call, int orderField) {
        SqlKind kind = call.getAggregation().getKind();
        int inputFields = window.getInput().getRowType().getFieldCount();
        if (BATCH_ONLY.contains(kind)) {
            throw new ValidationException(streamingRefusal(kind));
        }
        if (kind == SqlKind.LAG) {
            if (!group.lowerBound.isUnboundedPreceding()) {
                throw new ValidationException("LAG Function with retraction is not supported in stream mode (as in "
                        + "Flink: its frame must start at UNBOUNDED PRECEDING, the frame SQL gives LAG when the "
                        + "window names none); compute LAG over a window of its own");
            }
            List<Integer> args = call.getArgList();
            int value = args.get(0);
            if (value >= inputFields) {
                throw new ValidationException("LAG's first argument must be a column or an expression over the row, "
                        + "not a constant");
            }
            TypeInformation<?> valueType = RowTypes.fieldType(call.getType());
            int offset = args.size() > 1 ? offset(window, args.get(1), "LAG") : 1;
            Object constantDefault = null;
            int defaultField = -1;
            if (args.size() > 2) {
                if (args.get(2) >= inputFields) {
                    constantDefault = constantValue(window, args.get(2), valueType, "LAG");
                } else {
                    defaultField = args.get(2);
                }
            }
            LagSlot slot = new LagSlot(valueType, offset, constantDefault, defaultField >= 0);
            return BoundAggregate.ofArguments(slot, defaultField >= 0 ? new int[] {value, defaultField}
                    : new int[] {value}, call.filterArg);
        }
        RankingSlot.Kind ranking = switch (kind) {
            case ROW_NUMBER -> RankingSlot.Kind.ROW_NUMBER;
            case RANK -> RankingSlot.Kind.RANK;
            default -> RankingSlot.Kind.DENSE_RANK;
        };
        TypeInformation<?> keyType = RowTypes.fieldType(window.getInput().getRowType().getFieldList()
                .get(orderField).getType());
        return new BoundAggregate(new RankingSlot(ranking, keyType), ranking == RankingSlot.Kind.ROW_NUMBER ? -1
                : orderField, -1, false, keyType);
    }

    /** A BATCH mode call over the sorted partition. */
    static BatchOverFunction.Call batchCall(LogicalWindow window, AggregateCall call) {
        SqlKind kind = call.getAggregation().getKind();
        int inputFields = window.getInput().getRowType().getFieldCount();
        List<Integer> args = call.getArgList();
        boolean intResult = call.getType().getSqlTypeName() == SqlTypeName.INTEGER;
        BatchOverFunction.Kind batchKind = BatchOverFunction.Kind.valueOf(kind.name());
        if (kind == SqlKind.NTILE) {
            long buckets = offset(window, args.get(0), "NTILE");
            if (buckets <= 0) {
                throw new ValidationException("NTILE's argument must be a positive number of buckets, not " + buckets);
            }
            return new BatchOverFunction.Call(batchKind, -1, buckets, null, -1, intResult);
        }
        if (kind != SqlKind.LAG && kind != SqlKind.LEAD) {
            return new BatchOverFunction.Call(batchKind, -1, 0, null, -1, intResult);
        }
        String name = kind.name();
        int value = args.get(0);
        if (value >= inputFields) {
            throw new ValidationException(name + "'s first argument must be a column or an expression over the row, "
                    + "not a constant");
        }
        int offset = args.size() > 1 ? offset(window, args.get(1), name) : 1;
        Object constantDefault = null;
        int defaultField = -1;
        if (args.size() > 2) {
            if (args.get(2) >= inputFields) {
                constantDefault = constantValue(window, args.get(2), RowTypes.fieldType(call.getType()), name);
            } else {
                defaultField = args.get(2);
            }
        }
        return new BatchOverFunction.Call(batchKind, value, offset, constantDefault, defaultField, intResult);
    }

    /** The window's ORDER BY, nulls where the collation puts them. */
    static RowOrder order(Window.Group group) {
        return RowOrders.of(group.orderKeys.getFieldCollations());
    }

    private static RexNode constant(LogicalWindow window, int index) {
        return window.constants.get(index - window.getInput().getRowType().getFieldCount());
    }

    /** An offset (LAG/LEAD) or bucket count (NTILE): a whole-number constant. */
    private static int offset(LogicalWindow window, int index, String function) {
        RexNode node = index >= window.getInput().getRowType().getFieldCount() ? constant(window, index) : null;
        if (!(node instanceof RexLiteral literal) || literal.getValueAs(BigDecimal.class) == null) {
            throw new ValidationException(function + "'s " + (function.equals("NTILE") ? "number of buckets" : "offset")
                    + " must be a whole-number constant");
        }
        int offset = literal.getValueAs(BigDecimal.class).intValueExact();
        if (offset < 0) {
            throw new ValidationException(function + "'s offset must not be negative, not " + offset
                    + " (as in Flink: Offset(" + offset + ") should be positive)");
        }
        return offset;
    }

    private static Object constantValue(LogicalWindow window, int index, TypeInformation<?> type, String function) {
        RexLiteral literal = (RexLiteral) constant(window, index);
        if (literal.isNull()) {
            return null;
        }
        Class<?> javaClass = type.getTypeClass();
        try {
            Object value = literal.getValueAs(javaClass);
            if (value != null) {
                return value;
            }
        } catch (RuntimeException e) {
            // not convertible: the error below
        }
        throw new ValidationException(function + "'s default " + literal + " cannot be a " + javaClass.getSimpleName()
                .toLowerCase(Locale.ROOT) + " constant; CAST it to the type of the first argument, or give a column");
    }
}
