package io.weir.sql.parser.dml;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code EXECUTE STATEMENT SET BEGIN insert; insert; ... END}: several INSERTs planned together
 * and run as one job.
 */
public final class SqlStatementSet extends SqlCall {

    private static final SqlOperator OPERATOR = new SqlSpecialOperator("STATEMENT SET", SqlKind.OTHER);

    private final List<SqlInsert> inserts = new ArrayList<>();

    public SqlStatementSet(SqlParserPos pos, List<SqlNode> inserts) {
        super(pos);
        for (SqlNode insert : inserts) {
            this.inserts.add((SqlInsert) insert);
        }
    }

    public List<SqlInsert> inserts() {
        return inserts;
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return new ArrayList<>(inserts);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("EXECUTE STATEMENT SET BEGIN");
        for (SqlInsert insert : inserts) {
            writer.newlineAndIndent();
            insert.unparse(writer, 0, 0);
            writer.sep(";");
        }
        writer.newlineAndIndent();
        writer.keyword("END");
    }
}
