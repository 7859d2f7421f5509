/**
 * {@code weir migrate}: rewrites a Flink job's Java sources for Weir with a real Java parser
 * (JavaParser, used in this package only): imports by the table of docs/migrating-from-flink.md,
 * and the mechanical Flink 1.x idioms. Everything it cannot rewrite is reported as file:line.
 */
package io.weir.cli.migrate;
