package io.weir.sql.api;

import io.weir.sql.catalog.TableSchema;
import io.weir.sql.expressions.Expression;
import io.weir.sql.functions.TemporalTableFunction;
import io.weir.sql.functions.UserDefinedFunction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@link Table} of a session: a SQL query, validated by the session's planner when the table
 * is made. Each operation renders the SQL it stands for around this query (a derived table) and
 * makes a new table of it, so the Table API takes the same path as SQL, with the same results and
 * messages. Sessions make these; users get them from {@link TableEnvironment}.
 */
public final class QueryTable implements Table {

    /** What a table needs from its session. */
    public interface Planner {

        /** Validates a query and returns its columns; a bad query fails with the SQL error. */
        TableSchema validate(String query);

        TableResult execute(String query);

        TableResult executeInsert(String tablePath, String query);

        String explain(String query);

        TemporalTableFunction temporalTableFunction(String query, TableSchema schema, String timeAttribute,
                String primaryKey);

        /**
         * Registers the query as a temporary view under a new unique name ({@code UnnamedTable$N}) and
         * returns its quoted, fully qualified name, for SQL that names the table.
         */
        String registerUnnamed(String query, TableSchema schema);

        /** Registers an inline function under {@code name} as a temporary system function, once. */
        void registerInlineFunction(String name, UserDefinedFunction function);

        /** The user-defined function a call by {@code name} finds, or null (a built-in or no function). */
        UserDefinedFunction function(String name);
    }

    private final Planner planner;
    private final String query;
    private final TableSchema schema;
    /** For a join without condition: the two sides, so that {@link #where} becomes its condition. */
    private final String[] pendingJoin;
    /** ORDER BY items, offset and fetch not yet rendered, so that orderBy().offset().fetch() is one clause. */
    private final List<String> order;
    private final Integer offset;
    private final Integer fetch;
    /** The name {@link #toString} registered this table under, once it has. */
    private String registeredName;

    private QueryTable(Planner planner, String query, TableSchema schema, String[] pendingJoin, List<String> order,
            Integer offset, Integer fetch) {
        this.planner = planner;
        this.query = query;
        this.schema = schema;
        this.pendingJoin = pendingJoin;
        this.order = order;
        this.offset = offset;
        this.fetch = fetch;
    }

    /** A table of a query the caller has validated into {@code schema}. */
    public static QueryTable of(Planner planner, String query, TableSchema schema) {
        // A trailing "-- comment" would swallow the ")" of a query wrapped around this one.
        String wrappable = query.contains("--") ? query.stripTrailing() + "\n" : query;
        return new QueryTable(planner, wrappable, schema, null, List.of(), null, null);
    }

    /** A table of {@code newQuery} over this one, its inline functions registered and the query validated. */
    QueryTable derived(String newQuery) {
        String resolved = resolveInlineFunctions(newQuery);
        return new QueryTable(planner, resolved, planner.validate(resolved), null, List.of(), null, null);
    }

    String resolveInlineFunctions(String sql) {
        return InlineFunctions.resolve(sql, planner::registerInlineFunction);
    }

    Planner planner() {
        return planner;
    }

    @Override
    public String toSqlString() {
        if (order.isEmpty() && offset == null && fetch == null) {
            return query;
        }
        StringBuilder sql = new StringBuilder("SELECT * FROM (").append(query).append(") AS `$t`");
        if (!order.isEmpty()) {
            sql.append(" ORDER BY ").append(String.join(", ", order));
        }
        if (fetch != null) {
            sql.append(" LIMIT ").append(fetch);
        }
        if (offset != null) {
            sql.append(" OFFSET ").append(offset);
        }
        return sql.toString();
    }

    String from() {
        return " FROM (" + toSqlString() + ") AS `$t`";
    }

    @Override
    public TableSchema getResolvedSchema() {
        return schema;
    }

    @Override
    public Table select(Expression... fields) {
        return derived("SELECT " + list("select", fields) + from());
    }

