package io.weir.sql.parser.ddl;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code [CONSTRAINT name] PRIMARY KEY (a, b) NOT ENFORCED}. As in Flink, the key is a promise
 * by the user that the planner may rely on; Weir does not check it.
 */
public final class SqlPrimaryKey extends SqlCall {

    private static final SqlOperator OPERATOR = new SqlSpecialOperator("PRIMARY KEY", SqlKind.PRIMARY_KEY);

    private final SqlIdentifier constraintName;
    private final SqlNodeList columns;

    public SqlPrimaryKey(SqlParserPos pos, SqlIdentifier constraintName, SqlNodeList columns) {
        super(pos);
        this.constraintName = constraintName;
        this.columns = columns;
    }

    /** The CONSTRAINT name, or null. */
    public String constraintName() {
        return constraintName == null ? null : constraintName.getSimple();
    }

    public List<String> columnNames() {
        List<String> names = new ArrayList<>();
        for (SqlNode column : columns) {
            names.add(((SqlIdentifier) column).getSimple());
        }
        return names;
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        List<SqlNode> operands = new ArrayList<>();
        operands.add(constraintName);
        operands.add(columns);
        return operands;
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        if (constraintName != null) {
            writer.keyword("CONSTRAINT");
            constraintName.unparse(writer, 0, 0);
        }
        writer.keyword("PRIMARY KEY");
        SqlWriter.Frame frame = writer.startList("(", ")");
        for (SqlNode column : columns) {
            writer.sep(",");
            column.unparse(writer, 0, 0);
        }
        writer.endList(frame);
        writer.keyword("NOT ENFORCED");
    }
}
