package io.weir.sql.parser.dml;

import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code INSERT OVERWRITE table [(columns)] query}: an INSERT whose rows replace the table's (or,
 * for a partitioned table, the written partitions'), as in Flink. Planned as an INSERT; the session
 * checks that the job and the sink can overwrite.
 */
public final class SqlInsertOverwrite extends SqlInsert {

    /** @param columns the target columns, or null for all */
    public SqlInsertOverwrite(SqlParserPos pos, SqlNode targetTable, SqlNode source, SqlNodeList columns) {
        super(pos, SqlNodeList.EMPTY, targetTable, source, columns);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        SqlWriter.Frame frame = writer.startList(SqlWriter.FrameTypeEnum.SELECT);
        writer.sep("INSERT OVERWRITE");
        getTargetTable().unparse(writer, getOperator().getLeftPrec(), getOperator().getRightPrec());
        if (getTargetColumnList() != null) {
            getTargetColumnList().unparse(writer, getOperator().getLeftPrec(), getOperator().getRightPrec());
        }
        writer.newlineAndIndent();
        getSource().unparse(writer, 0, 0);
        writer.endList(frame);
    }
}
