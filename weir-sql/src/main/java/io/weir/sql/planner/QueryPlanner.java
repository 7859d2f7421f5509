package io.weir.sql.planner;

import io.weir.sql.api.ValidationException;
import io.weir.sql.catalog.FunctionCatalog;
import io.weir.sql.catalog.SessionCatalogs;
import io.weir.sql.parser.SqlStatementParser;
import io.weir.sql.parser.ddl.SqlCreateTable;
import io.weir.sql.udf.JavaSqlTypes;
import io.weir.sql.udf.UserFunctionTable;
import io.weir.sql.types.FlinkTypeSystem;
import io.weir.sql.codegen.SessionTimeZone;
import io.weir.sql.parser.StatementPlaces;
import io.weir.sql.parser.StatementPlaces.Subject;
import java.time.ZoneId;
import java.util.List;
import java.util.Properties;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.JoinType;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.sql2rel.StandardConvertletTable;
import org.apache.calcite.adapter.java.JavaTypeFactory;

/**
 * Validates SQL against a session's catalogs and converts it to Calcite's logical plan
 * ({@link RelRoot}). One planner serves one statement: it sees the catalogs as they are when it
 * is created. Views read by the statement are planned in place, each against its own path.
 */
public final class QueryPlanner implements RelOptTable.ViewExpander {

    private final JavaTypeFactory typeFactory = new JavaTypeFactoryImpl(FlinkTypeSystem.INSTANCE);
    private final CalciteSchema rootSchema;
    private final RelOptCluster cluster;
    private final List<String> defaultPath;
    /**
     * The session's system functions, Calcite's standard operators with Flink's window table
     * functions and PROCTIME(), then the session's catalog functions.
     */
    private final SqlOperatorTable operators;
    private final FunctionCatalog functions;
    private final SessionCatalogs catalogs;
    /** The session time zone; null for a planner that only derives types. */
    private final ZoneId sessionZone;
    /** See {@link #refusingBatchOnlyFunctions}. */
    private boolean refuseBatchOnlyFunctions;

    /**
     * A planner for deriving types (of DDL columns, a view's query): its plans carry no session time
     * zone, so they cannot be turned into code; plan queries that run with {@link #QueryPlanner(SessionCatalogs, ZoneId)}.
     */
    public QueryPlanner(SessionCatalogs catalogs) {
        this(catalogs, (ZoneId) null);
    }

    /**
     * @param sessionZone the session time zone ({@code table.local-time-zone}), which its plans carry in
     *     their cluster's context to code generation and window planning ({@link SessionTimeZone#of})
     */
    public QueryPlanner(SessionCatalogs catalogs, ZoneId sessionZone) {
        this.catalogs = catalogs;
        this.sessionZone = sessionZone;
        this.rootSchema = CatalogSchemas.rootSchema(catalogs);
        HepProgram none = HepProgram.builder().build();
        this.cluster = RelOptCluster.create(sessionZone == null ? new HepPlanner(none)
                : new HepPlanner(none, SessionTimeZone.context(sessionZone)), new RexBuilder(typeFactory));
        this.defaultPath = List.of(catalogs.currentCatalog(), catalogs.currentDatabase());
        this.functions = catalogs.functions();
        JavaSqlTypes functionTypes = new JavaSqlTypes(typeFactory, this::parseType);
        this.operators = SqlOperatorTables.chain(UserFunctionTable.systemFunctions(catalogs.functions(), functionTypes),
                // Flink's built-ins beyond Calcite's standard ones (collection, string, hash, temporal, JSON).
                BuiltInFunctionTable.operatorTable(),
                WindowTableFunctions.operatorTable(), ProctimeFunction.operatorTable(), WindowTimeFunctions.operatorTable(),
                UserFunctionTable.catalogFunctions(catalogs.functions(), defaultPath, functionTypes));
    }

    /**
     * The columns of the catalog tables and views the statement names ({@code t: [a, b]}), for the
     * hint of an unknown column; a name that is no table is skipped.
     */
    private List<String> tableColumns(SqlNode statement, List<String> path) {
        java.util.Map<String, List<String>> columns = new java.util.LinkedHashMap<>();
        CalciteCatalogReader reader = catalogReader(path);
        statement.accept(new org.apache.calcite.sql.util.SqlBasicVisitor<Void>() {
            @Override
            public Void visit(org.apache.calcite.sql.SqlIdentifier id) {
                if (!id.isStar()) {
                    try {
                        var table = reader.getTable(id.names);
                        if (table != null) {
                            List<String> qualified = table.getQualifiedName();
                            columns.putIfAbsent(qualified.get(qualified.size() - 1), table.getRowType().getFieldNames());
                        }
                    } catch (RuntimeException e) {
                        // not a table name
                    }
                }
                return null;
            }
        });
        return columns.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList();
    }

    /** The names of the functions a statement may call: built-ins, then the session's user-defined ones. */
    private List<String> functionNames() {
        List<String> names = new java.util.ArrayList<>();
        operators.getOperatorList().forEach(op -> names.add(op.getName()));
        names.addAll(functions.names(defaultPath.get(0), defaultPath.get(1)));
        return names;
    }

    /** The session time zone the planner's plans carry; null for a planner that only derives types. */
    public ZoneId sessionZone() {
        return sessionZone;
    }

    /** The session's catalogs, as the planner was made with them. */
    public SessionCatalogs catalogs() {
        return catalogs;
    }

    public JavaTypeFactory typeFactory() {
        return typeFactory;
    }

    /** The validator's view of the current path, for deriving types of DDL columns. */
    public SqlValidator validator() {
        return newValidator(defaultPath);
    }

    public RelDataType typeOf(SqlDataTypeSpec spec) {
        return spec.deriveType(validator(), true);
    }