    @Override
    public Table filter(Expression predicate) {
        String condition = text("filter", predicate);
        if (pendingJoin != null) {
            return join("JOIN", pendingJoin[0], pendingJoin[1], condition);
        }
        return derived("SELECT *" + from() + " WHERE " + condition);
    }

    @Override
    public Table where(Expression predicate) {
        return filter(predicate);
    }

    @Override
    public GroupedTable groupBy(Expression... fields) {
        List<String> keys = texts("groupBy", fields);
        return new GroupedTable() {
            @Override
            public Table select(Expression... aggregates) {
                return derived("SELECT " + list("select", aggregates) + from() + " GROUP BY " + String.join(", ", keys));
            }

            @Override
            public AggregatedTable aggregate(Expression aggregateFunction) {
                return FunctionTables.aggregate(QueryTable.this, from(), keys, aggregateFunction)::select;
            }

            @Override
            public FlatAggregateTable flatAggregate(Expression tableAggregateFunction) {
                return FunctionTables.flatAggregate(QueryTable.this, from(), keys, tableAggregateFunction)::select;
            }
        };
    }

    @Override
    public Table map(Expression mapFunction) {
        return FunctionTables.map(this, mapFunction);
    }

    @Override
    public Table flatMap(Expression tableFunction) {
        return FunctionTables.flatMap(this, tableFunction);
    }

    @Override
    public AggregatedTable aggregate(Expression aggregateFunction) {
        return FunctionTables.aggregate(this, from(), List.of(), aggregateFunction)::select;
    }

    @Override
    public FlatAggregateTable flatAggregate(Expression tableAggregateFunction) {
        return FunctionTables.flatAggregate(this, from(), List.of(), tableAggregateFunction)::select;
    }

    @Override
    public Table joinLateral(Expression tableFunctionCall) {
        return FunctionTables.joinLateral(this, tableFunctionCall, null);
    }

    @Override
    public Table joinLateral(Expression tableFunctionCall, Expression joinPredicate) {
        return FunctionTables.joinLateral(this, tableFunctionCall, joinPredicate);
    }

    @Override
    public Table leftOuterJoinLateral(Expression tableFunctionCall) {
        return FunctionTables.leftOuterJoinLateral(this, tableFunctionCall, null);
    }

    @Override
    public Table leftOuterJoinLateral(Expression tableFunctionCall, Expression joinPredicate) {
        return FunctionTables.leftOuterJoinLateral(this, tableFunctionCall, joinPredicate);
    }

    @Override
    public GroupWindowedTable window(GroupWindow window) {
        checkTimeColumn(window);
        return keys -> {
            String windowName = Expressions.quoted(window.alias());
            List<String> otherKeys = new ArrayList<>();
            boolean hasWindow = false;
            for (Expression key : keys) {
                String text = text("groupBy", key);
                if (text.equals(windowName)) {
                    hasWindow = true;
                } else {
                    otherKeys.add(text);
                }
            }
            if (!hasWindow) {
                throw new ValidationException("A windowed groupBy must include the window's alias $(\"" + window.alias()
                        + "\"), e.g. .groupBy($(\"" + window.alias() + "\"), $(\"key\"))");
            }
            List<String> groupKeys = new ArrayList<>(otherKeys);
            groupKeys.addAll(GroupWindow.WINDOW_COLUMNS);
            String from = window.from(this, otherKeys);
            return new WindowGroupedTable() {
                @Override
                public Table select(Expression... fields) {
                    return derived("SELECT " + windowProperties(window, fields) + from + " GROUP BY "
                            + String.join(", ", groupKeys));
                }

                @Override
                public AggregatedTable aggregate(Expression aggregateFunction) {
                    QueryTable flat = FunctionTables.aggregate(QueryTable.this, from, groupKeys, aggregateFunction);
                    return fields -> flat.derived("SELECT " + windowProperties(window, fields) + flat.from());
                }

                @Override
                public FlatAggregateTable flatAggregate(Expression tableAggregateFunction) {
                    QueryTable flat = FunctionTables.flatAggregate(QueryTable.this, from, groupKeys,
                            tableAggregateFunction);
                    return fields -> flat.derived("SELECT " + windowProperties(window, fields) + flat.from());
                }
            };
        };
    }

