package io.weir.sql.parser.ddl;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code SET 'key' = 'value'} sets a session option; a bare {@code SET} lists them. */
public final class SqlSetStatement extends SqlCall {

    private static final SqlOperator OPERATOR = new SqlSpecialOperator("SET", SqlKind.SET_OPTION);

    private final SqlLiteral key;
    private final SqlLiteral value;

    /** Both null for a bare SET. */
    public SqlSetStatement(SqlParserPos pos, SqlLiteral key, SqlLiteral value) {
        super(pos);
        this.key = key;
        this.value = value;
    }

    /** The option key, or null for a bare SET. */
    public String key() {
        return key == null ? null : key.getValueAs(String.class);
    }

    /** The option value, or null for a bare SET. */
    public String value() {
        return value == null ? null : value.getValueAs(String.class);
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        List<SqlNode> operands = new ArrayList<>();
        operands.add(key);
        operands.add(value);
        return operands;
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("SET");
        if (key != null) {
            key.unparse(writer, 0, 0);
            writer.keyword("=");
            value.unparse(writer, 0, 0);
        }
    }
}
