package io.weir.sql.parser.ddl;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * One column of a CREATE TABLE: physical ({@code name type}), computed ({@code name AS expr}) or
 * metadata ({@code name type METADATA [FROM 'key'] [VIRTUAL]}).
 */
public final class SqlTableColumn extends SqlCall {

    /** What kind of column this is, as in Flink's schema. */
    public enum Kind { PHYSICAL, COMPUTED, METADATA }

    private static final SqlOperator OPERATOR = new SqlSpecialOperator("COLUMN_DECL", SqlKind.COLUMN_DECL);

    private final Kind kind;
    private final SqlIdentifier name;
    private final SqlDataTypeSpec type;
    private final SqlNode expression;
    private final SqlLiteral metadataKey;
    private final boolean isVirtual;
    private final SqlLiteral comment;

    public SqlTableColumn(SqlParserPos pos, Kind kind, SqlIdentifier name, SqlDataTypeSpec type,
            SqlNode expression, SqlLiteral metadataKey, boolean isVirtual, SqlLiteral comment) {
        super(pos);
        this.kind = kind;
        this.name = name;
        this.type = type;
        this.expression = expression;
        this.metadataKey = metadataKey;
        this.isVirtual = isVirtual;
        this.comment = comment;
    }

    public Kind kind() {
        return kind;
    }

    public SqlIdentifier name() {
        return name;
    }

    /** The declared type; null for a computed column. */
    public SqlDataTypeSpec type() {
        return type;
    }

    /** The expression of a computed column, else null. */
    public SqlNode expression() {
        return expression;
    }

    /** The key after METADATA FROM, or null when the column name is the key. */
    public String metadataKey() {
        return metadataKey == null ? null : metadataKey.getValueAs(String.class);
    }

    /** True for a VIRTUAL metadata column, which is read but never written. */
    public boolean isVirtual() {
        return isVirtual;
    }

    /** The COMMENT text, or null. */
    public String comment() {
        return comment == null ? null : comment.getValueAs(String.class);
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        List<SqlNode> operands = new ArrayList<>();
        operands.add(name);
        operands.add(type);
        operands.add(expression);
        return operands;
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        name.unparse(writer, 0, 0);
        if (kind == Kind.COMPUTED) {
            writer.keyword("AS");
            expression.unparse(writer, 0, 0);
        } else {
            type.unparse(writer, 0, 0);
            if (type.getNullable() != null && !type.getNullable()) {
                writer.keyword("NOT NULL");
            }
            if (kind == Kind.METADATA) {
                writer.keyword("METADATA");
                if (metadataKey != null) {
                    writer.keyword("FROM");
                    metadataKey.unparse(writer, 0, 0);
                }
                if (isVirtual) {
                    writer.keyword("VIRTUAL");
                }
            }
        }
        if (comment != null) {
            writer.keyword("COMMENT");
            comment.unparse(writer, 0, 0);
        }
    }
}
