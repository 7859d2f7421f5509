package io.weir.sql.parser.ddl;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code RESET 'key'} restores one session option's default; {@code RESET} restores all. */
public final class SqlResetStatement extends SqlCall {

    private static final SqlOperator OPERATOR = new SqlSpecialOperator("RESET", SqlKind.SET_OPTION);

    private final String key;

    /** @param key the option key, or null for all */
    public SqlResetStatement(SqlParserPos pos, String key) {
        super(pos);
        this.key = key;
    }

    /** The option key, or null when every option is reset. */
    public String key() {
        return key;
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of();
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("RESET");
        if (key != null) {
            writer.literal("'" + key.replace("'", "''") + "'");
        }
    }
}
