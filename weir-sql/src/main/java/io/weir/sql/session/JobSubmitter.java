package io.weir.sql.session;

import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.CloseableIterator;
import io.weir.api.execution.JobClient;
import io.weir.api.types.Row;
import io.weir.sql.api.EnvironmentSettings;
import io.weir.sql.api.QueryTable;
import io.weir.sql.api.Table;
import io.weir.sql.api.TableConfig;
import io.weir.sql.api.TableResult;
import io.weir.sql.api.ValidationException;
import io.weir.sql.catalog.CatalogView;
import io.weir.sql.catalog.Column;
import io.weir.sql.catalog.SessionCatalogs;
import io.weir.sql.catalog.TableSchema;
import io.weir.sql.functions.TemporalTableFunction;
import io.weir.sql.functions.UserDefinedFunction;
import io.weir.sql.parser.SqlStatementParser;
import io.weir.sql.connectors.SupportsOverwrite;
import io.weir.sql.planner.AsyncLookupOptions;
import io.weir.sql.planner.InsertTargets;
import io.weir.sql.planner.MiniBatchOptions;
import io.weir.sql.planner.QueryPlanner;
import io.weir.sql.planner.StreamPlanTranslator;
import io.weir.sql.parser.ScriptStatement;
import io.weir.sql.parser.StatementPlaces;
import io.weir.sql.parser.dml.SqlStatementSet;
import io.weir.sql.types.CalciteTypes;
import java.util.ArrayList;
import io.weir.sql.catalog.ObjectIdentifier;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlNode;

/**
 * Plans queries and INSERTs of one statement and runs them as Weir jobs, on the session's
 * StreamExecutionEnvironment or, without one, a new local environment per job.
 */
final class JobSubmitter {

    private final SessionCatalogs catalogs;
    private final TableConfig config;
    private final EnvironmentSettings settings;
    private final StreamExecutionEnvironment sessionEnvironment;
    private final java.time.ZoneId sessionZone;

    JobSubmitter(SessionCatalogs catalogs, TableConfig config, EnvironmentSettings settings,
            StreamExecutionEnvironment sessionEnvironment) {
        this.catalogs = catalogs;
        this.config = config;
        this.settings = settings;
        this.sessionEnvironment = sessionEnvironment;
        // table.local-time-zone, read now: the plans carry it to code generation, the results to printing.
        this.sessionZone = io.weir.sql.codegen.SessionTimeZone.of(config.get(io.weir.sql.codegen.SessionTimeZone.OPTION));
    }

    /** A planner whose plans carry the session time zone. */
    private QueryPlanner planner() {
        return new QueryPlanner(catalogs, sessionZone).refusingBatchOnlyFunctions(!batchMode());
    }

    /**
     * BATCH mode, as in Flink: {@code EnvironmentSettings.inBatchMode()} or {@code SET
     * 'execution.runtime-mode' = 'batch'}. The jobs still run in streaming execution; the planner plans
     * the OVER functions that need a whole bounded partition (see docs/sql.md, "OVER window functions").
     */
    private boolean batchMode() {
        return !settings.isStreamingMode() || "batch".equalsIgnoreCase(String.valueOf(config.get(RUNTIME_MODE)).trim());
    }

    TableResult executeQuery(SqlNode query) {
        StreamExecutionEnvironment env = environment();
        StreamPlanTranslator translator = translator(env);
        RelRoot root;
        DataStream<Row> result;
        try {
            root = planner().toRel(query);
            result = translator.translateQuery(StreamPlanTranslator.optimize(root.project()));
        } catch (ValidationException e) {
            throw StatementPlaces.locate(e, query);
        }
        try {
            CloseableIterator<Row> rows = result.executeAndCollect("SQL query");
            return new QueryTableResult(schemaOf(root), rows, settings.isStreamingMode(), sessionZone);
        } catch (ValidationException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Submitting the query's job failed: " + e.getMessage(), e);
        }
    }

    /**
     * A query's rows as a stream of the session's environment, not run yet: only an insert-only
     * result unless {@code changelog}, which keeps every change kind.
     */
    DataStream<Row> toDataStream(String queryText, boolean changelog) {
        if (sessionEnvironment == null) {
            throw new ValidationException("toDataStream needs a StreamTableEnvironment made with "
                    + "StreamTableEnvironment.create(env): the stream belongs to that environment");
        }
        SqlNode query = SqlStatementParser.parse(queryText);
        StreamPlanTranslator translator = translator(environment());
        try {
            RelNode plan = StreamPlanTranslator.optimize(planner().toRel(query).project());
            return translator.translateToDataStream(plan, changelog);
        } catch (ValidationException e) {
            throw StatementPlaces.locate(e, query);
        }
    }

