package io.weir.sql.session;

import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.types.Row;
import io.weir.sql.api.EnvironmentSettings;
import io.weir.sql.api.Schema;
import io.weir.sql.api.StreamTableEnvironment;
import io.weir.sql.api.Table;
import io.weir.sql.api.TableConfig;
import io.weir.sql.api.TableResult;
import io.weir.sql.api.ValidationException;
import io.weir.sql.catalog.CatalogBaseTable;
import io.weir.sql.catalog.CatalogTable;
import io.weir.sql.catalog.CatalogView;
import io.weir.sql.catalog.Column;
import io.weir.sql.catalog.ObjectIdentifier;
import io.weir.sql.catalog.SessionCatalogs;
import io.weir.sql.catalog.TableSchema;
import io.weir.sql.parser.ScriptStatement;
import io.weir.sql.parser.StatementPlaces;
import io.weir.sql.parser.SqlScript;
import io.weir.sql.parser.SqlStatementParser;
import io.weir.sql.parser.ddl.SqlAlterFunction;
import io.weir.sql.parser.ddl.SqlAlterTable;
import io.weir.sql.parser.ddl.SqlCreateCatalogOrDatabase;
import io.weir.sql.parser.ddl.SqlDropCatalogOrDatabase;
import io.weir.sql.parser.ddl.SqlCreateFunction;
import io.weir.sql.parser.ddl.SqlCreateTable;
import io.weir.sql.parser.ddl.SqlDropFunction;
import io.weir.sql.parser.ddl.SqlCreateView;
import io.weir.sql.parser.ddl.SqlDescribeStatement;
import io.weir.sql.parser.ddl.SqlDropTableOrView;
import io.weir.sql.parser.ddl.SqlResetStatement;
import io.weir.sql.parser.ddl.SqlSetStatement;
import io.weir.sql.parser.ddl.SqlAlterCatalogOrDatabase;
import io.weir.sql.parser.ddl.SqlShowCreate;
import io.weir.sql.parser.ddl.SqlShowStatement;
import io.weir.sql.parser.ddl.SqlUseStatement;
import io.weir.sql.parser.dml.SqlExplainStatement;
import io.weir.sql.parser.dml.SqlStatementSet;
import io.weir.sql.planner.QueryPlanner;
import io.weir.sql.planner.ResultTimeAttributes;
import io.weir.sql.types.CalciteTypes;
import io.weir.sql.functions.TemporalTableFunction;
import io.weir.sql.functions.UserDefinedFunction;
import io.weir.sql.udf.FunctionInstances;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;

/**
 * Weir's {@link StreamTableEnvironment}: one SQL session with its catalogs, options and current
 * path, running each statement as it comes. DDL, SET, SHOW, DESCRIBE and USE act on the session;
 * queries and INSERTs are planned and run as Weir jobs by {@link JobSubmitter}.
 *
 * <p>Not thread-safe: a session's statements run one after another, on the caller's thread.
 */
public final class SqlSession implements StreamTableEnvironment {

    private final StreamExecutionEnvironment executionEnvironment;
    private final EnvironmentSettings settings;
    private final TableConfig config = new TableConfig();
    private final SessionCatalogs catalogs = new SessionCatalogs();
    /** How many anonymous tables of DataStreams this session has made, for their names. */
    private int dataStreamTables;

    private SqlSession(StreamExecutionEnvironment executionEnvironment, EnvironmentSettings settings) {
        this.executionEnvironment = executionEnvironment;
        this.settings = settings;
    }

    public static SqlSession create(EnvironmentSettings settings) {
        return new SqlSession(null, settings);
    }

    public static SqlSession create(StreamExecutionEnvironment executionEnvironment, EnvironmentSettings settings) {
        return new SqlSession(executionEnvironment, settings);
    }

    /** The session's catalogs, for tests of this package. */
    SessionCatalogs catalogs() {
        return catalogs;
    }

