package io.weir.sql.planner;

import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Rewrites the legacy {@code SESSION_END(ts, gap)} into {@code MAX(ts) + gap} before validation.
 * Calcite gives {@code SESSION_END} the group key's value, which is the session's start (it has no
 * way to know the end); a session ends {@code gap} after its last row, so {@code MAX(ts) + gap} is
 * exactly Flink's {@code SESSION_END}. {@code SESSION_START} stays the group key, which the session
 * window aggregate fills with the session's first row time. The tree is changed in place (DDL and
 * INSERT nodes cannot be copied generically).
 */
final class SessionEndRewriter {

    private SessionEndRewriter() {
    }

    static void rewrite(SqlNode node) {
        if (node instanceof SqlNodeList list) {
            for (int i = 0; i < list.size(); i++) {
                SqlNode item = list.get(i);
                if (isSessionEnd(item)) {
                    list.set(i, replacement((SqlCall) item));
                } else {
                    rewrite(item);
                }
            }
        } else if (node instanceof SqlCall call) {
            List<SqlNode> operands = call.getOperandList();
            for (int i = 0; i < operands.size(); i++) {
                SqlNode operand = operands.get(i);
                if (isSessionEnd(operand)) {
                    call.setOperand(i, replacement((SqlCall) operand));
                } else {
                    rewrite(operand);
                }
            }
        }
    }

    private static boolean isSessionEnd(SqlNode node) {
        return node instanceof SqlCall call && call.operandCount() == 2
                && call.getOperator().getName().toUpperCase(Locale.ROOT).equals("SESSION_END");
    }

    private static SqlNode replacement(SqlCall sessionEnd) {
        SqlParserPos pos = sessionEnd.getParserPosition();
        SqlNode time = sessionEnd.operand(0);
        SqlNode gap = sessionEnd.operand(1);
        SqlNode max = SqlStdOperatorTable.MAX.createCall(pos, time);
        return SqlStdOperatorTable.PLUS.createCall(pos, max, gap);
    }
}
