/**
 * {@code bin/weir sql}: the SQL client, as Flink users know it. Statements run through a
 * {@link io.weir.sql.session.SqlSession} whose jobs share one embedded cluster
 * ({@link io.weir.cli.sql.ClientCluster}); {@link io.weir.cli.sql.SqlClient} runs each statement and
 * shows its result, {@link io.weir.cli.sql.SqlPrompt} reads statements interactively with JLine
 * (which appears only in this package).
 */
package io.weir.cli.sql;