    @Override
    public TableResult executeSql(String statement) {
        List<ScriptStatement> statements = SqlScript.split(statement);
        if (statements.size() != 1) {
            throw new ValidationException("executeSql runs exactly one statement, but got " + statements.size()
                    + "; call it once per statement, or run the script with bin/weir sql -f");
        }
        return execute(statements.get(0));
    }

    /**
     * Runs one statement of a script; errors are reported at their place in the script: where the
     * validator or planner placed them, else at the statement's first keyword (DDL, catalog and SET
     * statements), so that every error of a script names its line.
     */
    public TableResult execute(ScriptStatement statement) {
        SqlNode node = SqlStatementParser.parse(statement);
        try {
            return execute(node, statement.text());
        } catch (ValidationException e) {
            throw statement.locate(StatementPlaces.locate(e, node));
        }
    }

    private TableResult execute(SqlNode node, String text) {
        if (node instanceof SqlCreateTable create && create.query() != null) {
            return createTableAsSelect(create, text);
        } else if (node instanceof SqlCreateTable create) {
            if (create.isReplaceOnly()) {
                throw new ValidationException("REPLACE TABLE " + create.name() + ": REPLACE TABLE goes with AS SELECT "
                        + "only, as in Flink (REPLACE TABLE t WITH (...) AS SELECT ...); to change a table's definition "
                        + "use ALTER TABLE, or DROP and CREATE it");
            }
            if (create.getReplace()) {
                throw new ValidationException("CREATE OR REPLACE TABLE " + create.name() + ": OR REPLACE goes with AS "
                        + "SELECT only, as in Flink (CREATE OR REPLACE TABLE t WITH (...) AS SELECT ...); to change a "
                        + "table's definition use ALTER TABLE, or DROP and CREATE it");
            }
            ObjectIdentifier id = catalogs.qualify(create.name().names);
            catalogs.createTable(id, new CreateTableConverter(catalogs).convert(create), create.isTemporary(),
                    create.ifNotExists());
            return StaticTableResult.OK;
        } else if (node instanceof SqlCreateCatalogOrDatabase create) {
            new CatalogStatements(catalogs).create(create);
            return StaticTableResult.OK;
        } else if (node instanceof SqlDropCatalogOrDatabase drop) {
            new CatalogStatements(catalogs).drop(drop);
            return StaticTableResult.OK;
        } else if (node instanceof SqlCreateView create) {
            createView(create, text);
            return StaticTableResult.OK;
        } else if (node instanceof SqlCreateFunction create) {
            createFunction(create);
            return StaticTableResult.OK;
        } else if (node instanceof SqlDropFunction drop) {
            dropFunction(drop);
            return StaticTableResult.OK;
        } else if (node instanceof SqlDropTableOrView drop) {
            catalogs.dropTable(catalogs.qualify(drop.name().names), drop.isView(), drop.isTemporary(), drop.ifExists());
            return StaticTableResult.OK;
        } else if (node instanceof SqlAlterTable alter) {
            alter(alter, text);
            return StaticTableResult.OK;
        } else if (node instanceof SqlAlterFunction alter) {
            alterFunction(alter);
            return StaticTableResult.OK;
        } else if (node instanceof SqlSetStatement set) {
            return set(set);
        } else if (node instanceof SqlResetStatement reset) {
            if (reset.key() == null) {
                config.resetAll();
            } else {
                config.reset(reset.key());
            }
            return StaticTableResult.OK;
        } else if (node instanceof SqlShowStatement show) {
            return show(show);
        } else if (node instanceof SqlAlterCatalogOrDatabase alter) {
            new CatalogStatements(catalogs).alter(alter);
            return StaticTableResult.OK;
        } else if (node instanceof SqlShowCreate showCreate) {
            return new CatalogStatements(catalogs).showCreate(showCreate);
        } else if (node instanceof SqlDescribeStatement describe) {
            return describe(describe);
        } else if (node instanceof SqlUseStatement use) {
            if (use.isCatalog()) {
                catalogs.useCatalog(use.name().getSimple());
            } else {
                catalogs.useDatabase(use.name().names);
            }
            return StaticTableResult.OK;
        } else if (node instanceof SqlExplainStatement explain) {
            return StaticTableResult.list("result", List.of(jobSubmitter().explain(explain.statement())));
        } else if (node instanceof SqlStatementSet set) {
            return jobSubmitter().executeInserts(new ArrayList<>(set.inserts()));
        } else if (node instanceof SqlInsert insert) {
            return jobSubmitter().executeInserts(List.of(insert));
        } else if (node.getKind().belongsTo(SqlKind.QUERY)) {
            return jobSubmitter().executeQuery(node);
        }
        throw new ValidationException("Statement " + node.getKind() + " is not supported by Weir yet; "
                + "docs/sql.md lists the statements that run");
    }

