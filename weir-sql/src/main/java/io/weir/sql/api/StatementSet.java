package io.weir.sql.api;

import java.util.ArrayList;
import java.util.List;

/**
 * Several INSERTs that run as one job ({@link TableEnvironment#createStatementSet()}), so sources
 * and operators they share are read and computed once, as {@code EXECUTE STATEMENT SET BEGIN ...
 * END;} does in SQL (which this runs).
 *
 * <pre>{@code
 * StatementSet set = tableEnv.createStatementSet();
 * set.addInsertSql("INSERT INTO big SELECT * FROM orders WHERE amount > 100");
 * set.addInsert("all_orders", tableEnv.from("orders"));
 * set.execute();
 * }</pre>
 */
public final class StatementSet {

    private final TableEnvironment tableEnvironment;
    private final List<String> inserts = new ArrayList<>();

    /** Made by {@link TableEnvironment#createStatementSet()}. */
    public StatementSet(TableEnvironment tableEnvironment) {
        this.tableEnvironment = tableEnvironment;
    }

    /** Adds an {@code INSERT INTO ...} statement; it is checked when the set runs or is explained. */
    public StatementSet addInsertSql(String statement) {
        String trimmed = statement.strip();
        if (trimmed.endsWith(";")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (!trimmed.regionMatches(true, 0, "INSERT", 0, "INSERT".length())) {
            throw new ValidationException("addInsertSql takes an INSERT statement, not: " + statement
                    + "; run other statements with executeSql");
        }
        inserts.add(trimmed);
        return this;
    }

    /** Adds the insertion of {@code table}'s rows into the table at {@code targetPath}. */
    public StatementSet addInsert(String targetPath, Table table) {
        inserts.add("INSERT INTO " + targetPath + " " + table.toSqlString());
        return this;
    }

    /** The plan of all inserts, as EXPLAIN prints it. */
    public String explain() {
        return tableEnvironment.explainSql(statementSet());
    }

    /** Runs all inserts as one job; the result holds its job client. */
    public TableResult execute() {
        return tableEnvironment.executeSql(statementSet());
    }

    private String statementSet() {
        if (inserts.isEmpty()) {
            throw new ValidationException("The statement set is empty; add INSERTs with addInsertSql or addInsert first");
        }
        return "EXECUTE STATEMENT SET BEGIN\n" + String.join(";\n", inserts) + ";\nEND";
    }
}