    /** The window's time field must be a column of this table (the planner checks it is a time attribute). */
    private void checkTimeColumn(GroupWindow window) {
        if (schema.column(window.timeColumn()).isEmpty()) {
            throw new ValidationException("window(" + window.alias() + "): on($(\"" + window.timeColumn() + "\")) names "
                    + "no column; the columns are " + schema.columnNames());
        }
    }

    /** The select list with {@code $("w").start()}/{@code end()}/{@code rowtime()}/{@code proctime()} as the window's columns. */
    private static String windowProperties(GroupWindow window, Expression... fields) {
        return resolveWindows(parts -> {
            if (!parts[0].equals(Expressions.quoted(window.alias())) || parts[1].equals(ApiExpression.OVER)) {
                throw new ValidationException(parts[0] + "." + parts[1].toLowerCase() + "() names no window; the "
                        + "window is $(\"" + window.alias() + "\")");
            }
            return window.property(parts[1]);
        }, fields);
    }

    /**
     * The select list with each window marker resolved: a marker holds the window's name and the
     * property ({@code START}, {@code END}, {@code ROWTIME}, or {@code OVER} and the aggregate).
     */
    private static String resolveWindows(java.util.function.Function<String[], String> resolver, Expression... fields) {
        List<String> items = new ArrayList<>();
        for (Expression field : fields) {
            String text = field.asSerializableString();
            StringBuilder resolved = new StringBuilder();
            int at = 0;
            int start;
            while ((start = text.indexOf(ApiExpression.WINDOW_PROPERTY, at)) >= 0) {
                int end = text.indexOf(ApiExpression.WINDOW_PROPERTY, start + 1);
                resolved.append(text, at, start).append(resolver.apply(text.substring(start + 1, end).split("\u0001")));
                at = end + 1;
            }
            items.add(resolved.append(text.substring(at)).toString());
        }
        if (items.isEmpty()) {
            throw new ValidationException("select() needs at least one expression");
        }
        return String.join(", ", items);
    }

    @Override
    public OverWindowedTable window(OverWindow... overWindows) {
        if (overWindows.length == 0) {
            throw new ValidationException("window() needs at least one over window, e.g. Over.partitionBy($(\"k\"))"
                    + ".orderBy($(\"ts\")).preceding(UNBOUNDED_RANGE).as(\"w\")");
        }
        return fields -> derived("SELECT " + resolveWindows(parts -> {
            for (OverWindow window : overWindows) {
                if (parts[0].equals(Expressions.quoted(window.alias())) && parts[1].equals(ApiExpression.OVER)) {
                    return parts[2] + " OVER (" + window.spec() + ")";
                }
            }
            throw new ValidationException(parts[0] + (parts[1].equals(ApiExpression.OVER) ? " names no over window"
                    : "." + parts[1].toLowerCase() + "() is a group window's property, not an over window's")
                    + "; the over windows are " + Arrays.stream(overWindows).map(w -> "$(\"" + w.alias() + "\")").toList());
        }, fields) + from());
    }

    @Override
    public Table join(Table right) {
        String[] sides = joinSides(right);
        QueryTable crossJoin = join("JOIN", sides[0], sides[1], "TRUE");
        return new QueryTable(planner, crossJoin.query, crossJoin.schema, sides, List.of(), null, null);
    }

    @Override
    public Table join(Table right, Expression joinPredicate) {
        return join("JOIN", right, joinPredicate);
    }

    @Override
    public Table leftOuterJoin(Table right, Expression joinPredicate) {
        return join("LEFT JOIN", right, joinPredicate);
    }

