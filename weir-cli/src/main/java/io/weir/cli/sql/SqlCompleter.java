package io.weir.cli.sql;

import io.weir.sql.session.SqlSession;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion: the keywords of Flink's SQL dialect and of the client, and the names of the
 * tables, views, catalogs and databases the session knows now (looked up on every Tab, so a table
 * just created completes).
 */
final class SqlCompleter implements Completer {

    static final List<String> KEYWORDS = List.of(
            "ADD", "ALL", "ALTER", "AND", "AS", "ASC", "BEGIN", "BETWEEN", "BIGINT", "BOOLEAN", "BY", "BYTES",
            "CASE", "CAST", "CATALOG", "CATALOGS", "CLEAR", "COALESCE", "COUNT", "CREATE", "CROSS", "CUMULATE",
            "CURRENT", "DATABASE", "DATABASES", "DATE", "DECIMAL", "DESC", "DESCRIBE", "DESCRIPTOR", "DISTINCT",
            "DOUBLE", "DRAIN", "DROP", "ELSE", "END", "EXECUTE", "EXISTS", "EXIT", "EXPLAIN", "FALSE", "FLOAT", "FOR",
            "FROM", "FULL", "FUNCTION", "FUNCTIONS", "GROUP", "HAVING", "HELP", "HOP", "IF", "IN", "INNER", "INSERT",
            "INT", "INTEGER", "INTERVAL", "INTO", "IS", "JOB", "JOBS", "JOIN", "KEY", "LEFT", "LIKE", "LIMIT", "MAP",
            "MAX", "METADATA", "MIN", "NOT", "NULL", "ON", "OR", "ORDER", "OUTER", "OVER", "OVERWRITE", "PARTITION",
            "PARTITIONED", "PLAN", "PRIMARY", "PROCTIME", "QUIT", "RANGE", "RESET", "RIGHT", "ROW", "ROWS",
            "ROW_NUMBER", "SAVEPOINT", "SECOND", "SELECT", "SESSION", "SET", "SHOW", "SMALLINT", "STATEMENT", "STOP",
            "STRING", "SUM", "SYSTEM_TIME", "TABLE", "TABLES", "TEMPORARY", "THEN", "TIME", "TIMESTAMP",
            "TIMESTAMP_LTZ", "TINYINT", "TRUE", "TUMBLE", "UNION", "USE", "VALUES", "VARCHAR", "VIEW", "VIEWS",
            "VIRTUAL", "WATERMARK", "WHEN", "WHERE", "WINDOW", "WITH");

    private final SqlSession session;

    SqlCompleter(SqlSession session) {
        this.session = session;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        for (String keyword : KEYWORDS) {
            candidates.add(new Candidate(keyword, keyword, "keyword", null, null, null, true));
        }
        addNames(candidates, session.listTables(), "table");
        addNames(candidates, session.listViews(), "view");
        addNames(candidates, session.listCatalogs(), "catalog");
        addNames(candidates, session.listDatabases(), "database");
    }

    private static void addNames(List<Candidate> candidates, String[] names, String group) {
        for (String name : names) {
            candidates.add(new Candidate(name, name, group, null, null, null, true));
        }
    }
}
