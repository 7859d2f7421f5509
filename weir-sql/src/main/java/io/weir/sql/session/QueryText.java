package io.weir.sql.session;

import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Cuts the text of a statement's last part (the query of CREATE VIEW ... AS query) out of the
 * statement, from the node's start position to the end.
 */
final class QueryText {

    private QueryText() {
    }

    static String cut(String statement, SqlNode node) {
        SqlParserPos pos = node.getParserPosition();
        return statement.substring(offset(statement, pos.getLineNum(), pos.getColumnNum())).strip();
    }

    /**
     * The statement's text from {@code node} on, with what comes before it blanked (spaces, its line
     * breaks kept): parsed, its nodes have their places in the statement's coordinates, so errors
     * about them are shown where they are in the statement.
     */
    static String inPlace(String statement, SqlNode node) {
        SqlParserPos pos = node.getParserPosition();
        int start = offset(statement, pos.getLineNum(), pos.getColumnNum());
        StringBuilder text = new StringBuilder(statement.length());
        for (int i = 0; i < start; i++) {
            char c = statement.charAt(i);
            text.append(c == '\n' || c == '\r' ? c : ' ');
        }
        return text.append(statement, start, statement.length()).toString();
    }

    private static int offset(String text, int line, int column) {
        int offset = 0;
        for (int l = 1; l < line; l++) {
            offset = text.indexOf('\n', offset) + 1;
        }
        return offset + column - 1;
    }
}
