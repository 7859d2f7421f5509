package io.weir.sql.planner;

import io.weir.sql.catalog.CatalogBaseTable;
import io.weir.sql.catalog.CatalogTable;
import io.weir.sql.catalog.Column;
import io.weir.sql.catalog.ObjectIdentifier;
import io.weir.sql.catalog.SessionCatalogs;
import io.weir.sql.parser.SqlStatementParser;
import io.weir.sql.parser.dml.RichSqlInsert;
import io.weir.sql.types.LogicalType;
import io.weir.sql.parser.StatementPlaces;
import io.weir.sql.parser.StatementPlaces.Subject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.calcite.sql.SqlHint;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlTableRef;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Resolves what an INSERT writes, as Flink does before validation: the columns an INSERT fills are the
 * table's persisted ones (physical and non-virtual metadata columns), never its computed or virtual
 * metadata columns; a {@code PARTITION (k = 'v')} clause gives its columns their values, the query the
 * others; {@code /*+ OPTIONS(...) *}{@code /} on the target overrides the sink's WITH options for the
 * statement. The INSERT is rewritten with an explicit column list (and the static values appended to
 * the query's rows), so that Calcite's validator checks the query's columns against just those.
 */
public final class InsertTargets {

    /**
     * An INSERT ready to validate.
     *
     * @param options the OPTIONS hints of the target, to override its WITH options
     * @param staticPartitions the PARTITION clause's columns and values as text, in the table's order
     */
    public record Target(SqlInsert insert, ObjectIdentifier table, Map<String, String> options,
            Map<String, String> staticPartitions, boolean overwrite) {

        /** The catalog table with the statement's OPTIONS hints applied. */
        public CatalogTable withOptions(CatalogTable table) {
            if (options.isEmpty()) {
                return table;
            }
            Map<String, String> merged = new LinkedHashMap<>(table.options());
            merged.putAll(options);
            return new CatalogTable(table.schema(), merged, table.partitionKeys(), table.comment());
        }
    }

    private InsertTargets() {
    }

    public static Target resolve(SqlInsert insert, SessionCatalogs catalogs) {
        SqlNode targetNode = insert.getTargetTable();
        Map<String, String> options = new LinkedHashMap<>();
        SqlIdentifier name;
        if (targetNode instanceof SqlTableRef ref) {
            name = (SqlIdentifier) ref.operand(0);
            for (SqlNode hint : (SqlNodeList) ref.operand(1)) {
                SqlHint sqlHint = (SqlHint) hint;
                if (!sqlHint.getName().equalsIgnoreCase("OPTIONS")) {
                    throw StatementPlaces.error(Subject.sink(), "INSERT INTO " + name + ": hint '" + sqlHint.getName() + "' is not "
                            + "known on the table an INSERT writes; Weir takes /*+ OPTIONS('k' = 'v') */ there");
                }
                options.putAll(sqlHint.getOptionKVPairs());
            }
        } else {
            name = (SqlIdentifier) targetNode;
        }
        ObjectIdentifier id = catalogs.qualify(name.names);
        boolean overwrite = insert instanceof RichSqlInsert rich && rich.isOverwrite();
        Map<SqlIdentifier, SqlLiteral> partitionClause = insert instanceof RichSqlInsert rich
                ? rich.staticPartitions() : Map.of();
        Optional<CatalogBaseTable> found = catalogs.getTable(id);
        if (found.isEmpty() || !(found.get() instanceof CatalogTable table)) {
            if (!partitionClause.isEmpty()) {
                throw StatementPlaces.error(Subject.sink(), "INSERT INTO " + id.asSummaryString() + " PARTITION (...): "
                        + (found.isEmpty() ? "the table does not exist" : "a view cannot be written to"));
            }
            return new Target(withTarget(insert, name, insert.getTargetColumnList(), insert.getSource()), id, options,
                    Map.of(), overwrite);
        }
        String where = (overwrite ? "INSERT OVERWRITE " : "INSERT INTO ") + id.asSummaryString();
        List<Column> columns = table.schema().columns();
        Map<String, String> staticValues = new LinkedHashMap<>();
        Map<String, SqlNode> staticCasts = new LinkedHashMap<>();
        for (Map.Entry<SqlIdentifier, SqlLiteral> entry : partitionClause.entrySet()) {
            String column = entry.getKey().getSimple();
            if (!table.partitionKeys().contains(column)) {
                throw StatementPlaces.error(Subject.sink(), where + " PARTITION (" + column + " = ...): '" + column + "' is not a "
                        + "partition column of the table; its partition columns are " + table.partitionKeys());
            }
            if (staticValues.containsKey(column)) {
                throw StatementPlaces.error(Subject.sink(), where + " PARTITION (...): column '" + column + "' is given twice");
            }
            SqlLiteral literal = entry.getValue();
            staticValues.put(column, literal.toValue());
            Column target = columns.stream().filter(c -> c.name().equals(column)).findFirst().orElseThrow();
            staticCasts.put(column, cast(literal, target.type()));
        }
        boolean allPersisted = columns.stream().allMatch(Column::isPersisted);
        if (staticValues.isEmpty() && allPersisted) {
            return new Target(withTarget(insert, name, insert.getTargetColumnList(), insert.getSource()), id, options,
                    Map.of(), overwrite);
        }
        List<String> written = new ArrayList<>();
        if (insert.getTargetColumnList() != null) {
            for (SqlNode node : insert.getTargetColumnList()) {
                String column = ((SqlIdentifier) node).getSimple();
                Column target = columns.stream().filter(c -> c.name().equals(column)).findFirst().orElse(null);
                if (target != null && !target.isPersisted()) {
                    throw StatementPlaces.error(Subject.sink(), where + ": column '" + column + "' is "
                            + (target.kind() == Column.Kind.COMPUTED ? "computed" : "a VIRTUAL metadata column")
                            + " and cannot be written; the INSERT's columns are the persisted ones: " + persisted(columns));
                }
                if (staticValues.containsKey(column)) {
                    throw StatementPlaces.error(Subject.sink(), where + ": column '" + column + "' has its value in the PARTITION "
                            + "clause; leave it out of the column list");
                }
                written.add(column);
            }
        } else {
            for (Column column : columns) {
                if (column.isPersisted() && !staticValues.containsKey(column.name())) {
                    written.add(column.name());
                }
            }
        }
        List<SqlNode> columnList = new ArrayList<>();
        for (String column : written) {
            columnList.add(new SqlIdentifier(column, SqlParserPos.ZERO));
        }
        SqlNode source = insert.getSource();
        if (!staticCasts.isEmpty()) {
            List<SqlNode> selectList = new ArrayList<>();
            selectList.add(SqlIdentifier.star(SqlParserPos.ZERO));
            for (Map.Entry<String, SqlNode> entry : staticCasts.entrySet()) {
                columnList.add(new SqlIdentifier(entry.getKey(), SqlParserPos.ZERO));
                selectList.add(SqlStdOperatorTable.AS.createCall(SqlParserPos.ZERO, entry.getValue(),
                        new SqlIdentifier("$static$" + entry.getKey(), SqlParserPos.ZERO)));
            }
            source = new SqlSelect(source.getParserPosition(), null, new SqlNodeList(selectList, SqlParserPos.ZERO),
                    SqlStdOperatorTable.AS.createCall(SqlParserPos.ZERO, source,
                            new SqlIdentifier("$query", SqlParserPos.ZERO)),
                    null, null, null, null, null, null, null, null);
        }
        Map<String, String> staticInTableOrder = new LinkedHashMap<>();
        for (String key : table.partitionKeys()) {
            if (staticValues.containsKey(key)) {
                staticInTableOrder.put(key, staticValues.get(key));
            }
        }
        return new Target(withTarget(insert, name, new SqlNodeList(columnList, SqlParserPos.ZERO), source), id,
                options, staticInTableOrder, overwrite);
    }

    private static List<String> persisted(List<Column> columns) {
        return columns.stream().filter(Column::isPersisted).map(Column::name).toList();
    }

    /** {@code CAST(literal AS type)}, the static value typed as its column. */
    private static SqlNode cast(SqlLiteral literal, LogicalType type) {
        LogicalType plain = type.copy(true).withTimeAttribute(LogicalType.TimeAttribute.NONE);
        SqlSelect select = (SqlSelect) SqlStatementParser.parse("SELECT CAST(" + literal + " AS " + plain + ")");
        return select.getSelectList().get(0);
    }

    /** A plain INSERT INTO the named table (hints, PARTITION and OVERWRITE taken out) of those columns. */
    private static SqlInsert withTarget(SqlInsert insert, SqlIdentifier name, SqlNodeList columns, SqlNode source) {
        return new SqlInsert(insert.getParserPosition(), SqlNodeList.EMPTY, name, source, columns);
    }
}
