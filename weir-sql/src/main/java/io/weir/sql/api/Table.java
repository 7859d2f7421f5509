package io.weir.sql.api;

import io.weir.sql.catalog.TableSchema;
import io.weir.sql.expressions.Expression;
import io.weir.sql.functions.TemporalTableFunction;

/**
 * A query that has been validated but not run: what {@link TableEnvironment#sqlQuery} and
 * {@link TableEnvironment#from} return, and what each Table API operation ({@link #select},
 * {@link #filter}, {@link #groupBy}, {@link #join}, ...) returns anew. An operation is the SQL
 * query it stands for over this one, validated when it is called, so a Table program plans and
 * runs exactly as the equal SQL does. Running it ({@link #execute()}) or writing it into a table
 * ({@link #executeInsert}) submits a job.
 */
public interface Table {

    TableSchema getResolvedSchema();

    /** The columns given, e.g. {@code select($("a"), $("b").plus(1).as("c"))}. */
    Table select(Expression... fields);

    /** The rows for which {@code predicate} is true. */
    Table filter(Expression predicate);

    /** Same as {@link #filter}. */
    Table where(Expression predicate);

    /** Groups the rows by the keys; the {@link GroupedTable#select} aggregates each group. */
    GroupedTable groupBy(Expression... fields);

    /**
     * Each row mapped by a scalar function call, whose result becomes the columns (a ROW's fields, or
     * one column {@code _c0}): {@code map(call(new MyMap(), $("a")).as("x", "y"))}.
     */
    Table map(Expression mapFunction);

    /** The rows a table function call gives for each row, its columns only: {@code flatMap(call(Split.class, $("line")))}. */
    Table flatMap(Expression tableFunction);

    /** An aggregate function over all rows, its ROW result flattened; {@link AggregatedTable#select} picks the columns. */
    AggregatedTable aggregate(Expression aggregateFunction);

    /** A table aggregate function over all rows: the rows its {@code emitValue} gives. */
    FlatAggregateTable flatAggregate(Expression tableAggregateFunction);

    /**
     * Each row joined with the rows a table function call gives for it (Flink's inner lateral join;
     * a row without results drops out): {@code joinLateral(call(Split.class, $("line")).as("word", "len"))}.
     */
    Table joinLateral(Expression tableFunctionCall);

    /** {@link #joinLateral(Expression)} keeping only the joined rows for which {@code joinPredicate} holds. */
    Table joinLateral(Expression tableFunctionCall, Expression joinPredicate);

    /** As {@link #joinLateral(Expression)}, a row without results kept, with NULLs for the function's columns. */
    Table leftOuterJoinLateral(Expression tableFunctionCall);

    /** As {@link #leftOuterJoinLateral(Expression)}; the predicate can only be {@code lit(true)}, as in Flink. */
    Table leftOuterJoinLateral(Expression tableFunctionCall, Expression joinPredicate);

    /** Windows the rows; {@link GroupWindowedTable#groupBy} must include the window's alias. */
    GroupWindowedTable window(GroupWindow groupWindow);

    /**
     * Over windows ({@link Over}) for aggregates computed per row: {@code window(w).select($("k"),
     * $("v").sum().over($("w")))}.
     */
    OverWindowedTable window(OverWindow... overWindows);

    /**
     * An inner join with {@code right}, without a condition: give it with {@link #where} (or use
     * {@link #join(Table, Expression)}). The two tables' column names must differ.
     */
    Table join(Table right);

    /** An inner join with {@code right} on {@code joinPredicate}. */
    Table join(Table right, Expression joinPredicate);

    Table leftOuterJoin(Table right, Expression joinPredicate);

    Table rightOuterJoin(Table right, Expression joinPredicate);

    Table fullOuterJoin(Table right, Expression joinPredicate);

    /** Sorts by the fields ({@code $("a").desc()}); on a stream it needs {@link #fetch} or {@link #limit}. */
    Table orderBy(Expression... fields);

    /** Skips the first {@code offset} rows of the order. */
    Table offset(int offset);

    /** Keeps the first {@code fetch} rows (after the offset). */
    Table fetch(int fetch);

    /** Same as {@link #fetch}. */
    Table limit(int fetch);

    /** {@code offset(offset).fetch(fetch)}. */
    Table limit(int offset, int fetch);

    /** Renames the columns, in order. */
    Table as(String field, String... fields);

    /** This table's columns followed by the given ones; a name already there fails. */
    Table addColumns(Expression... fields);

    /** Adds the columns, replacing a column of the same name in place. */
    Table addOrReplaceColumns(Expression... fields);

    /** Renames columns: {@code renameColumns($("a").as("x"))}. */
    Table renameColumns(Expression... fields);

    /** This table without the named columns. */
    Table dropColumns(Expression... fields);

    /** The distinct rows. */
    Table distinct();

    /** The distinct rows of both tables (SQL's {@code UNION}). */
    Table union(Table right);

    /** The rows of both tables (SQL's {@code UNION ALL}). */
    Table unionAll(Table right);

    /** The distinct rows that both tables have (SQL's {@code INTERSECT}). */
    Table intersect(Table right);

    /** The rows both tables have, as often as both have them (SQL's {@code INTERSECT ALL}). */
    Table intersectAll(Table right);

    /** The distinct rows of this table that {@code right} does not have (SQL's {@code EXCEPT}). */
    Table minus(Table right);

    /** The rows of this table, each as often as it occurs more often here than in {@code right} ({@code EXCEPT ALL}). */
    Table minusAll(Table right);

    TableResult execute();

    /** INSERT INTO the named table; the result's job writes the rows. */
    TableResult executeInsert(String tablePath);

    /**
     * The versions of this append-only table by {@code primaryKey} and its rowtime column
     * {@code timeAttribute}, as a function to register and call with {@code LATERAL TABLE(f(time))}.
     */
    TemporalTableFunction createTemporalTableFunction(String timeAttribute, String primaryKey);

    /** The logical plan of the query, as EXPLAIN prints it. */
    String explain();

    /** The SQL query this table stands for. */
    String toSqlString();
}
