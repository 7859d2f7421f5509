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

/**
 * {@code DROP CATALOG [IF EXISTS] name} or {@code DROP DATABASE [IF EXISTS] [catalog.]name
 * [RESTRICT | CASCADE]} (RESTRICT, the default, refuses a database that holds tables, views or
 * functions), as Flink.
 */
public final class SqlDropCatalogOrDatabase extends SqlDrop {

    private static final SqlOperator DROP_CATALOG = new SqlSpecialOperator("DROP CATALOG", SqlKind.OTHER_DDL);
    private static final SqlOperator DROP_DATABASE = new SqlSpecialOperator("DROP DATABASE", SqlKind.OTHER_DDL);

    private final boolean database;
    private final SqlIdentifier name;
    private final boolean cascade;

    public SqlDropCatalogOrDatabase(SqlParserPos pos, boolean database, SqlIdentifier name, boolean ifExists,
            boolean cascade) {
        super(database ? DROP_DATABASE : DROP_CATALOG, pos, ifExists);
        this.database = database;
        this.name = name;
        this.cascade = cascade;
    }

    /** True for DROP DATABASE, false for DROP CATALOG. */
    public boolean isDatabase() {
        return database;
    }

    public SqlIdentifier name() {
        return name;
    }

    public boolean ifExists() {
        return ifExists;
    }

    /** DROP DATABASE ... CASCADE: the database's tables, views and functions go with it. */
    public boolean isCascade() {
        return cascade;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of(name);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword(database ? "DROP DATABASE" : "DROP CATALOG");
        if (ifExists) {
            writer.keyword("IF EXISTS");
        }
        name.unparse(writer, 0, 0);
        if (database) {
            writer.keyword(cascade ? "CASCADE" : "RESTRICT");
        }
    }
}