    TableResult executeInserts(List<SqlInsert> inserts) {
        StreamExecutionEnvironment env = environment();
        StreamPlanTranslator translator = translator(env);
        List<String> sinks = new ArrayList<>();
        List<SupportsOverwrite.Replacement> replacements = new ArrayList<>();
        for (SqlInsert insert : inserts) {
            try {
                InsertTargets.Target target = InsertTargets.resolve(insert, catalogs);
                sinks.add(target.table().asSummaryString());
                if (target.overwrite() && settings.isStreamingMode()) {
                    throw StatementPlaces.error(StatementPlaces.Subject.sink(), "INSERT OVERWRITE "
                            + sinks.get(sinks.size() - 1) + ": overwriting runs in BATCH mode only, as in Flink; make "
                            + "the session with EnvironmentSettings.inBatchMode(), or use INSERT INTO");
                }
                RelNode plan = StreamPlanTranslator.optimize(planner().toRel(target.insert()).project());
                SupportsOverwrite.Replacement replacement = translator.translateInsert((TableModify) plan, target);
                if (replacement != null) {
                    replacements.add(replacement);
                }
            } catch (ValidationException e) {
                // the resolved INSERT keeps the positions of the statement's parts; place it in the original
                throw StatementPlaces.locate(e, insert);
            }
        }
        try {
            String name = config.get(TableConfig.PIPELINE_NAME);
            JobClient job = env.executeAsync(name != null ? name : "insert-into_" + String.join(",", sinks));
            return new InsertTableResult(replacements.isEmpty() ? job : new ReplacingJobClient(job, replacements));
        } catch (Exception e) {
            throw new IllegalStateException("Submitting the INSERT job failed: " + e.getMessage(), e);
        }
    }

    /**
     * EXPLAIN: the statement's logical plan as converted from SQL, as optimized, and the operators
     * it runs as (the job graph a submission builds, not submitted).
     */
    String explain(SqlNode statement) {
        List<SqlNode> statements = new ArrayList<>();
        if (statement instanceof SqlStatementSet set) {
            statements.addAll(set.inserts());
        } else {
            statements.add(statement);
        }
        List<String> converted = new ArrayList<>();
        List<String> optimized = new ArrayList<>();
        StreamExecutionEnvironment env = configure(new StreamExecutionEnvironment(new io.weir.api.configuration.Configuration()));
        StreamPlanTranslator translator = translator(env);
        for (SqlNode node : statements) {
            try {
                InsertTargets.Target target = node instanceof SqlInsert insert ? InsertTargets.resolve(insert, catalogs)
                        : null;
                RelRoot root = planner().toRel(target != null ? target.insert() : node);
                converted.add(StreamPlanTranslator.explain(root.project()));
                RelNode plan = StreamPlanTranslator.optimize(root.project());
                optimized.add(StreamPlanTranslator.explain(plan));
                if (target != null) {
                    translator.translateInsert((TableModify) plan, target);
                } else {
                    env.addOperator(translator.translateToDataStream(plan, true).getTransformation());
                }
            } catch (ValidationException e) {
                throw StatementPlaces.locate(e, node);
            }
        }
        return "== Abstract Syntax Tree ==\n" + String.join("\n\n", converted)
                + "\n\n== Optimized Logical Plan ==\n" + String.join("\n\n", optimized)
                + "\n\n== Physical Execution Plan ==\n" + PhysicalPlan.describe(env.createPipeline("explain"));
    }

    /** A Table API table of a query, validated now; its operations plan through a fresh submitter each. */
    /** Numbers the names tables register under when their toString() is put into SQL. */
    private static final java.util.concurrent.atomic.AtomicLong UNNAMED_TABLES = new java.util.concurrent.atomic.AtomicLong();

    Table table(String queryText) {
        SqlNode query = SqlStatementParser.parse(queryText);
        TableSchema schema;
        try {
            schema = schemaOf(planner().toRel(query));
        } catch (ValidationException e) {
            throw StatementPlaces.locate(e, query);
        }
        return QueryTable.of(new TablePlanner(catalogs, config, settings, sessionEnvironment), queryText, schema);
    }

    /** What the session's tables ask of it; each call plans against the catalogs as they are then. */
    private record TablePlanner(SessionCatalogs catalogs, TableConfig config, EnvironmentSettings settings,
            StreamExecutionEnvironment environment) implements QueryTable.Planner {

        private JobSubmitter submitter() {
            return new JobSubmitter(catalogs, config, settings, environment);
        }

        @Override
        public String registerUnnamed(String query, TableSchema schema) {
            ObjectIdentifier id = new ObjectIdentifier(catalogs.currentCatalog(), catalogs.currentDatabase(),
                    "UnnamedTable$" + UNNAMED_TABLES.getAndIncrement());
            catalogs.createTable(id, new io.weir.sql.catalog.CatalogView(schema, query,
                    List.of(catalogs.currentCatalog(), catalogs.currentDatabase()), null), true, false);
            return DataStreamTables.quotedName(id);
        }

        @Override
        public void registerInlineFunction(String name, UserDefinedFunction function) {
            catalogs.functions().createSystemFunction(name, function, true);
        }

        @Override
        public UserDefinedFunction function(String name) {
            return catalogs.functions().systemFunction(name)
                    .or(() -> catalogs.functions().catalogFunction(catalogs.qualify(List.of(name)))).orElse(null);
        }

        @Override
        public TableSchema validate(String query) {
            return schemaOf(new QueryPlanner(catalogs).toRel(SqlStatementParser.parse(query)));
        }

        @Override
        public TableResult execute(String query) {
            try {
                return submitter().executeQuery(SqlStatementParser.parse(query));
            } catch (ValidationException e) {
                throw ScriptStatement.of(query).locate(e);
            }
        }

        @Override
        public TableResult executeInsert(String tablePath, String query) {
            String text = "INSERT INTO " + tablePath + " " + query;
            try {
                return submitter().executeInserts(List.of((SqlInsert) SqlStatementParser.parse(text)));
            } catch (ValidationException e) {
                throw ScriptStatement.of(text).locate(e);
            }
        }

        @Override
        public String explain(String query) {
            return submitter().explain(SqlStatementParser.parse(query));
        }

        @Override
        public TemporalTableFunction temporalTableFunction(String query, TableSchema schema, String timeAttribute,
                String primaryKey) {
            return submitter().temporalTableFunction(query, schema, timeAttribute, primaryKey);
        }
    }