    /**
     * CREATE [OR REPLACE] TABLE ... AS SELECT: the table's columns are the query's (names and types),
     * its options the WITH clause; the table is created (OR REPLACE: in place of an existing one), then
     * an INSERT INTO it runs the query as a job. A query that fails to plan leaves the catalog as it was.
     */
    private TableResult createTableAsSelect(SqlCreateTable create, String text) {
        String what = (create.isReplaceOnly() ? "REPLACE TABLE " : create.getReplace() ? "CREATE OR REPLACE TABLE "
                : "CREATE TABLE ") + create.name() + " AS SELECT: ";
        if (!create.columns().isEmpty() || create.watermark() != null || create.like() != null) {
            throw new ValidationException(what + "the columns come from the query; declare no columns, WATERMARK or "
                    + "LIKE (name and cast them in the SELECT instead)");
        }
        ObjectIdentifier id = catalogs.qualify(create.name().names);
        java.util.Optional<CatalogBaseTable> previous = catalogs.getTable(id);
        if (create.getReplace() && create.ifNotExists()) {
            throw new ValidationException(what + "OR REPLACE and IF NOT EXISTS contradict each other; drop one");
        }
        if (create.isReplaceOnly() && previous.isEmpty()) {
            throw new ValidationException(what + "the table " + id.asSummaryString() + " to be replaced does not "
                    + "exist, as Flink requires; use CREATE TABLE ... AS SELECT or CREATE OR REPLACE TABLE ... AS SELECT");
        }
        if (previous.isPresent() && previous.get() instanceof CatalogView) {
            throw new ValidationException(what + id.asSummaryString() + " is a view; DROP VIEW it first");
        }
        if (previous.isPresent() && !create.getReplace()) {
            throw new ValidationException(what + "table " + id.asSummaryString() + " already exists"
                    + (create.ifNotExists() ? "; Weir does not insert into an existing table here, use INSERT INTO" : "")
                    + "; DROP it first, choose another name, or CREATE OR REPLACE it");
        }
        SqlNode placedQuery = SqlStatementParser.parse(QueryText.inPlace(text, create.query()));
        RelRoot root;
        try {
            root = new QueryPlanner(catalogs).toRel(placedQuery);
        } catch (ValidationException e) {
            throw StatementPlaces.locate(e, placedQuery);
        }
        List<Column> columns = new ArrayList<>();
        for (RelDataTypeField field : root.validatedRowType.getFieldList()) {
            columns.add(Column.physical(field.getName(), CalciteTypes.toLogicalType(field.getType())
                    .withTimeAttribute(io.weir.sql.types.LogicalType.TimeAttribute.NONE)));
        }
        List<String> primaryKey = create.primaryKey() == null ? List.of() : create.primaryKey().columnNames();
        CreateTableConverter.checkColumnsExist(primaryKey, columns, what + "PRIMARY KEY");
        CreateTableConverter.checkColumnsExist(create.partitionKeys(), columns, what + "PARTITIONED BY");
        CatalogTable table = new CatalogTable(new TableSchema(columns, null, primaryKey), create.options(),
                create.partitionKeys(), create.comment());
        if (previous.isPresent()) {
            catalogs.alterTable(id, table);
        } else {
            catalogs.createTable(id, table, create.isTemporary(), false);
        }
        // INSERT INTO the new table the query, its parts at their places in the statement (the target at the
        // table's name), so that planning errors are shown there
        SqlInsert insert = new SqlInsert(create.getParserPosition(), SqlNodeList.EMPTY,
                new SqlIdentifier(List.of(id.catalogName(), id.databaseName(), id.objectName()),
                        create.name().getParserPosition()),
                SqlStatementParser.parse(QueryText.inPlace(text, create.query())), null);
        try {
            return jobSubmitter().executeInserts(List.of(insert));
        } catch (RuntimeException e) {
            if (previous.isPresent()) {
                catalogs.alterTable(id, previous.get());
            } else {
                catalogs.dropTable(id, false, create.isTemporary(), true);
            }
            throw e;
        }
    }

