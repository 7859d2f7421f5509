package io.weir.sql.parser.ddl;

import java.util.ArrayList;
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
 * {@code CREATE [TEMPORARY] TABLE [IF NOT EXISTS] name (columns, WATERMARK, PRIMARY KEY)
 * [COMMENT '...'] [PARTITIONED BY (...)] [WITH ('k' = 'v', ...)] [LIKE source (...)] [AS query]}.
 */
public final class SqlCreateTable extends SqlCreate {

    private static final SqlOperator OPERATOR = new SqlSpecialOperator("CREATE TABLE", SqlKind.CREATE_TABLE);

    private final SqlIdentifier name;
    private final TableSchemaParts parts;
    private final SqlLiteral comment;
    private final SqlNodeList partitionKeys;
    private final SqlNodeList options;
    private final SqlTableLike like;
    private final SqlNode query;
    private final boolean temporary;
    private final boolean replaceOnly;

    public SqlCreateTable(SqlParserPos pos, SqlIdentifier name, TableSchemaParts parts, SqlLiteral comment,
            SqlNodeList partitionKeys, SqlNodeList options, SqlTableLike like, SqlNode query, boolean temporary,
            boolean ifNotExists, boolean replace) {
        this(pos, name, parts, comment, partitionKeys, options, like, query, temporary, ifNotExists, replace, false);
    }

    /** As the other constructor; {@code replaceOnly} for {@code REPLACE TABLE} (without CREATE OR). */
    public SqlCreateTable(SqlParserPos pos, SqlIdentifier name, TableSchemaParts parts, SqlLiteral comment,
            SqlNodeList partitionKeys, SqlNodeList options, SqlTableLike like, SqlNode query, boolean temporary,
            boolean ifNotExists, boolean replace, boolean replaceOnly) {
        super(OPERATOR, pos, replace, ifNotExists);
        this.replaceOnly = replaceOnly;
        this.name = name;
        this.parts = parts;
        this.comment = comment;
        this.partitionKeys = partitionKeys;
        this.options = options;
        DdlOptions.toMap(options); // rejects a repeated key while its position is at hand
        this.like = like;
        this.query = query;
        this.temporary = temporary;
    }

    public SqlIdentifier name() {
        return name;
    }

    public List<SqlTableColumn> columns() {
        return parts.columns();
    }

    /** The WATERMARK clause, or null. */
    public SqlWatermark watermark() {
        return parts.watermark();
    }

    /** The PRIMARY KEY, or null. */
    public SqlPrimaryKey primaryKey() {
        return parts.primaryKey();
    }

    /** The COMMENT text, or null. */
    public String comment() {
        return comment == null ? null : comment.getValueAs(String.class);
    }

    public List<String> partitionKeys() {
        List<String> keys = new ArrayList<>();
        for (SqlNode key : partitionKeys) {
            keys.add(((SqlIdentifier) key).getSimple());
        }
        return keys;
    }

    /** The WITH options in the order written. */
    public Map<String, String> options() {
        return DdlOptions.toMap(options);
    }

    /** The LIKE clause, or null. */
    public SqlTableLike like() {
        return like;
    }

    /** The query of CREATE TABLE ... AS SELECT, or null. */
    public SqlNode query() {
        return query;
    }

    public boolean isTemporary() {
        return temporary;
    }

    /** {@code REPLACE TABLE ... AS SELECT}: the table must exist already. */
    public boolean isReplaceOnly() {
        return replaceOnly;
    }

    public boolean ifNotExists() {
        return ifNotExists;
    }

    @Override
    public List<SqlNode> getOperandList() {
        List<SqlNode> operands = new ArrayList<>();
        operands.add(name);
        operands.addAll(parts.columns());
        operands.add(options);
        if (query != null) {
            operands.add(query);
        }
        return operands;
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        if (replaceOnly) {
            writer.keyword("REPLACE");
        } else {
            writer.keyword(getReplace() ? "CREATE OR REPLACE" : "CREATE");
        }
        if (temporary) {
            writer.keyword("TEMPORARY");
        }
        writer.keyword("TABLE");
        if (ifNotExists) {
            writer.keyword("IF NOT EXISTS");
        }
        name.unparse(writer, 0, 0);
        List<SqlNode> elements = new ArrayList<>(parts.columns());
        if (parts.watermark() != null) {
            elements.add(parts.watermark());
        }
        if (parts.primaryKey() != null) {
            elements.add(parts.primaryKey());
        }
        if (!elements.isEmpty()) {
            SqlWriter.Frame frame = writer.startList("(", ")");
            for (SqlNode element : elements) {
                writer.sep(",");
                element.unparse(writer, 0, 0);
            }
            writer.endList(frame);
        }
        if (comment != null) {
            writer.keyword("COMMENT");
            comment.unparse(writer, 0, 0);
        }
        if (partitionKeys.size() > 0) {
            writer.keyword("PARTITIONED BY");
            SqlWriter.Frame frame = writer.startList("(", ")");
            for (SqlNode key : partitionKeys) {
                writer.sep(",");
                key.unparse(writer, 0, 0);
            }
            writer.endList(frame);
        }
        DdlOptions.unparse(writer, options);
        if (like != null) {
            like.unparse(writer, 0, 0);
        }
        if (query != null) {
            writer.keyword("AS");
            query.unparse(writer, 0, 0);
        }
    }
}
