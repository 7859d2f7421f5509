package io.weir.sql.api;

import io.weir.sql.catalog.Column;
import io.weir.sql.expressions.Expression;
import io.weir.sql.functions.AggregateFunction;
import io.weir.sql.functions.ScalarFunction;
import io.weir.sql.functions.TableAggregateFunction;
import io.weir.sql.functions.TableFunction;
import io.weir.sql.functions.UserDefinedFunction;
import io.weir.sql.types.LogicalType;
import io.weir.sql.types.LogicalTypeRoot;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Table operations that take a function call (Flink's row-based operations): {@code map} with a
 * scalar function, {@code flatMap} and {@code joinLateral} with a table function, {@code aggregate}
 * with an aggregate function. Each is the SQL it stands for, as the other operations are:
 * {@code map(call(f, $("a")))} is {@code SELECT f(a)} with a ROW result flattened into its fields,
 * {@code flatMap(call(t, $("a")))} is {@code SELECT w.* FROM ..., LATERAL TABLE(t(a)) AS w}, and
 * {@code groupBy($("k")).aggregate(call(agg, $("v")))} is {@code SELECT k, agg(v) ... GROUP BY k}
 * with the result flattened.
 */
final class FunctionTables {

    /** A call by name: the (possibly quoted) name before the argument list. */
    private static final Pattern NAMED_CALL = Pattern.compile("^(`(?:[^`]|``)+`|[A-Za-z_][A-Za-z0-9_$]*)\\(");

    private FunctionTables() {
    }

    /** {@code table.map(call)}: one row per row, the scalar function's result (a ROW's fields as columns). */
    static Table map(QueryTable table, Expression call) {
        ApiExpression function = checkedCall(table, "map", call, ScalarFunction.class, "ScalarFunction");
        QueryTable mapped = table.derived("SELECT " + function.expressionText() + " AS `$r`" + table.from());
        return flattened(mapped, List.of(), "`$r`", function.names(), "map");
    }

    /** {@code table.flatMap(call)}: the rows the table function gives for each row, only its columns. */
    static Table flatMap(QueryTable table, Expression call) {
        ApiExpression function = checkedCall(table, "flatMap", call, TableFunction.class, "TableFunction");
        return table.derived("SELECT `$f`.*" + table.from() + ", " + lateral(function));
    }

    /**
     * {@code joinLateral(call[, predicate])}: each row joined with the rows the table function gives
     * for it (an inner join: rows without results drop out).
     */
    static Table joinLateral(QueryTable table, Expression call, Expression predicate) {
        ApiExpression function = checkedCall(table, "joinLateral", call, TableFunction.class, "TableFunction");
        QueryTable joined = lateralJoin(table, function, ", ", "", "joinLateral");
        return predicate == null ? joined : joined.filter(predicate);
    }

    /** {@code leftOuterJoinLateral(call[, TRUE])}: as joinLateral, a row without results kept with NULLs. */
    static Table leftOuterJoinLateral(QueryTable table, Expression call, Expression predicate) {
        ApiExpression function = checkedCall(table, "leftOuterJoinLateral", call, TableFunction.class,
                "TableFunction");
        if (predicate != null && !QueryTable.text("leftOuterJoinLateral", predicate).equals("TRUE")) {
            throw new ValidationException("leftOuterJoinLateral(" + call + ", " + predicate + "): the predicate of a "
                    + "left outer join with a table function can only be empty or lit(true), as in Flink; use "
                    + "joinLateral with the predicate, or filter the result");
        }
        return lateralJoin(table, function, " LEFT JOIN ", " ON TRUE", "leftOuterJoinLateral");
    }

    /**
     * {@code [groupBy(keys).]aggregate(call)}: the keys and the aggregate function's result per group
     * (a ROW's fields as columns); {@code select} picks from them.
     */
    static QueryTable aggregate(QueryTable table, String from, List<String> keys, Expression call) {
        ApiExpression function = checkedCall(table, "aggregate", call, AggregateFunction.class, "AggregateFunction");
        QueryTable aggregated = grouped(table, from, keys, function, "$a");
        return flattened(aggregated, aggregated.getResolvedSchema().columnNames().subList(0, keys.size()), "`$a`",
                function.names(), "aggregate");
    }

    /** The column of a flatAggregate's rows before the UNNEST expands them. */
    private static final String TABLE_AGGREGATE_COLUMN = TableAggregateFunction.ROWS_COLUMN;

    /** {@code SELECT keys, call AS `column` FROM ... GROUP BY keys}. */
    private static QueryTable grouped(QueryTable table, String from, List<String> keys, ApiExpression function,
            String column) {
        List<String> items = new ArrayList<>(keys);
        items.add(function.expressionText() + " AS `" + column + "`");
        String groupBy = keys.isEmpty() ? "" : " GROUP BY " + String.join(", ", keys);
        return table.derived("SELECT " + String.join(", ", items) + from + groupBy);
    }

    /**
     * {@code [groupBy(keys).]flatAggregate(call)}: per group, the keys and each row the table aggregate
     * emits, as the aggregate's list of rows expanded with UNNEST: a change of the group takes back its
     * old rows and adds its new ones.
     */
    static QueryTable flatAggregate(QueryTable table, String from, List<String> keys, Expression call) {
        ApiExpression function = checkedCall(table, "flatAggregate", call, TableAggregateFunction.class,
                "TableAggregateFunction");
        QueryTable aggregated = grouped(table, from, keys, function, TABLE_AGGREGATE_COLUMN);
        List<String> keyColumns = aggregated.getResolvedSchema().columnNames().subList(0, keys.size());
        List<String> allFields = aggregated.getResolvedSchema().columns().get(keys.size()).type().children().get(0)
                .fieldNames();
        // emitUpdateWithRetract: the rows end with the retraction flag, which the UNNEST turns into the row's kind.
        boolean withRetract = allFields.get(allFields.size() - 1).equals(TableAggregateFunction.RETRACT_FIELD);
        List<String> fields = withRetract ? allFields.subList(0, allFields.size() - 1) : allFields;
        List<String> names = function.names().isEmpty() ? fields : function.names();
        if (names.size() != fields.size()) {
            throw new ValidationException("flatAggregate: as" + names + " gives " + names.size() + " names, but the "
                    + "rows the function emits have " + fields.size() + " fields " + fields);
        }
        Set<String> common = new LinkedHashSet<>(keyColumns);
        common.retainAll(names);
        if (!common.isEmpty()) {
            throw new ValidationException("flatAggregate: the emitted rows' columns " + names + " repeat the group "
                    + "keys " + common + "; name them apart with call(...).as(\"a\", \"b\", ...)");
        }
        List<String> columns = new ArrayList<>();
        keyColumns.forEach(key -> columns.add("`$g`." + Expressions.quoted(key)));
        names.forEach(name -> columns.add("`$e`." + Expressions.quoted(name)));
        List<String> unnested = new ArrayList<>(names.stream().map(Expressions::quoted).toList());
        if (withRetract) {
            unnested.add(Expressions.quoted(TableAggregateFunction.RETRACT_FIELD));
        }
        // The UNNEST of `$g`.`$a` expands a table aggregate's rows: UnnestTranslator gives them Flink's kinds.
        return aggregated.derived("SELECT " + String.join(", ", columns) + " FROM (" + aggregated.toSqlString()
                + ") AS `$g` CROSS JOIN UNNEST(`$g`.`" + TABLE_AGGREGATE_COLUMN + "`) AS `$e`("
                + String.join(", ", unnested) + ")");
    }

    /**
     * The {@code resultColumn} of {@code table} in place: a ROW's fields (or the one value) named
     * {@code names} if given, after the {@code kept} columns.
     */
    private static QueryTable flattened(QueryTable table, List<String> kept, String resultColumn, List<String> names,
            String operation) {
        Column result = table.getResolvedSchema().columns().get(kept.size());
        LogicalType type = result.type();
        List<String> fields = type.root() == LogicalTypeRoot.ROW ? type.fieldNames() : List.of("_c0");
        if (!names.isEmpty() && names.size() != fields.size()) {
            throw new ValidationException(operation + ": as" + names + " gives " + names.size() + " names, but the "
                    + "function's result has " + fields.size() + " fields " + fields);
        }
        List<String> items = new ArrayList<>();
        kept.forEach(column -> items.add(Expressions.quoted(column)));
        for (int i = 0; i < fields.size(); i++) {
            String value = type.root() == LogicalTypeRoot.ROW
                    ? "`$m`." + resultColumn + "." + Expressions.quoted(fields.get(i)) : "`$m`." + resultColumn;
            items.add(value + " AS " + Expressions.quoted(names.isEmpty() ? fields.get(i) : names.get(i)));
        }
        return table.derived("SELECT " + String.join(", ", items) + " FROM (" + table.toSqlString() + ") AS `$m`");
    }

    /** {@code LATERAL TABLE(f(...)) AS `$f`[(names)]}. */
    private static String lateral(ApiExpression function) {
        String names = function.names().isEmpty() ? ""
                : "(" + String.join(", ", function.names().stream().map(Expressions::quoted).toList()) + ")";
        return "LATERAL TABLE(" + function.expressionText() + ") AS `$f`" + names;
    }

    private static QueryTable lateralJoin(QueryTable table, ApiExpression function, String join, String condition,
            String operation) {
        Set<String> common = new LinkedHashSet<>(table.getResolvedSchema().columnNames());
        common.retainAll(function.names());
        if (!common.isEmpty()) {
            throw clash(operation, function.names(), table);
        }
        QueryTable joined;
        try {
            joined = table.derived("SELECT *" + table.from() + join + lateral(function) + condition);
        } catch (ValidationException e) {
            throw e;
        } catch (RuntimeException e) {
            // Calcite cannot convert the call when a column name of the function's rows shadows an argument
            throw new ValidationException(operation + "(" + function + ") could not be planned (" + e.getMessage()
                    + "): a column of the function's rows probably has the name of one of the table's columns "
                    + table.getResolvedSchema().columnNames() + "; name them apart with call(...).as(\"a\", ...)", e);
        }
        checkDistinctColumns(table, joined, operation);
        return joined;
    }

    private static ValidationException clash(String operation, List<String> functionColumns, QueryTable table) {
        return new ValidationException(operation + ": the table function's columns " + functionColumns + " repeat "
                + "the table's columns " + table.getResolvedSchema().columnNames() + "; name them apart with "
                + "call(...).as(\"a\", \"b\", ...)");
    }

    /** The table function's columns must not repeat the table's, as in Flink: each name must name one column. */
    private static void checkDistinctColumns(QueryTable left, QueryTable joined, String operation) {
        List<String> columns = joined.getResolvedSchema().columnNames();
        Set<String> functionColumns = new LinkedHashSet<>(columns.subList(left.getResolvedSchema().columnNames().size(),
                columns.size()));
        Set<String> common = new LinkedHashSet<>(left.getResolvedSchema().columnNames());
        common.retainAll(functionColumns);
        if (!common.isEmpty() || functionColumns.size() < columns.size() - left.getResolvedSchema().columnNames().size()) {
            throw clash(operation, List.copyOf(functionColumns), left);
        }
    }

    /**
     * The call as an expression, checked to be a call of a function of {@code kind}: an inline
     * function object, or a registered function by name.
     */
    static ApiExpression checkedCall(QueryTable table, String operation, Expression call,
            Class<? extends UserDefinedFunction> kind, String kindName) {
        if (!(call instanceof ApiExpression function)) {
            throw new ValidationException(operation + "(" + call + "): write a function call, e.g. call(new My"
                    + kindName + "(), $(\"a\")) or call(\"registered_name\", $(\"a\"))");
        }
        String text = function.expressionText();
        UserDefinedFunction callee = InlineFunctions.leading(text);
        String name = callee == null ? null : callee.getClass().getSimpleName();
        if (callee == null) {
            Matcher named = NAMED_CALL.matcher(text);
            if (!named.find() || !text.endsWith(")")) {
                throw new ValidationException(operation + "(" + call + ") takes a call of a " + kindName
                        + ", e.g. call(new My" + kindName + "(), $(\"a\")), not another expression");
            }
            name = named.group(1).startsWith("`") ? named.group(1).substring(1, named.group(1).length() - 1)
                    .replace("``", "`") : named.group(1);
            callee = table.planner().function(name);
        }
        if (callee != null && (!kind.isInstance(callee)
                || kind == AggregateFunction.class && callee instanceof TableAggregateFunction<?, ?>)) {
            throw new ValidationException(operation + " takes a " + kindName + ", but " + name + " is a "
                    + kindOf(callee) + "; " + hint(callee));
        }
        if (callee == null && kind != ScalarFunction.class) {
            throw new ValidationException(operation + "(" + call + "): " + name + " is no user-defined " + kindName
                    + "; register one with createTemporarySystemFunction or call a function object");
        }
        return function;
    }

    private static String kindOf(UserDefinedFunction function) {
        for (Class<?> kind : List.of(ScalarFunction.class, TableFunction.class, TableAggregateFunction.class,
                AggregateFunction.class)) {
            if (kind.isInstance(function)) {
                return kind.getSimpleName();
            }
        }
        return function.getClass().getSuperclass().getSimpleName();
    }

    /** The operation that takes a function of this kind. */
    private static String hint(UserDefinedFunction function) {
        if (function instanceof ScalarFunction) {
            return "use it in map, select or filter";
        }
        if (function instanceof TableFunction<?>) {
            return "use it in flatMap, joinLateral or leftOuterJoinLateral";
        }
        if (function instanceof TableAggregateFunction<?, ?>) {
            return "use it in flatAggregate";
        }
        return "use it in aggregate, or in the select of groupBy";
    }
}
