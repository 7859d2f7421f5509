package io.weir.sql.parser.ddl;

import java.util.List;
import org.apache.calcite.sql.SqlDrop;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code DROP [TEMPORARY [SYSTEM]] FUNCTION [IF EXISTS] name}. */
public final class SqlDropFunction extends SqlDrop {

    private static final SqlOperator OPERATOR = new SqlSpecialOperator("DROP FUNCTION", SqlKind.DROP_FUNCTION);

    private final SqlIdentifier name;
    private final boolean temporary;
    private final boolean system;

    public SqlDropFunction(SqlParserPos pos, SqlIdentifier name, boolean temporary, boolean system, boolean ifExists) {
        super(OPERATOR, pos, ifExists);
        this.name = name;
        this.temporary = temporary;
        this.system = system;
    }

    public SqlIdentifier name() {
        return name;
    }

    public boolean isTemporary() {
        return temporary;
    }

    public boolean isSystem() {
        return system;
    }

    public boolean ifExists() {
        return ifExists;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of(name);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("DROP");
        if (temporary) {
            writer.keyword(system ? "TEMPORARY SYSTEM" : "TEMPORARY");
        }
        writer.keyword("FUNCTION");
        if (ifExists) {
            writer.keyword("IF EXISTS");
        }
        name.unparse(writer, 0, 0);
    }
}
