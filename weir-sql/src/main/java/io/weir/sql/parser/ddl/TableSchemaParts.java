package io.weir.sql.parser.ddl;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.runtime.CalciteContextException;

/**
 * The parts of a CREATE TABLE's parenthesised list, collected in order while the parser reads
 * them: columns, at most one WATERMARK and at most one PRIMARY KEY. Rejects a second watermark
 * or key at the position where it appears, so the error points at the offending clause.
 */
public final class TableSchemaParts {

    private final List<SqlTableColumn> columns = new ArrayList<>();
    private SqlWatermark watermark;
    private SqlPrimaryKey primaryKey;

    public void addColumn(SqlTableColumn column) {
        columns.add(column);
    }

    public void addWatermark(SqlWatermark newWatermark) {
        if (watermark != null) {
            throw positioned(newWatermark.getParserPosition(),
                    "A table can have only one WATERMARK; remove one of them");
        }
        watermark = newWatermark;
    }

    public void addPrimaryKey(SqlPrimaryKey key) {
        if (primaryKey != null) {
            throw positioned(key.getParserPosition(),
                    "A table can have only one PRIMARY KEY; declare all key columns in one PRIMARY KEY (a, b)");
        }
        primaryKey = key;
    }

    public List<SqlTableColumn> columns() {
        return columns;
    }

    /** The WATERMARK clause, or null. */
    public SqlWatermark watermark() {
        return watermark;
    }

    /** The PRIMARY KEY constraint, or null. */
    public SqlPrimaryKey primaryKey() {
        return primaryKey;
    }

    private static CalciteContextException positioned(SqlParserPos pos, String message) {
        // The parser turns a CalciteContextException into a SqlParseException at this position.
        return new CalciteContextException(message, new IllegalArgumentException(message),
                pos.getLineNum(), pos.getColumnNum(), pos.getEndLineNum(), pos.getEndColumnNum());
    }
}
