package io.weir.sql.planner;

import io.weir.sql.catalog.FunctionCatalog;
import io.weir.sql.functions.TemporalTableFunction;
import io.weir.sql.parser.StatementPlaces;
import io.weir.sql.parser.StatementPlaces.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.JoinType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlSnapshot;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * Rewrites a join with a temporal table function, {@code FROM o, LATERAL TABLE(rates(o.t)) AS r WHERE c},
 * before validation into the temporal join it stands for, {@code FROM o JOIN v FOR SYSTEM_TIME AS OF o.t
 * AS r ON c}, where {@code v} is the function's versioned view (its history deduplicated to the latest
 * row per key), registered in every database under {@link #versionedViewName}. As in Flink, such a
 * join is an inner join of the probe table with one function call, and its WHERE clause holds the key
 * equality.
 */
final class TemporalTableFunctionJoins {

    private TemporalTableFunctionJoins() {
    }

    /** The hidden name of a function's versioned view: '$' cannot start an unquoted name. */
    static String versionedViewName(String functionName) {
        return "$versions$" + functionName.toLowerCase(Locale.ROOT);
    }

    static void rewrite(SqlNode statement, FunctionCatalog functions, List<String> path) {
        if (functions.systemFunctions().values().stream().noneMatch(f -> f instanceof TemporalTableFunction)) {
            return;
        }
        statement.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (call instanceof SqlSelect select) {
                    rewriteSelect(select, functions, path);
                }
                return super.visit(call);
            }
        });
    }

    private static void rewriteSelect(SqlSelect select, FunctionCatalog functions, List<String> path) {
        if (!(select.getFrom() instanceof SqlJoin join)) {
            return;
        }
        List<SqlNode> aliases = new ArrayList<>();
        SqlCall call = functionCall(join.getRight(), aliases);
        if (call == null || temporalFunction(call, functions).isEmpty()) {
            return;
        }
        String name = call.getOperator().getName();
        if (join.getJoinType() != JoinType.COMMA && join.getJoinType() != JoinType.CROSS) {
            throw StatementPlaces.error(Subject.call(name), "Temporal table function " + name + " joins as FROM t, LATERAL TABLE("
                    + name + "(t.time)) WHERE <key equality>; Flink and Weir run it as an inner join only");
        }
        if (call.operandCount() != 1) {
            throw StatementPlaces.error(Subject.call(name), "Temporal table function " + name + " takes one argument, the probe "
                    + "table's time attribute: LATERAL TABLE(" + name + "(o.order_time))");
        }
        if (select.getWhere() == null) {
            throw StatementPlaces.error(Subject.call(name), "The join with temporal table function " + name + " needs its key equality "
                    + "in the WHERE clause, e.g. WHERE r.currency = o.currency");
        }
        SqlParserPos pos = call.getParserPosition();
        SqlIdentifier view = new SqlIdentifier(List.of(path.get(0), path.get(1), versionedViewName(name)), pos);
        List<SqlNode> operands = new ArrayList<>();
        operands.add(new SqlSnapshot(pos, view, call.operand(0)));
        if (aliases.isEmpty()) {
            operands.add(new SqlIdentifier(name, pos));
        } else {
            operands.addAll(aliases);
        }
        SqlNode right = SqlStdOperatorTable.AS.createCall(pos, operands);
        select.setFrom(new SqlJoin(join.getParserPosition(), join.getLeft(), SqlLiteral.createBoolean(false, pos),
                JoinType.INNER.symbol(pos), right, JoinConditionType.ON.symbol(pos), select.getWhere()));
        select.setWhere(null);
    }

    /** The function call of {@code [LATERAL] TABLE(f(...)) [AS r [(a, b)]]}; the alias and column names go to {@code aliases}. */
    private static SqlCall functionCall(SqlNode node, List<SqlNode> aliases) {
        if (node.getKind() == SqlKind.AS) {
            List<SqlNode> operands = ((SqlCall) node).getOperandList();
            aliases.addAll(operands.subList(1, operands.size()));
            node = operands.get(0);
        }
        if (node.getKind() == SqlKind.LATERAL) {
            node = ((SqlCall) node).operand(0);
        }
        if (node.getKind() == SqlKind.COLLECTION_TABLE && ((SqlCall) node).operand(0) instanceof SqlCall call) {
            return call;
        }
        return null;
    }

    private static Optional<TemporalTableFunction> temporalFunction(SqlCall call, FunctionCatalog functions) {
        return functions.systemFunction(call.getOperator().getName())
                .filter(f -> f instanceof TemporalTableFunction).map(f -> (TemporalTableFunction) f);
    }
}
