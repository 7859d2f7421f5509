package io.weir.sql.planner;

import java.util.List;
import java.util.Locale;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql2rel.SqlRexContext;

/**
 * The time attributes of a legacy group window: {@code TUMBLE_ROWTIME}, {@code HOP_ROWTIME},
 * {@code SESSION_ROWTIME} and the {@code _PROCTIME} forms, which Calcite does not know. They are
 * rewritten before validation, in place, as {@link SessionEndRewriter} rewrites SESSION_END:
 *
 * <ul>
 * <li>{@code TUMBLE_ROWTIME(ts, size)} becomes {@code $WINDOW_ROWTIME(TUMBLE_END(ts, size))} (the same for
 *     HOP and SESSION): the window's end minus 1 ms, as Flink's rowtime of a window result. The planner
 *     reads a {@code $WINDOW_ROWTIME} column as a rowtime attribute (see
 *     {@link TableScanTranslator#isRowtime}), so a window, interval join or OVER aggregate may follow;
 *     the window aggregate emits its rows before it forwards the watermark that fired them, so they
 *     are not late downstream.</li>
 * <li>{@code TUMBLE_PROCTIME(ts, size)} becomes {@code PROCTIME()}: the processing time at which the
 *     result row is computed, a processing-time attribute as Flink's is.</li>
 * <li>{@code TUMBLE_START(ts, size)} becomes {@code $WINDOW_BOUND(TUMBLE_START(ts, size))} (the same for
 *     {@code _END} and HOP and SESSION): over a {@code TIMESTAMP_LTZ} time (a processing time, or a
 *     TIMESTAMP_LTZ rowtime) the window's bound is a {@code TIMESTAMP(3)}, its wall time in the session
 *     time zone, as Flink's; over a TIMESTAMP rowtime it is the bound itself
 *     ({@link #convertBound}). TUMBLE and HOP windows over a TIMESTAMP_LTZ cut the session zone's
 *     wall time and keep their bounds as wall times (see {@link io.weir.sql.runtime.window.GroupWindowTimes}),
 *     which {@code $WINDOW_BOUND} reads as such and {@code $WINDOW_ROWTIME(end, TRUE)} turns into the
 *     instant the window fires ({@link #convertRowtime}).</li>
 * </ul>
 */
final class WindowTimeFunctions {

    /** The name of the end-minus-1-ms marker a window's rowtime column is computed with. */
    static final String WINDOW_ROWTIME = "$WINDOW_ROWTIME";

    private static final SqlFunction WINDOW_ROWTIME_FUNCTION = new SqlFunction(WINDOW_ROWTIME,
            SqlKind.OTHER_FUNCTION, ReturnTypes.ARG0, null, OperandTypes.DATETIME, SqlFunctionCategory.TIMEDATE);

    /** The name of the wrapper that makes a window's start or end a TIMESTAMP (see {@link #convertBound}). */
    static final String WINDOW_BOUND = "$WINDOW_BOUND";

