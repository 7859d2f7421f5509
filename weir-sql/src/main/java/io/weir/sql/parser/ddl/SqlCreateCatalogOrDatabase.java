package io.weir.sql.parser.ddl;

import java.util.List;
import java.util.Map;
import org.apache.calcite.sql.SqlCreate;
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
 * {@code CREATE CATALOG [IF NOT EXISTS] name [COMMENT '...'] WITH ('type' = '...', ...)} or
 * {@code CREATE DATABASE [IF NOT EXISTS] [catalog.]name [COMMENT '...'] [WITH (...)]}, as Flink 2.x.
 */
public final class SqlCreateCatalogOrDatabase extends SqlCreate {

    private static final SqlOperator CREATE_CATALOG = new SqlSpecialOperator("CREATE CATALOG", SqlKind.OTHER_DDL);
    private static final SqlOperator CREATE_DATABASE = new SqlSpecialOperator("CREATE DATABASE", SqlKind.OTHER_DDL);

    private final boolean database;
    private final SqlIdentifier name;
    private final SqlLiteral comment;
    private final SqlNodeList options;

    public SqlCreateCatalogOrDatabase(SqlParserPos pos, boolean database, SqlIdentifier name, SqlLiteral comment,
            SqlNodeList options, boolean ifNotExists, boolean replace) {
        super(database ? CREATE_DATABASE : CREATE_CATALOG, pos, replace, ifNotExists);
        this.database = database;
        this.name = name;
        this.comment = comment;
        this.options = options;
        DdlOptions.toMap(options); // rejects a repeated key while its position is at hand
    }

    /** True for CREATE DATABASE, false for CREATE CATALOG. */
    public boolean isDatabase() {
        return database;
    }

    public SqlIdentifier name() {
        return name;
    }

    /** The COMMENT text, or null. */
    public String comment() {
        return comment == null ? null : comment.getValueAs(String.class);
    }

    /** The WITH options in the order written. */
    public Map<String, String> options() {
        return DdlOptions.toMap(options);
    }

    public boolean ifNotExists() {
        return ifNotExists;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of(name, options);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword(database ? "CREATE DATABASE" : "CREATE CATALOG");
        if (ifNotExists) {
            writer.keyword("IF NOT EXISTS");
        }
        name.unparse(writer, 0, 0);
        if (comment != null) {
            writer.keyword("COMMENT");
            comment.unparse(writer, 0, 0);
        }
        DdlOptions.unparse(writer, options);
    }
}
