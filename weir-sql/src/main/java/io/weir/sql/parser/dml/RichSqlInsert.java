package io.weir.sql.parser.dml;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Flink's {@code INSERT { INTO | OVERWRITE } table [hints] [PARTITION (k = v, ...)]
 * [(columns)] query}. With OVERWRITE the rows replace the table's (or the written partitions'); the
 * static partition columns take the given values and the query gives the other columns.
 */
public final class RichSqlInsert extends SqlInsert {

    private final SqlNodeList staticPartitions;
    private final boolean overwrite;

    /**
     * @param columns the target columns, or null for all
     * @param staticPartitions pairs (column, literal), or null without a PARTITION clause
     */
    public RichSqlInsert(SqlParserPos pos, SqlNode targetTable, SqlNode source, SqlNodeList columns,
            SqlNodeList staticPartitions, boolean overwrite) {
        super(pos, SqlNodeList.EMPTY, targetTable, source, columns);
        this.staticPartitions = staticPartitions == null ? SqlNodeList.EMPTY : staticPartitions;
        this.overwrite = overwrite;
    }

    public boolean isOverwrite() {
        return overwrite;
    }

    /** The PARTITION clause's columns and values, in the order written. */
    public Map<SqlIdentifier, SqlLiteral> staticPartitions() {
        Map<SqlIdentifier, SqlLiteral> partitions = new LinkedHashMap<>();
        for (SqlNode pair : staticPartitions) {
            SqlNodeList list = (SqlNodeList) pair;
            partitions.put((SqlIdentifier) list.get(0), (SqlLiteral) list.get(1));
        }
        return partitions;
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        SqlWriter.Frame frame = writer.startList(SqlWriter.FrameTypeEnum.SELECT);
        writer.sep(overwrite ? "INSERT OVERWRITE" : "INSERT INTO");
        getTargetTable().unparse(writer, getOperator().getLeftPrec(), getOperator().getRightPrec());
        if (!staticPartitions.isEmpty()) {
            writer.keyword("PARTITION");
            SqlWriter.Frame pairs = writer.startList("(", ")");
            for (SqlNode pair : staticPartitions) {
                writer.sep(",");
                ((SqlNodeList) pair).get(0).unparse(writer, 0, 0);
                writer.keyword("=");
                ((SqlNodeList) pair).get(1).unparse(writer, 0, 0);
            }
            writer.endList(pairs);
        }
        if (getTargetColumnList() != null) {
            getTargetColumnList().unparse(writer, getOperator().getLeftPrec(), getOperator().getRightPrec());
        }
        writer.newlineAndIndent();
        getSource().unparse(writer, 0, 0);
        writer.endList(frame);
    }
}
