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

/** {@code USE CATALOG name} or {@code USE [catalog.]database}: changes the session's current path. */
public final class SqlUseStatement extends SqlCall {

    private static final SqlOperator OPERATOR = new SqlSpecialOperator("USE", SqlKind.OTHER);

    private final SqlIdentifier name;
    private final boolean catalog;

    public SqlUseStatement(SqlParserPos pos, SqlIdentifier name, boolean catalog) {
        super(pos);
        this.name = name;
        this.catalog = catalog;
    }

    /** The catalog name (USE CATALOG), or the database name, possibly qualified by its catalog. */
    public SqlIdentifier name() {
        return name;
    }

    /** True for USE CATALOG. */
    public boolean isCatalog() {
        return catalog;
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
        writer.keyword("USE");
        if (catalog) {
            writer.keyword("CATALOG");
        }
        name.unparse(writer, 0, 0);
    }
}
