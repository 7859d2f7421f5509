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
 * {@code SHOW CREATE TABLE name}, {@code SHOW CREATE VIEW name} or {@code SHOW CREATE CATALOG name}:
 * the DDL that creates it.
 */
public final class SqlShowCreate extends SqlCall {

    private static final SqlOperator OPERATOR = new SqlSpecialOperator("SHOW CREATE", SqlKind.OTHER);

    private final SqlIdentifier name;
    private final boolean view;
    private final boolean catalog;

    public SqlShowCreate(SqlParserPos pos, SqlIdentifier name, boolean view) {
        this(pos, name, view, false);
    }

    public SqlShowCreate(SqlParserPos pos, SqlIdentifier name, boolean view, boolean catalog) {
        super(pos);
        this.name = name;
        this.view = view;
        this.catalog = catalog;
    }

    /** SHOW CREATE CATALOG. */
    public boolean isCatalog() {
        return catalog;
    }

    public SqlIdentifier name() {
        return name;
    }

    public boolean isView() {
        return view;
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
        writer.keyword(catalog ? "SHOW CREATE CATALOG" : view ? "SHOW CREATE VIEW" : "SHOW CREATE TABLE");
        name.unparse(writer, leftPrec, rightPrec);
    }
}
