package io.weir.sql.planner;

import io.weir.sql.parser.StatementPlaces;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Rewrites {@code SESSION(TABLE t PARTITION BY (k, ...), DESCRIPTOR(ts), gap)} into
 * {@code SESSION(TABLE t, DESCRIPTOR(ts), gap, DESCRIPTOR(k, ...))} before validation. Calcite parses
 * the partitioned table argument as a set-semantics table, but converts it to a plan only when
 * sub-queries are expanded (CALCITE-6204), which Weir's planner does not do; as a descriptor the keys
 * are resolved against the table like the time column, and reach the plan as field references. An
 * {@code ORDER BY} in the table argument is refused: Flink's SESSION takes none. The tree is changed
 * in place.
 */
final class SessionPartitionRewriter {

    private SessionPartitionRewriter() {
    }

    static void rewrite(SqlNode node) {
        if (node instanceof SqlNodeList list) {
            for (SqlNode item : list) {
                rewrite(item);
            }
        } else if (node instanceof SqlCall call) {
            List<SqlNode> operands = call.getOperandList();
            for (int i = 0; i < operands.size(); i++) {
                SqlNode operand = operands.get(i);
                if (operand instanceof SqlCall session && isPartitionedSession(session)) {
                    call.setOperand(i, withKeysMoved(session));
                } else {
                    rewrite(operand);
                }
            }
        }
    }

    private static boolean isPartitionedSession(SqlCall call) {
        return call.getOperator().getName().toUpperCase(Locale.ROOT).equals("SESSION") && call.operandCount() == 3
                && call.operand(0).getKind() == SqlKind.SET_SEMANTICS_TABLE;
    }

    private static SqlCall withKeysMoved(SqlCall session) {
        SqlCall table = session.operand(0);
        List<SqlNode> parts = table.getOperandList();
        SqlNodeList orderKeys = (SqlNodeList) parts.get(2);
        if (orderKeys != null && !orderKeys.isEmpty()) {
            SqlParserPos pos = orderKeys.getParserPosition();
            throw StatementPlaces.error(pos, "SESSION takes PARTITION BY but no ORDER BY in its table argument; "
                    + "remove the ORDER BY (the session orders rows by the DESCRIPTOR's time column)");
        }
        SqlNodeList keys = (SqlNodeList) parts.get(1);
        SqlCall descriptor = SqlStdOperatorTable.DESCRIPTOR.createCall(keys.getParserPosition(), keys.getList());
        return session.getOperator().createCall(session.getParserPosition(), parts.get(0), session.operand(1),
                session.operand(2), descriptor);
    }
}
