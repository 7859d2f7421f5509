package io.weir.sql.parser.ddl;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * A {@code WITH ('key' = 'value', ...)} list as the parser reads it: keys and values alternate in
 * one flat list (Calcite's ParenthesizedKeyValueOptionCommaList).
 */
final class DdlOptions {

    private DdlOptions() {
    }

    /** The options in the order written; a key given twice is an error at its position. */
    static Map<String, String> toMap(SqlNodeList keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.size(); i += 2) {
            SqlNode key = keysAndValues.get(i);
            String keyText = text(key);
            if (map.put(keyText, text(keysAndValues.get(i + 1))) != null) {
                SqlParserPos pos = key.getParserPosition();
                String message = "Option '" + keyText + "' is given twice in WITH; keep one";
                throw new CalciteContextException(message, new IllegalArgumentException(message),
                        pos.getLineNum(), pos.getColumnNum(), pos.getEndLineNum(), pos.getEndColumnNum());
            }
        }
        return map;
    }

    static void unparse(SqlWriter writer, SqlNodeList keysAndValues) {
        unparse(writer, keysAndValues, true);
    }

    /** {@code ('k' = 'v', ...)}, after WITH when {@code withKeyword}; nothing when there are no options. */
    static void unparse(SqlWriter writer, SqlNodeList keysAndValues, boolean withKeyword) {
        if (keysAndValues.size() == 0) {
            return;
        }
        if (withKeyword) {
            writer.keyword("WITH");
        }
        SqlWriter.Frame frame = writer.startList("(", ")");
        for (int i = 0; i + 1 < keysAndValues.size(); i += 2) {
            writer.sep(",");
            keysAndValues.get(i).unparse(writer, 0, 0);
            writer.keyword("=");
            keysAndValues.get(i + 1).unparse(writer, 0, 0);
        }
        writer.endList(frame);
    }

    private static String text(SqlNode node) {
        if (node instanceof SqlLiteral literal) {
            return literal.getValueAs(String.class);
        }
        return ((SqlIdentifier) node).toString();
    }
}
