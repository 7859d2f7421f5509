package io.weir.connector.jdbc;

import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import io.weir.connector.jdbc.dialect.JdbcDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a changelog of {@link Row}s into a table. With a primary key: {@code +I} and {@code +U}
 * rows are upserted by the key, {@code -D} rows delete the row with their key, and {@code -U}
 * rows are skipped (the {@code +U} after them overwrites the row). Within a batch only the last
 * change of each key is written, so the order of changes to one key is kept whatever order the
 * delete and upsert statements run in. Without a primary key the table is append-only: rows are
 * inserted and an update or delete fails with the reason.
 *
 * <p>Row fields are set by position with {@link PreparedStatement#setObject}, which PostgreSQL's
 * driver maps for the Java types Weir's SQL uses (numbers, strings, {@code BigDecimal},
 * {@code java.time} values, byte arrays).
 */
public final class ChangelogRowBatch implements JdbcBatch<Row> {
    private static final long serialVersionUID = 1L;

    private final String tableName;
    private final int[] keyPositions;
    private final String writeSql;
    private final String deleteSql;
    private transient PreparedStatement write;
    private transient PreparedStatement delete;
    private transient Map<List<Object>, Row> lastChangeByKey;
    private transient List<Row> appended;

    /**
     * @param fieldNames the table's columns, in the order of the rows' fields
     * @param keyFieldNames the primary key's columns; empty for an append-only table
     */
    public ChangelogRowBatch(JdbcDialect dialect, String tableName, String[] fieldNames, String[] keyFieldNames) {
        this.tableName = tableName;
        this.keyPositions = new int[keyFieldNames.length];
        List<String> fields = Arrays.asList(fieldNames);
        for (int i = 0; i < keyFieldNames.length; i++) {
            keyPositions[i] = fields.indexOf(keyFieldNames[i]);
            if (keyPositions[i] < 0) {
                throw new IllegalArgumentException("Primary key column '" + keyFieldNames[i] + "' of table " + tableName
                        + " is not among its columns " + fields);
            }
        }
        boolean keyed = keyFieldNames.length > 0;
        this.writeSql = keyed ? dialect.getUpsertStatement(tableName, fieldNames, keyFieldNames)
                : dialect.getInsertIntoStatement(tableName, fieldNames);
        this.deleteSql = keyed ? dialect.getDeleteStatement(tableName, keyFieldNames) : null;
    }

    @Override
    public void prepare(Connection connection) throws SQLException {
        close();
        write = connection.prepareStatement(writeSql);
        delete = deleteSql == null ? null : connection.prepareStatement(deleteSql);
        lastChangeByKey = new LinkedHashMap<>();
        appended = new ArrayList<>();
    }

    @Override
    public void add(Row row) throws SQLException {
        RowKind kind = row.getKind();
        if (delete == null) {
            if (kind != RowKind.INSERT) {
                throw new SQLException("Table " + tableName + " has no PRIMARY KEY, so a " + kind.shortString()
                        + " row (" + row + ") cannot be written; declare PRIMARY KEY (...) NOT ENFORCED on the table",
                        "0A000");
            }
            appended.add(row);
        } else if (kind != RowKind.UPDATE_BEFORE) {
            lastChangeByKey.put(key(row), row);
        }
    }

    private List<Object> key(Row row) {
        List<Object> key = new ArrayList<>(keyPositions.length);
        for (int position : keyPositions) {
            key.add(row.getField(position));
        }
        return key;
    }

    @Override
    public void execute() throws SQLException {
        List<Row> writes = delete == null ? appended : new ArrayList<>();
        boolean deletes = false;
        for (Row row : lastChangeByKey.values()) {
            if (row.getKind() == RowKind.DELETE) {
                for (int i = 0; i < keyPositions.length; i++) {
                    delete.setObject(i + 1, row.getField(keyPositions[i]));
                }
                delete.addBatch();
                deletes = true;
            } else {
                writes.add(row);
            }
        }
        for (Row row : writes) {
            for (int i = 0; i < row.getArity(); i++) {
                write.setObject(i + 1, row.getField(i));
            }
            write.addBatch();
        }
        if (deletes) {
            delete.executeBatch();
        }
        if (!writes.isEmpty()) {
            write.executeBatch();
        }
        lastChangeByKey.clear();
        appended.clear();
    }

    @Override
    public String describe() {
        return deleteSql == null ? writeSql : writeSql + "; " + deleteSql;
    }

    @Override
    public void close() {
        for (PreparedStatement statement : new PreparedStatement[] {write, delete}) {
            if (statement != null) {
                try {
                    statement.close();
                } catch (SQLException ignored) {
                    // the connection may be broken; the statement goes with it
                }
            }
        }
        write = null;
        delete = null;
    }
}