    /** A type in DDL syntax ({@code ROW<a INT, b STRING>}), as a column of CREATE TABLE declares it. */
    public RelDataType parseType(String type) {
        SqlNode node = SqlStatementParser.parse("CREATE TEMPORARY TABLE t (x " + type + ") WITH ('connector' = 'blackhole')");
        return typeOf(((SqlCreateTable) node).columns().get(0).type());
    }

    /**
     * Makes this planner refuse, at their place in the statement, the OVER functions Flink's streaming
     * mode cannot run (LEAD, NTILE, CUME_DIST, PERCENT_RANK); off by default (views, types).
     */
    public QueryPlanner refusingBatchOnlyFunctions(boolean refuse) {
        this.refuseBatchOnlyFunctions = refuse;
        return this;
    }

    /** Validates a query or INSERT and converts it to a logical plan. */
    public RelRoot toRel(SqlNode statement) {
        return toRel(statement, defaultPath);
    }

    private RelRoot toRel(SqlNode statement, List<String> path) {
        SqlValidator validator = newValidator(path);
        WindowTimeFunctions.rewrite(statement);
        SessionEndRewriter.rewrite(statement);
        SessionPartitionRewriter.rewrite(statement);
        TemporalTableFunctionJoins.rewrite(statement, functions, path);
        SessionContextFunctions.rewrite(statement, defaultPath.get(0), defaultPath.get(1));
        SqlNode validated;
        try {
            validated = validator.validate(statement);
        } catch (CalciteContextException e) {
            throw ValidationMessages.describe(e, functionNames(), () -> tableColumns(statement, path));
        }
        ViewHints.refuseOptionsOnViews(validated, catalogReader(path));
        if (refuseBatchOnlyFunctions) {
            OverWindowFunctions.refuseInStreaming(validated);
        }
        SqlToRelConverter converter = new SqlToRelConverter(this, validator, catalogReader(path), cluster,
                call -> call.getOperator().getName().equals(WindowTimeFunctions.WINDOW_BOUND)
                        ? WindowTimeFunctions::convertBound
                        : call.getOperator().getName().equals(WindowTimeFunctions.WINDOW_ROWTIME)
                        ? WindowTimeFunctions::convertRowtime : StandardConvertletTable.INSTANCE.get(call),
                SqlToRelConverter.config().withTrimUnusedFields(false).withExpand(false)
                        .withHintStrategyTable(TableHints.STRATEGIES));
        refuseOuterJoinsOfCorrelatedTables(validated);
        RelRoot root = converter.convertQuery(validated, false, true);
        return TableHints.distinguishHintedScans(root);
    }

    /**
     * A RIGHT or FULL join of UNNEST(...) or LATERAL TABLE(...) is refused, as in Flink (Calcite's
     * converter cannot build it): they join as inner or LEFT joins only.
     */
    private static void refuseOuterJoinsOfCorrelatedTables(SqlNode statement) {
        statement.accept(new org.apache.calcite.sql.util.SqlBasicVisitor<Void>() {
            @Override
            public Void visit(org.apache.calcite.sql.SqlCall call) {
                if (call instanceof SqlJoin join && (join.getJoinType() == JoinType.RIGHT
                        || join.getJoinType() == JoinType.FULL) && correlated(join.getRight())) {
                    SqlNode end = join.getCondition() != null ? join.getCondition() : join.getRight();
                    throw StatementPlaces.error(join.getJoinTypeNode().getParserPosition().plus(end.getParserPosition()),
                            "A " + join.getJoinType() + " JOIN of UNNEST(...) or LATERAL TABLE(...) cannot run, as in "
                            + "Flink: write CROSS JOIN UNNEST(...) (FROM t, LATERAL TABLE(...)) or LEFT JOIN "
                            + "UNNEST(...) ON TRUE (LEFT JOIN LATERAL TABLE(...) ON TRUE)");
                }
                return super.visit(call);
            }
        });
    }

    private static boolean correlated(SqlNode right) {
        SqlNode node = right.getKind() == SqlKind.AS ? ((org.apache.calcite.sql.SqlCall) right).operand(0) : right;
        return node.getKind() == SqlKind.UNNEST || node.getKind() == SqlKind.LATERAL
                || node.getKind() == SqlKind.COLLECTION_TABLE;
    }

    @Override
    public RelRoot expandView(RelDataType rowType, String queryString, List<String> schemaPath,
            List<String> viewPath) {
        try {
            return toRel(SqlStatementParser.parse(queryString), schemaPath);
        } catch (ValidationException e) {
            // its place is in the view's text, not in the statement that reads the view
            throw StatementPlaces.error(Subject.table(viewPath), "View " + String.join(".", viewPath) + " does not plan any more: "
                    + e.getMessage().replace('\n', ' ') + " (in its query: " + queryString
                    + "); create the view again to match its tables", e);
        }
    }

    private SqlValidator newValidator(List<String> path) {
        SqlValidator.Config config = SqlValidator.Config.DEFAULT
                .withConformance(SqlStatementParser.CONFIG.conformance())
                // As Flink's planner: NULLs sort first in ascending order and last in descending order
                // (ORDER BY, OVER windows, Top-N) unless NULLS FIRST/LAST says otherwise.
                .withDefaultNullCollation(org.apache.calcite.config.NullCollation.LOW)
                .withIdentifierExpansion(true);
        return SqlValidatorUtil.newValidator(operators, catalogReader(path), typeFactory, config);
    }

    private CalciteCatalogReader catalogReader(List<String> path) {
        Properties properties = new Properties();
        properties.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "true");
        CalciteConnectionConfig config = new CalciteConnectionConfigImpl(properties);
        return new CalciteCatalogReader(rootSchema, path, typeFactory, config);
    }
}