    /** The history deduplicated to its latest row per key (Flink's versioned view), as a function. */
    private TemporalTableFunction temporalTableFunction(String query, TableSchema schema, String timeAttribute,
            String primaryKey) {
        for (String column : List.of(timeAttribute, primaryKey)) {
            if (!schema.columnNames().contains(column)) {
                throw new ValidationException("createTemporalTableFunction: the table has no column '" + column
                        + "'; its columns are " + schema.columnNames());
            }
        }
        String columns = String.join(", ", schema.columnNames().stream().map(JobSubmitter::quoted).toList());
        String versioned = "SELECT " + columns + " FROM (SELECT " + columns + ", ROW_NUMBER() OVER (PARTITION BY "
                + quoted(primaryKey) + " ORDER BY " + quoted(timeAttribute) + " DESC) AS `$version` FROM ("
                + query + ")) WHERE `$version` = 1";
        TableSchema versionedSchema = schemaOf(planner().toRel(SqlStatementParser.parse(versioned)));
        CatalogView view = new CatalogView(versionedSchema, versioned,
                List.of(catalogs.currentCatalog(), catalogs.currentDatabase()), null);
        return new TemporalTableFunction(view, timeAttribute, primaryKey);
    }

    private static String quoted(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    private StreamPlanTranslator translator(StreamExecutionEnvironment env) {
        return new StreamPlanTranslator(env, planner(), config.stateTtl(),
                AsyncLookupOptions.from(config), MiniBatchOptions.from(config), batchMode());
    }

    /** Flink's key of the runtime mode, which a SQL session does not hand to its jobs. */
    private static final String RUNTIME_MODE = "execution.runtime-mode";

    private StreamExecutionEnvironment environment() {
        return configure(sessionEnvironment != null ? sessionEnvironment
                : StreamExecutionEnvironment.getExecutionEnvironment());
    }

    private StreamExecutionEnvironment configure(StreamExecutionEnvironment env) {
        // The session options reach the job, as in Flink: SET 'state.backend.type' = 'rocksdb',
        // SET 'execution.checkpointing.interval' = '10 s', restart strategies, ...; a bad value fails
        // the submission naming its key. Not the runtime mode: SQL jobs are planned for streaming
        // execution (the SQL client reads 'execution.runtime-mode' to show final rows).
        java.util.Map<String, String> jobOptions = new java.util.TreeMap<>(config.toMap());
        jobOptions.remove(RUNTIME_MODE);
        env.configure(io.weir.api.configuration.Configuration.fromMap(jobOptions));
        String parallelism = config.get(TableConfig.PARALLELISM_DEFAULT);
        if (parallelism != null) {
            try {
                env.setParallelism(Integer.parseInt(parallelism.trim()));
            } catch (NumberFormatException e) {
                throw new ValidationException("'" + TableConfig.PARALLELISM_DEFAULT + "' must be a whole number, not '"
                        + parallelism + "'");
            }
        }
        String watermarkInterval = config.get(TableConfig.AUTO_WATERMARK_INTERVAL);
        if (watermarkInterval != null) {
            env.getConfig().setAutoWatermarkInterval(config.duration(TableConfig.AUTO_WATERMARK_INTERVAL).toMillis());
        }
        return env;
    }

    /** The schema of a query's result: its columns' types, time attributes marked as Flink marks them. */
    private static TableSchema schemaOf(RelRoot root) {
        List<Column> columns = new ArrayList<>();
        List<RelDataTypeField> fields = root.validatedRowType.getFieldList();
        List<io.weir.sql.types.LogicalType.TimeAttribute> times = io.weir.sql.planner.ResultTimeAttributes.of(root);
        for (int i = 0; i < fields.size(); i++) {
            columns.add(Column.physical(fields.get(i).getName(),
                    CalciteTypes.toLogicalType(fields.get(i).getType()).withTimeAttribute(times.get(i))));
        }
        return TableSchema.of(columns);
    }
}
