package io.weir.sql.parser.ddl;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code DESCRIBE [EXTENDED] name} (or {@code DESC name}): the columns of a table or view; with
 * {@code DESCRIBE CATALOG [EXTENDED] name} a catalog's name, type, comment (and options).
 */
public final class SqlDescribeStatement extends SqlCall {

    private static final SqlOperator OPERATOR = new SqlSpecialOperator("DESCRIBE", SqlKind.DESCRIBE_TABLE);

    private final SqlIdentifier name;
    private final boolean extended;
    private final boolean catalog;

    public SqlDescribeStatement(SqlParserPos pos, SqlIdentifier name, boolean extended) {
        this(pos, name, extended, false);
    }

    public SqlDescribeStatement(SqlParserPos pos, SqlIdentifier name, boolean extended, boolean catalog) {
        super(pos);
        this.name = name;
        this.extended = extended;
        this.catalog = catalog;
    }

    /** True for DESCRIBE CATALOG. */
    public boolean isCatalog() {
        return catalog;
    }

    public SqlIdentifier name() {
        return name;
    }

    public boolean isExtended() {
        return extended;
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of(name);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("DESCRIBE");
        if (catalog) {
            writer.keyword("CATALOG");
        }
        if (extended) {
            writer.keyword("EXTENDED");
        }
        name.unparse(writer, 0, 0);
    }
}