    @Override
    public Table rightOuterJoin(Table right, Expression joinPredicate) {
        return join("RIGHT JOIN", right, joinPredicate);
    }

    @Override
    public Table fullOuterJoin(Table right, Expression joinPredicate) {
        return join("FULL JOIN", right, joinPredicate);
    }

    private Table join(String kind, Table right, Expression joinPredicate) {
        String[] sides = joinSides(right);
        return join(kind, sides[0], sides[1], text("join", joinPredicate));
    }

    private QueryTable join(String kind, String left, String right, String condition) {
        return derived("SELECT * FROM (" + left + ") AS `$l` " + kind + " (" + right + ") AS `$r` ON " + condition);
    }

    /** Both sides' SQL; their column names must differ, as in Flink, so that each names one column. */
    private String[] joinSides(Table right) {
        Set<String> common = new LinkedHashSet<>(schema.columnNames());
        common.retainAll(right.getResolvedSchema().columnNames());
        if (!common.isEmpty()) {
            throw new ValidationException("join: both tables have the columns " + common + "; the names must differ. "
                    + "Rename one side's columns first, e.g. right.as(...) or renameColumns($(\"id\").as(\"r_id\"))");
        }
        return new String[] {toSqlString(), right.toSqlString()};
    }

    @Override
    public Table orderBy(Expression... fields) {
        List<String> items = texts("orderBy", fields).stream().map(this::resolveInlineFunctions).toList();
        return new QueryTable(planner, query, schema, null, items, null, null);
    }

    @Override
    public Table offset(int rows) {
        if (rows < 0) {
            throw new ValidationException("offset must be 0 or more, not " + rows);
        }
        return new QueryTable(planner, query, schema, null, order, rows, fetch);
    }

    @Override
    public Table fetch(int rows) {
        if (rows < 0) {
            throw new ValidationException("fetch must be 0 or more, not " + rows);
        }
        return new QueryTable(planner, query, schema, null, order, offset, rows);
    }

    @Override
    public Table limit(int rows) {
        return fetch(rows);
    }

    @Override
    public Table limit(int offsetRows, int fetchRows) {
        return offset(offsetRows).fetch(fetchRows);
    }

