package io.weir.sql.parser.ddl;

import java.util.ArrayList;
import java.util.List;
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

/** {@code CREATE [TEMPORARY] VIEW [IF NOT EXISTS] name [(columns)] [COMMENT '...'] AS query}. */
public final class SqlCreateView extends SqlCreate {

    private static final SqlOperator OPERATOR = new SqlSpecialOperator("CREATE VIEW", SqlKind.CREATE_VIEW);

    private final SqlIdentifier name;
    private final SqlNodeList columnNames;
    private final SqlLiteral comment;
    private final SqlNode query;
    private final boolean temporary;

    public SqlCreateView(SqlParserPos pos, SqlIdentifier name, SqlNodeList columnNames, SqlLiteral comment,
            SqlNode query, boolean temporary, boolean ifNotExists, boolean replace) {
        super(OPERATOR, pos, replace, ifNotExists);
        this.name = name;
        this.columnNames = columnNames;
        this.comment = comment;
        this.query = query;
        this.temporary = temporary;
    }

    public SqlIdentifier name() {
        return name;
    }

    /** The column names given after the view name; empty when the query's names are kept. */
    public List<String> columnNames() {
        List<String> names = new ArrayList<>();
        for (SqlNode column : columnNames) {
            names.add(((SqlIdentifier) column).getSimple());
        }
        return names;
    }

    /** The COMMENT text, or null. */
    public String comment() {
        return comment == null ? null : comment.getValueAs(String.class);
    }

    public SqlNode query() {
        return query;
    }

    public boolean isTemporary() {
        return temporary;
    }

    public boolean ifNotExists() {
        return ifNotExists;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of(name, columnNames, query);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("CREATE");
        if (temporary) {
            writer.keyword("TEMPORARY");
        }
        writer.keyword("VIEW");
        if (ifNotExists) {
            writer.keyword("IF NOT EXISTS");
        }
        name.unparse(writer, 0, 0);
        if (columnNames.size() > 0) {
            SqlWriter.Frame frame = writer.startList("(", ")");
            for (SqlNode column : columnNames) {
                writer.sep(",");
                column.unparse(writer, 0, 0);
            }
            writer.endList(frame);
        }
        if (comment != null) {
            writer.keyword("COMMENT");
            comment.unparse(writer, 0, 0);
        }
        writer.keyword("AS");
        writer.newlineAndIndent();
        query.unparse(writer, 0, 0);
    }
}