    /** ALTER TABLE / ALTER VIEW. */
    private void alter(SqlAlterTable alter, String text) {
        ObjectIdentifier id = catalogs.qualify(alter.name().names);
        String kind = alter.isView() ? "View " : "Table ";
        java.util.Optional<CatalogBaseTable> existing = catalogs.getTable(id);
        if (existing.isEmpty()) {
            if (alter.ifExists()) {
                return;
            }
            throw new ValidationException(kind + id.asSummaryString() + " does not exist; SHOW TABLES lists the tables"
                    + (alter.isView() ? "" : " (ALTER TABLE IF EXISTS ignores a missing one)"));
        }
        if ((existing.get() instanceof CatalogView) != alter.isView()) {
            throw new ValidationException(id.asSummaryString() + " is a " + (alter.isView() ? "table" : "view")
                    + "; change it with ALTER " + (alter.isView() ? "TABLE" : "VIEW"));
        }
        switch (alter.action()) {
            case RENAME -> catalogs.renameTable(id, catalogs.qualify(alter.newName().names));
            case VIEW_QUERY -> {
                CatalogView old = (CatalogView) existing.get();
                String query = QueryText.cut(text, alter.query());
                SqlNode placedQuery = SqlStatementParser.parse(QueryText.inPlace(text, alter.query()));
                RelRoot root;
                try {
                    root = new QueryPlanner(catalogs).toRel(placedQuery);
                } catch (ValidationException e) {
                    throw StatementPlaces.locate(e, placedQuery);
                }
                List<Column> columns = new ArrayList<>();
                List<RelDataTypeField> fields = root.validatedRowType.getFieldList();
                List<io.weir.sql.types.LogicalType.TimeAttribute> times = ResultTimeAttributes.of(root);
                for (int i = 0; i < fields.size(); i++) {
                    columns.add(Column.physical(fields.get(i).getName(),
                            CalciteTypes.toLogicalType(fields.get(i).getType()).withTimeAttribute(times.get(i))));
                }
                catalogs.alterTable(id, new CatalogView(TableSchema.of(columns), query,
                        List.of(catalogs.currentCatalog(), catalogs.currentDatabase()), old.comment()));
            }
            default -> catalogs.alterTable(id, new AlterTableConverter(catalogs).apply(alter,
                    (CatalogTable) existing.get()));
        }
    }

    /** ALTER FUNCTION: the function of that name now runs the given class. */
    private void alterFunction(SqlAlterFunction alter) {
        String name = alter.name().toString();
        if (alter.language() == null || alter.language().equalsIgnoreCase("JAVA")) {
            // load the new class before the old function goes, so a wrong class name changes nothing
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            FunctionInstances.instantiate(name, alter.className(), loader != null ? loader : SqlSession.class.getClassLoader());
        }
        boolean exists = alter.isSystem()
                ? catalogs.functions().dropSystemFunction(name)
                : catalogs.functions().dropCatalogFunction(catalogs.qualify(alter.name().names));
        if (!exists) {
            if (alter.ifExists()) {
                return;
            }
            throw new ValidationException("Function " + name + " does not exist; create it with CREATE FUNCTION "
                    + "(ALTER FUNCTION IF EXISTS ignores a missing one)");
        }
        createFunction(new SqlCreateFunction(alter.getParserPosition(), alter.name(), alter.className(),
                alter.language(), alter.isTemporary(), alter.isSystem(), false, false));
    }

