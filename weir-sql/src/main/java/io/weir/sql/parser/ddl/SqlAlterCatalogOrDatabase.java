package io.weir.sql.parser.ddl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Flink 2.x's {@code ALTER CATALOG name SET ('k' = 'v', ...)}, {@code ALTER CATALOG name RESET ('k',
 * ...)}, {@code ALTER CATALOG name COMMENT 'text'} and {@code ALTER DATABASE [catalog.]name SET ('k' =
 * 'v', ...)}.
 */
public final class SqlAlterCatalogOrDatabase extends SqlCall {

    /** What the statement changes. */
    public enum Action { SET, RESET, COMMENT }

    private static final SqlOperator OPERATOR = new SqlSpecialOperator("ALTER CATALOG", SqlKind.OTHER_DDL);

    private final boolean database;
    private final SqlIdentifier name;
    private final Action action;
    /** SET: the key-value list; RESET: the keys; COMMENT: the comment literal alone. */
    private final SqlNodeList arguments;

    public SqlAlterCatalogOrDatabase(SqlParserPos pos, boolean database, SqlIdentifier name, Action action,
            SqlNodeList arguments) {
        super(pos);
        this.database = database;
        this.name = name;
        this.action = action;
        this.arguments = arguments;
    }

    public boolean isDatabase() {
        return database;
    }

    public SqlIdentifier name() {
        return name;
    }

    public Action action() {
        return action;
    }

    /** SET's options. */
    public Map<String, String> options() {
        return DdlOptions.toMap(arguments);
    }

    /** RESET's keys. */
    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (SqlNode key : arguments) {
            keys.add(((SqlLiteral) key).getValueAs(String.class));
        }
        return keys;
    }

    /** COMMENT's text. */
    public String comment() {
        return ((SqlLiteral) arguments.get(0)).getValueAs(String.class);
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of(name, arguments);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword(database ? "ALTER DATABASE" : "ALTER CATALOG");
        name.unparse(writer, leftPrec, rightPrec);
        switch (action) {
            case SET -> {
                writer.keyword("SET");
                DdlOptions.unparse(writer, arguments, false);
            }
            case RESET -> {
                writer.keyword("RESET");
                SqlWriter.Frame frame = writer.startList("(", ")");
                for (SqlNode key : arguments) {
                    writer.sep(",");
                    key.unparse(writer, 0, 0);
                }
                writer.endList(frame);
            }
            case COMMENT -> {
                writer.keyword("COMMENT");
                arguments.get(0).unparse(writer, 0, 0);
            }
        }
    }
}