    /**
     * A window's start or end: a TIMESTAMP of the bound's precision where the bound is a TIMESTAMP_LTZ,
     * NOT NULL as Flink types it there (its DESCRIBE of such windows shows {@code TIMESTAMP(3) NOT NULL},
     * and a TIMESTAMP rowtime's bounds with the rowtime's nullability).
     */
    private static final SqlReturnTypeInference BOUND_TYPE = binding -> {
        RelDataType bound = binding.getOperandType(0);
        if (bound.getSqlTypeName() != SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE) {
            return bound;
        }
        RelDataTypeFactory factory = binding.getTypeFactory();
        return factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.TIMESTAMP, bound.getPrecision()),
                false);
    };

    static final SqlFunction WINDOW_BOUND_FUNCTION = new SqlFunction(WINDOW_BOUND, SqlKind.OTHER_FUNCTION,
            BOUND_TYPE, null, OperandTypes.DATETIME, SqlFunctionCategory.TIMEDATE);

    private static final List<String> WINDOWS = List.of("TUMBLE", "HOP", "SESSION");

    private WindowTimeFunctions() {
    }

    /** The operator table with {@code $WINDOW_ROWTIME}, which the rewritten calls resolve to. */
    static SqlOperatorTable operatorTable() {
        return SqlOperatorTables.of(WINDOW_ROWTIME_FUNCTION, WINDOW_BOUND_FUNCTION);
    }

    /**
     * Converts {@code $WINDOW_BOUND(bound)}: the bound converted, cast to TIMESTAMP (its wall time in
     * the session time zone) where it is a TIMESTAMP_LTZ; otherwise the bound itself.
     */
    static RexNode convertBound(SqlRexContext context, SqlCall call) {
        RexNode bound = context.convertExpression(call.operand(0));
        RelDataType type = context.getValidator().getValidatedNodeType(call);
        if (bound.getType().getSqlTypeName() == type.getSqlTypeName()) {
            return bound;
        }
        return wallTimeWindow(call.operand(0)) ? context.getRexBuilder().makeCall(type, WINDOW_BOUND_FUNCTION, List.of(bound))
                : context.getRexBuilder().makeCast(type, bound);
    }

    /**
     * Converts {@code $WINDOW_ROWTIME(end)}: over a TUMBLE's or HOP's end of a TIMESTAMP_LTZ time, which
     * is a wall time ({@link io.weir.sql.runtime.window.GroupWindowTimes}), {@code $WINDOW_ROWTIME(end,
     * TRUE)}, which the code turns into the instant the window fires in the session time zone.
     */
    static RexNode convertRowtime(SqlRexContext context, SqlCall call) {
        RexNode end = context.convertExpression(call.operand(0));
        RelDataType type = context.getValidator().getValidatedNodeType(call);
        List<RexNode> operands = end.getType().getSqlTypeName() == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE
                && wallTimeWindow(call.operand(0)) ? List.of(end, context.getRexBuilder().makeLiteral(true)) : List.of(end);
        return context.getRexBuilder().makeCall(type, WINDOW_ROWTIME_FUNCTION, operands);
    }

    /**
     * Whether {@code bound} is a TUMBLE's or HOP's start or end: over a TIMESTAMP_LTZ time those
     * windows cut the session zone's wall time and their bounds are kept as wall times; a SESSION's
     * bounds are instants (the first row's time, the last's plus the gap).
     */
    private static boolean wallTimeWindow(SqlNode bound) {
        String name = bound instanceof SqlCall call ? call.getOperator().getName().toUpperCase(Locale.ROOT) : "";
        return name.startsWith("TUMBLE_") || name.startsWith("HOP_");
    }

    /** Rewrites the {@code _ROWTIME}/{@code _PROCTIME} calls in {@code node}, in place. */
    static void rewrite(SqlNode node) {
        if (node instanceof SqlCall call && (call.getOperator() == WINDOW_ROWTIME_FUNCTION
                || call.getOperator() == WINDOW_BOUND_FUNCTION)) {
            return; // rewritten already (a statement planned twice)
        }
        if (node instanceof SqlNodeList list) {
            for (int i = 0; i < list.size(); i++) {
                SqlNode replacement = replacement(list.get(i));
                if (replacement != null) {
                    list.set(i, replacement);
                } else {
                    rewrite(list.get(i));
                }
            }
        } else if (node instanceof SqlCall call) {
            List<SqlNode> operands = call.getOperandList();
            for (int i = 0; i < operands.size(); i++) {
                SqlNode replacement = replacement(operands.get(i));
                if (replacement != null) {
                    call.setOperand(i, replacement);
                } else {
                    rewrite(operands.get(i));
                }
            }
        }
    }

    private static SqlNode replacement(SqlNode node) {
        if (!(node instanceof SqlCall call)) {
            return null;
        }
        String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
        int underscore = name.indexOf('_');
        if (underscore < 0 || !WINDOWS.contains(name.substring(0, underscore))) {
            return null;
        }
        String window = name.substring(0, underscore);
        String property = name.substring(underscore + 1);
        SqlParserPos pos = call.getParserPosition();
        return switch (property) {
            case "ROWTIME" -> WINDOW_ROWTIME_FUNCTION.createCall(pos,
                    endFunction(window).createCall(pos, call.getOperandList()));
            case "PROCTIME" -> ProctimeFunction.INSTANCE.createCall(pos);
            case "START", "END" -> WINDOW_BOUND_FUNCTION.createCall(pos, call);
            default -> null;
        };
    }

    private static SqlOperator endFunction(String window) {
        return switch (window) {
            case "TUMBLE" -> SqlStdOperatorTable.TUMBLE_END;
            case "HOP" -> SqlStdOperatorTable.HOP_END;
            // SessionEndRewriter turns it into MAX(ts) + gap.
            default -> SqlStdOperatorTable.SESSION_END;
        };
    }
}