    /** CREATE FUNCTION: the class is loaded from the caller's class path (the thread's context class loader). */
    private void createFunction(SqlCreateFunction create) {
        String name = create.name().toString();
        if (create.language() != null && !create.language().equalsIgnoreCase("JAVA")) {
            throw new ValidationException("CREATE FUNCTION " + name + ": Weir runs functions in Java only, not "
                    + create.language() + "; write the function as a Java class");
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        UserDefinedFunction function = FunctionInstances.instantiate(name, create.className(),
                loader != null ? loader : SqlSession.class.getClassLoader());
        if (create.isSystem()) {
            if (!create.name().isSimple()) {
                throw new ValidationException("A system function's name has no catalog or database: " + name);
            }
            if (create.getReplace()) {
                catalogs.functions().dropSystemFunction(name);
            }
            catalogs.functions().createSystemFunction(name, function, create.ifNotExists());
        } else {
            ObjectIdentifier id = catalogs.qualify(create.name().names);
            if (create.getReplace()) {
                catalogs.functions().dropCatalogFunction(id);
            }
            catalogs.functions().createCatalogFunction(id, function, create.ifNotExists());
        }
    }

    private void dropFunction(SqlDropFunction drop) {
        boolean dropped = drop.isSystem() ? catalogs.functions().dropSystemFunction(drop.name().toString())
                : catalogs.functions().dropCatalogFunction(catalogs.qualify(drop.name().names));
        if (!dropped && !drop.ifExists()) {
            throw new ValidationException("Function " + drop.name() + " does not exist; SHOW FUNCTIONS lists them");
        }
    }

    private void createView(SqlCreateView create, String text) {
        ObjectIdentifier id = catalogs.qualify(create.name().names);
        RelRoot root;
        try {
            root = new QueryPlanner(catalogs).toRel(create.query());
        } catch (ValidationException e) {
            throw StatementPlaces.locate(e, create.query());
        }
        List<String> names = create.columnNames();
        List<RelDataTypeField> fields = root.validatedRowType.getFieldList();
        if (!names.isEmpty() && names.size() != fields.size()) {
            throw new ValidationException("View " + create.name() + " names " + names.size() + " columns but its query has "
                    + fields.size());
        }
        List<Column> columns = new ArrayList<>();
        List<io.weir.sql.types.LogicalType.TimeAttribute> times = ResultTimeAttributes.of(root);
        for (int i = 0; i < fields.size(); i++) {
            String name = names.isEmpty() ? fields.get(i).getName() : names.get(i);
            columns.add(Column.physical(name,
                    CalciteTypes.toLogicalType(fields.get(i).getType()).withTimeAttribute(times.get(i))));
        }
        String query = QueryText.cut(text, create.query());
        if (!names.isEmpty()) {
            query = "SELECT * FROM (" + query + ") AS v(" + String.join(", ", names.stream()
                    .map(n -> "`" + n.replace("`", "``") + "`").toList()) + ")";
        }
        CatalogView view = new CatalogView(TableSchema.of(columns), query,
                List.of(catalogs.currentCatalog(), catalogs.currentDatabase()), create.comment());
        catalogs.createTable(id, view, create.isTemporary(), create.ifNotExists());
    }

    private TableResult set(SqlSetStatement set) {
        if (set.key() == null) {
            List<Row> rows = new ArrayList<>();
            for (Map.Entry<String, String> option : config.toMap().entrySet()) {
                rows.add(Row.of(option.getKey(), option.getValue()));
            }
            return StaticTableResult.rows(List.of("key", "value"), rows);
        }
        config.set(set.key(), set.value());
        return StaticTableResult.OK;
    }

    private TableResult show(SqlShowStatement show) {
        return switch (show.listing()) {
            case TABLES -> StaticTableResult.list("table name", catalogs.listTables(false));
            case VIEWS -> StaticTableResult.list("view name", catalogs.listTables(true));
            case CATALOGS -> StaticTableResult.list("catalog name", catalogs.listCatalogs());
            case DATABASES -> StaticTableResult.list("database name",
                    catalogs.catalog(catalogs.currentCatalog()).listDatabases());
            case CURRENT_CATALOG -> StaticTableResult.list("current catalog name", List.of(catalogs.currentCatalog()));
            case CURRENT_DATABASE -> StaticTableResult.list("current database name", List.of(catalogs.currentDatabase()));
            case FUNCTIONS -> StaticTableResult.list("function name", functionNames());
        };
    }

    /** Built-in functions, then the user-defined ones the current database sees. */
    private List<String> functionNames() {
        List<String> names = new ArrayList<>(BuiltInFunctionNames.sorted());
        names.addAll(catalogs.functions().names(catalogs.currentCatalog(), catalogs.currentDatabase()));
        return names;
    }

    private TableResult describe(SqlDescribeStatement describe) {
        if (describe.isCatalog()) {
            return new CatalogStatements(catalogs).describeCatalog(describe.name().getSimple(), describe.isExtended());
        }
        ObjectIdentifier id = catalogs.qualify(describe.name().names);
        CatalogBaseTable table = catalogs.getTable(id).orElseThrow(() -> new ValidationException(
                "Table or view " + id.asSummaryString() + " does not exist; SHOW TABLES lists the tables"));
        TableSchema schema = table.schema();
        List<Row> rows = new ArrayList<>();
        for (Column column : schema.columns()) {
            String key = schema.primaryKey().contains(column.name())
                    ? "PRI(" + String.join(", ", schema.primaryKey()) + ")" : null;
            String watermark = schema.watermark() != null && schema.watermark().rowtimeColumn().equals(column.name())
                    ? schema.watermark().expression() : null;
            String extras = column.extras().isEmpty() ? null : column.extras();
            rows.add(Row.of(column.name(), column.type().copy(true).toString(), column.type().isNullable(),
                    key, extras, watermark));
        }
        return StaticTableResult.rows(List.of("name", "type", "null", "key", "extras", "watermark"), rows);
    }

    @Override
    public Table sqlQuery(String query) {
        SqlNode node = SqlStatementParser.parse(query);
        if (!node.getKind().belongsTo(SqlKind.QUERY)) {
            throw new ValidationException("sqlQuery takes a query (SELECT or VALUES), not " + node.getKind()
                    + "; use executeSql for other statements");
        }
        try {
            return jobSubmitter().table(query);
        } catch (ValidationException e) {
            throw ScriptStatement.of(query).locate(e);
        }
    }

    @Override
    public Table from(String path) {
        return jobSubmitter().table("SELECT * FROM " + path);
    }

    @Override
    public void createTemporaryView(String path, Table view) {
        ObjectIdentifier id = catalogs.qualify(SqlStatementParser.parseIdentifier(path).names);
        catalogs.createTable(id, new CatalogView(view.getResolvedSchema(), view.toSqlString(),
                List.of(catalogs.currentCatalog(), catalogs.currentDatabase()), null), true, false);
    }

    @Override
    public <T> Table fromDataStream(DataStream<T> dataStream) {
        return fromDataStream(dataStream, Schema.derived());
    }

    @Override
    public <T> Table fromDataStream(DataStream<T> dataStream, Schema schema) {
        return fromDataStream(dataStream, schema, null);
    }

    private <T> Table fromDataStream(DataStream<T> dataStream, Schema schema,
            io.weir.sql.connectors.ChangelogMode changelogMode) {
        if (executionEnvironment == null || dataStream.getExecutionEnvironment() != executionEnvironment) {
            throw new ValidationException("fromDataStream: the stream belongs to another StreamExecutionEnvironment "
                    + "than this table environment; make the table environment with StreamTableEnvironment.create(env) "
                    + "of the stream's environment");
        }
        ObjectIdentifier id = new ObjectIdentifier(catalogs.currentCatalog(), catalogs.currentDatabase(),
                "$DataStreamTable" + dataStreamTables++);
        catalogs.createTable(id, DataStreamTables.create(catalogs, dataStream, schema, changelogMode), true, false);
        return jobSubmitter().table("SELECT * FROM " + DataStreamTables.quotedName(id));
    }

    @Override
    public <T> void createTemporaryView(String path, DataStream<T> dataStream) {
        createTemporaryView(path, fromDataStream(dataStream));
    }

    @Override
    public <T> void createTemporaryView(String path, DataStream<T> dataStream, Schema schema) {
        createTemporaryView(path, fromDataStream(dataStream, schema));
    }

    @Override
    public DataStream<Row> toDataStream(Table table) {
        return jobSubmitter().toDataStream(table.toSqlString(), false);
    }

    @Override
    public <T> DataStream<T> toDataStream(Table table, Class<T> targetClass) {
        return TableToDataStream.convert(table, toDataStream(table), targetClass);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> DataStream<T> toDataStream(Table table, io.weir.sql.types.DataType targetDataType) {
        String fieldProjection = TableToDataStream.fieldProjection(table, targetDataType);
        Table source = fieldProjection == null ? table : jobSubmitter().table(fieldProjection);
        if (targetDataType.conversionClass() != null) {
            return (DataStream<T>) toDataStream(source, targetDataType.conversionClass());
        }
        return (DataStream<T>) toDataStream(source, TableToDataStream.conversionClass(targetDataType));
    }

    @Override
    public Table fromChangelogStream(DataStream<Row> dataStream) {
        return fromChangelogStream(dataStream, Schema.derived(), io.weir.sql.connectors.ChangelogMode.all());
    }

    @Override
    public Table fromChangelogStream(DataStream<Row> dataStream, Schema schema) {
        return fromChangelogStream(dataStream, schema, io.weir.sql.connectors.ChangelogMode.all());
    }

    @Override
    public Table fromChangelogStream(DataStream<Row> dataStream, Schema schema,
            io.weir.sql.connectors.ChangelogMode changelogMode) {
        if (!(dataStream.getType() instanceof io.weir.api.types.RowTypeInfo)) {
            throw new ValidationException("fromChangelogStream: the stream's type is " + dataStream.getType()
                    + ", but a changelog stream is a stream of Rows whose type names the columns; give it one, e.g. "
                    + ".returns(Types.ROW_NAMED(new String[] {\"id\", \"name\"}, Types.LONG, Types.STRING))");
        }
        boolean upsert = changelogMode.contains(io.weir.api.types.RowKind.UPDATE_AFTER)
                && !changelogMode.contains(io.weir.api.types.RowKind.UPDATE_BEFORE);
        if (upsert && schema.getPrimaryKey().isEmpty()) {
            throw new ValidationException("fromChangelogStream: changelog mode " + changelogMode + " is an upsert mode "
                    + "(updates without -U), which finds the old row by the primary key, but the schema declares none; "
                    + "add Schema.newBuilder()...primaryKey(\"id\")");
        }
        return fromDataStream(dataStream, schema, changelogMode);
    }

    @Override
    public DataStream<Row> toChangelogStream(Table table) {
        return jobSubmitter().toDataStream(table.toSqlString(), true);
    }

    @Override
    public DataStream<Row> toChangelogStream(Table table, Schema targetSchema) {
        return toChangelogStream(table, targetSchema, io.weir.sql.connectors.ChangelogMode.all());
    }

    @Override
    public DataStream<Row> toChangelogStream(Table table, Schema targetSchema,
            io.weir.sql.connectors.ChangelogMode changelogMode) {
        String query = TableToDataStream.projection(table, targetSchema);
        if (changelogMode.isInsertOnly()) {
            return jobSubmitter().toDataStream(query, false);
        }
        DataStream<Row> changes = jobSubmitter().toDataStream(query, true);
        if (changelogMode.getContainedKinds().size() == io.weir.api.types.RowKind.values().length) {
            return changes;
        }
        return changes.filter(new io.weir.sql.runtime.ChangelogModeFilter(changelogMode)).name("ChangelogMode "
                + changelogMode);
    }

    @Override
    public String explainSql(String statement) {
        return jobSubmitter().explain(SqlStatementParser.parse(statement));
    }

    private JobSubmitter jobSubmitter() {
        return new JobSubmitter(catalogs, config, settings, executionEnvironment);
    }

    @Override
    public TableConfig getConfig() {
        return config;
    }

    @Override
    public void createTemporarySystemFunction(String name, Class<? extends UserDefinedFunction> functionClass) {
        catalogs.functions().createSystemFunction(name, FunctionInstances.instantiate(name, functionClass), false);
    }

    @Override
    public void createTemporarySystemFunction(String name, UserDefinedFunction functionInstance) {
        catalogs.functions().createSystemFunction(name, FunctionInstances.check(name, functionInstance), false);
    }

    @Override
    public boolean dropTemporarySystemFunction(String name) {
        return catalogs.functions().dropSystemFunction(name);
    }

    @Override
    public void createTemporaryFunction(String path, Class<? extends UserDefinedFunction> functionClass) {
        catalogs.functions().createCatalogFunction(functionPath(path), FunctionInstances.instantiate(path, functionClass),
                false);
    }

    @Override
    public void createTemporaryFunction(String path, UserDefinedFunction functionInstance) {
        if (functionInstance instanceof TemporalTableFunction) {
            throw new ValidationException("Register temporal table function " + path + " with "
                    + "createTemporarySystemFunction; Weir finds temporal table functions among system functions only");
        }
        catalogs.functions().createCatalogFunction(functionPath(path), FunctionInstances.check(path, functionInstance),
                false);
    }

    @Override
    public boolean dropTemporaryFunction(String path) {
        return catalogs.functions().dropCatalogFunction(functionPath(path));
    }

    @Override
    public void createFunction(String path, Class<? extends UserDefinedFunction> functionClass) {
        createTemporaryFunction(path, functionClass);
    }

    @Override
    public String[] listUserDefinedFunctions() {
        return catalogs.functions().names(catalogs.currentCatalog(), catalogs.currentDatabase()).toArray(String[]::new);
    }

    /** A function's path of one to three dot-separated parts (back-quoted parts may hold dots). */
    private ObjectIdentifier functionPath(String path) {
        return catalogs.qualify(SqlStatementParser.parseIdentifier(path).names);
    }

    @Override
    public String[] listCatalogs() {
        return catalogs.listCatalogs().toArray(String[]::new);
    }

    @Override
    public String[] listDatabases() {
        return catalogs.catalog(catalogs.currentCatalog()).listDatabases().toArray(String[]::new);
    }

    @Override
    public String[] listTables() {
        return catalogs.listTables(false).toArray(String[]::new);
    }

    @Override
    public String[] listViews() {
        return catalogs.listTables(true).toArray(String[]::new);
    }

    @Override
    public String getCurrentCatalog() {
        return catalogs.currentCatalog();
    }

    @Override
    public String getCurrentDatabase() {
        return catalogs.currentDatabase();
    }

    @Override
    public void useCatalog(String catalogName) {
        catalogs.useCatalog(catalogName);
    }

    @Override
    public void useDatabase(String databaseName) {
        catalogs.useDatabase(List.of(databaseName));
    }
}
