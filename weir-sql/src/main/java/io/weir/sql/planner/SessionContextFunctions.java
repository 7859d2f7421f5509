package io.weir.sql.planner;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Replaces Flink's {@code CURRENT_DATABASE()} and {@code CURRENT_CATALOG} by the session's current
 * database and catalog, as {@code STRING NOT NULL} constants, before validation: their value is
 * fixed when the statement is planned, as in Flink. The tree is changed in place.
 */
final class SessionContextFunctions {

    private static final Set<String> NAMES = Set.of("CURRENT_DATABASE", "CURRENT_CATALOG");

    private SessionContextFunctions() {
    }

    static void rewrite(SqlNode node, String catalog, String database) {
        if (node instanceof SqlNodeList list) {
            for (int i = 0; i < list.size(); i++) {
                SqlNode item = list.get(i);
                if (isContextFunction(item)) {
                    list.set(i, replacement(item, catalog, database));
                } else {
                    rewrite(item, catalog, database);
                }
            }
        } else if (node instanceof SqlCall call) {
            List<SqlNode> operands = call.getOperandList();
            for (int i = 0; i < operands.size(); i++) {
                SqlNode operand = operands.get(i);
                if (isContextFunction(operand)) {
                    call.setOperand(i, replacement(operand, catalog, database));
                } else {
                    rewrite(operand, catalog, database);
                }
            }
        }
    }

    /** A call {@code CURRENT_DATABASE()}, or {@code CURRENT_CATALOG}, which the parser reads as an unquoted name. */
    private static boolean isContextFunction(SqlNode node) {
        if (node instanceof SqlIdentifier id) {
            return id.isSimple() && !id.isComponentQuoted(0) && id.getSimple().equalsIgnoreCase("CURRENT_CATALOG");
        }
        return node instanceof SqlCall call && call.operandCount() == 0
                && NAMES.contains(call.getOperator().getName().toUpperCase(Locale.ROOT));
    }

    private static String name(SqlNode node) {
        return node instanceof SqlIdentifier id ? id.getSimple().toUpperCase(Locale.ROOT)
                : ((SqlCall) node).getOperator().getName().toUpperCase(Locale.ROOT);
    }

    private static SqlNode replacement(SqlNode call, String catalog, String database) {
        SqlParserPos pos = call.getParserPosition();
        String value = name(call).equals("CURRENT_CATALOG") ? catalog : database;
        SqlDataTypeSpec string = new SqlDataTypeSpec(
                new SqlBasicTypeNameSpec(SqlTypeName.VARCHAR, Integer.MAX_VALUE, pos), pos);
        return SqlStdOperatorTable.CAST.createCall(pos, SqlLiteral.createCharString(value, pos), string);
    }
}
