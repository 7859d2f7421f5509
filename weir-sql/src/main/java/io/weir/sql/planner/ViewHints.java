package io.weir.sql.planner;

import io.weir.sql.api.ValidationException;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlHint;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * OPTIONS hints belong on tables: a view's rows come from its query, which has no connector
 * whose options a hint could change. As in Flink, {@code FROM v /*+ OPTIONS(...) *}{@code /} on a
 * view is an error rather than a hint that is silently dropped.
 */
final class ViewHints {

    private ViewHints() {
    }

    /** Fails, at the hinted reference, if {@code statement} puts an OPTIONS hint on a view. */
    static void refuseOptionsOnViews(SqlNode statement, Prepare.CatalogReader catalog) {
        statement.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (call.getKind() == SqlKind.TABLE_REF && hasOptions(call.operand(1))
                        && call.operand(0) instanceof SqlIdentifier name) {
                    RelOptTable table = catalog.getTable(name.names);
                    if (table != null && table.unwrap(StoredViewTable.class) != null) {
                        throw refused(String.join(".", table.getQualifiedName()), call.getParserPosition());
                    }
                }
                return super.visit(call);
            }
        });
    }

    private static boolean hasOptions(SqlNode hints) {
        if (hints instanceof SqlNodeList list) {
            for (SqlNode hint : list) {
                if (hint instanceof SqlHint h && h.getName().equalsIgnoreCase("OPTIONS")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static ValidationException refused(String view, SqlParserPos pos) {
        String detail = "View " + view + " cannot take an OPTIONS hint: hints can only be applied to tables;"
                + " put the hint on the table inside the view's query, or create a view that reads the table"
                + " with the hint";
        int line = Math.max(1, pos.getLineNum());
        int column = Math.max(1, pos.getColumnNum());
        int endLine = Math.max(line, pos.getEndLineNum());
        int endColumn = endLine == line ? Math.max(column, pos.getEndColumnNum()) : Math.max(1, pos.getEndColumnNum());
        return new ValidationException(detail, line, column, endLine, endColumn, null, null);
    }
}
