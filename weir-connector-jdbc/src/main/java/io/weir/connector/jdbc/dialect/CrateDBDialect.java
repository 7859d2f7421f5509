package io.weir.connector.jdbc.dialect;

/**
 * CrateDB, which speaks the PostgreSQL wire protocol (use PostgreSQL's JDBC driver, or CrateDB's
 * with {@code jdbc:crate://}). Its upsert has PostgreSQL's form,
 * {@code INSERT … ON CONFLICT (key…) DO UPDATE SET f = excluded.f}, with these differences, from
 * CrateDB's documentation of {@code INSERT}:
 * <ul>
 *   <li>the only constraint that conflicts is the primary key, so the conflict target must be
 *       exactly the table's primary key columns (no other unique index exists);</li>
 *   <li>primary key columns cannot be updated, so they never appear in the {@code SET} list;</li>
 *   <li>there are no transactions: {@code COMMIT} is accepted and ignored, so a failed batch may be
 *       partly written and is written again whole — harmless for an upsert;</li>
 *   <li>column names starting with an underscore are reserved for system columns.</li>
 * </ul>
 * The statements are checked against the examples of CrateDB's documentation, not run: CrateDB
 * does not run on the machines that build Weir.
 */
public class CrateDBDialect extends PostgresDialect {
    private static final long serialVersionUID = 1L;

    @Override
    public String dialectName() {
        return "CrateDB";
    }

    @Override
    public String getUpsertStatement(String tableName, String[] fieldNames, String[] uniqueKeyFields) {
        for (String field : fieldNames) {
            if (field.startsWith("_")) {
                throw new IllegalArgumentException("Column '" + field + "' of table " + tableName + ": CrateDB "
                        + "reserves names starting with '_' for system columns; rename the column");
            }
        }
        return super.getUpsertStatement(tableName, fieldNames, uniqueKeyFields);
    }
}