    @Override
    public Table as(String field, String... fields) {
        List<String> names = new ArrayList<>();
        names.add(field);
        names.addAll(Arrays.asList(fields));
        List<String> columns = schema.columnNames();
        if (names.size() != columns.size()) {
            throw new ValidationException("as" + names + ": the table has " + columns.size() + " columns " + columns
                    + ", so it needs " + columns.size() + " names");
        }
        List<String> items = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            items.add(Expressions.quoted(columns.get(i)) + " AS " + Expressions.quoted(names.get(i)));
        }
        return derived("SELECT " + String.join(", ", items) + from());
    }

    @Override
    public Table addColumns(Expression... fields) {
        for (Expression field : fields) {
            String name = field instanceof ApiExpression api ? api.alias() : null;
            if (name != null && schema.columnNames().contains(name)) {
                throw new ValidationException("addColumns: the table already has a column '" + name
                        + "'; use addOrReplaceColumns to replace it");
            }
        }
        return derived("SELECT *, " + list("addColumns", fields) + from());
    }

    @Override
    public Table addOrReplaceColumns(Expression... fields) {
        List<String> items = new ArrayList<>();
        schema.columnNames().forEach(c -> items.add(Expressions.quoted(c)));
        for (Expression field : fields) {
            String name = field instanceof ApiExpression api ? api.alias() : null;
            int existing = name == null ? -1 : schema.columnNames().indexOf(name);
            if (existing >= 0) {
                items.set(existing, text("addOrReplaceColumns", field));
            } else {
                items.add(text("addOrReplaceColumns", field));
            }
        }
        return derived("SELECT " + String.join(", ", items) + from());
    }

    @Override
    public Table renameColumns(Expression... fields) {
        List<String> items = new ArrayList<>();
        schema.columnNames().forEach(c -> items.add(Expressions.quoted(c)));
        for (Expression field : fields) {
            ApiExpression api = field instanceof ApiExpression e ? e : null;
            int column = api == null || api.alias() == null ? -1 : items.indexOf(api.expressionText());
            if (column < 0) {
                throw new ValidationException("renameColumns(" + field + "): write a column and its new name, e.g. "
                        + "$(\"a\").as(\"b\"); the columns are " + schema.columnNames());
            }
            items.set(column, api.asSerializableString());
        }
        return derived("SELECT " + String.join(", ", items) + from());
    }

    @Override
    public Table dropColumns(Expression... fields) {
        Set<String> dropped = new LinkedHashSet<>(texts("dropColumns", fields));
        List<String> kept = new ArrayList<>();
        for (String column : schema.columnNames()) {
            if (!dropped.remove(Expressions.quoted(column))) {
                kept.add(Expressions.quoted(column));
            }
        }
        if (!dropped.isEmpty()) {
            throw new ValidationException("dropColumns: no column " + dropped + "; the columns are "
                    + schema.columnNames());
        }
        if (kept.isEmpty()) {
            throw new ValidationException("dropColumns would drop every column of the table");
        }
        return derived("SELECT " + String.join(", ", kept) + from());
    }

    @Override
    public Table distinct() {
        return derived("SELECT DISTINCT *" + from());
    }

    @Override
    public Table union(Table right) {
        return setOperation("UNION", right);
    }

    @Override
    public Table unionAll(Table right) {
        return setOperation("UNION ALL", right);
    }

    @Override
    public Table intersect(Table right) {
        return setOperation("INTERSECT", right);
    }

    @Override
    public Table intersectAll(Table right) {
        return setOperation("INTERSECT ALL", right);
    }

    @Override
    public Table minus(Table right) {
        return setOperation("EXCEPT", right);
    }

    @Override
    public Table minusAll(Table right) {
        return setOperation("EXCEPT ALL", right);
    }

    private Table setOperation(String operator, Table right) {
        return derived("SELECT *" + from() + " " + operator + " SELECT * FROM (" + right.toSqlString() + ") AS `$u`");
    }

    @Override
    public TableResult execute() {
        return planner.execute(toSqlString());
    }

    @Override
    public TableResult executeInsert(String tablePath) {
        return planner.executeInsert(tablePath, toSqlString());
    }

    @Override
    public TemporalTableFunction createTemporalTableFunction(String timeAttribute, String primaryKey) {
        return planner.temporalTableFunction(toSqlString(), schema, timeAttribute, primaryKey);
    }

    @Override
    public String explain() {
        return planner.explain(toSqlString());
    }

    @Override
    public String toString() {
        // As in Flink: the table registers itself under a unique name, so "FROM " + table is valid SQL.
        if (registeredName == null) {
            registeredName = planner.registerUnnamed(toSqlString(), schema);
        }
        return registeredName;
    }

    static List<String> texts(String operation, Expression... fields) {
        if (fields.length == 0) {
            throw new ValidationException(operation + "() needs at least one expression");
        }
        return Arrays.stream(fields).map(f -> text(operation, f)).toList();
    }

    static String list(String operation, Expression... fields) {
        return texts(operation, fields).stream().collect(Collectors.joining(", "));
    }

    /** An expression's SQL; a window property outside a window's select fails. */
    static String text(String operation, Expression field) {
        String text = field.asSerializableString();
        if (text.indexOf(ApiExpression.WINDOW_PROPERTY) >= 0) {
            throw new ValidationException(operation + "(" + field + "): start(), end() and rowtime() of a window's "
                    + "alias are available only in the select of window(...).groupBy(...), over(...) only in the "
                    + "select of window(overWindow)");
        }
        return text;
    }
}
