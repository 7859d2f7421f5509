package io.weir.sql.planner;

import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.types.Row;
import io.weir.sql.catalog.CatalogTable;
import io.weir.sql.catalog.Column;
import io.weir.sql.catalog.ObjectIdentifier;
import io.weir.sql.catalog.WatermarkSpec;
import io.weir.sql.codegen.CalcCodeGenerator;
import io.weir.sql.connectors.ChangelogMode;
import io.weir.sql.connectors.TableFactories;
import io.weir.sql.connectors.TableFactory;
import io.weir.sql.parser.SqlStatementParser;
import io.weir.sql.runtime.CompiledCalc;
import io.weir.sql.runtime.CopyFreeWatermarks;
import io.weir.sql.runtime.window.RowtimeWatermarks;
import io.weir.sql.api.ValidationException;
import io.weir.sql.parser.StatementPlaces;
import io.weir.sql.parser.StatementPlaces.Subject;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalCalc;
import org.apache.calcite.rel.logical.LogicalTableScan;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexVisitorImpl;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rel.type.RelDataType;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Translates a table scan: the connector's source, its computed columns, then, for a table with
 * {@code WATERMARK FOR ts AS expr}, timestamps from {@code ts} and watermarks from {@code expr}
 * (compiled like a Calc), so event-time operators downstream can fire.
 */
final class TableScanTranslator {

    private final StreamExecutionEnvironment env;
    private final QueryPlanner planner;

    TableScanTranslator(StreamExecutionEnvironment env, QueryPlanner planner) {
        this.env = env;
        this.planner = planner;
    }

    ChangelogStream translate(LogicalTableScan scan) {
        SourceTable table = scan.getTable().unwrap(SourceTable.class);
        String name = table.identifier().asSummaryString();
        List<Column> columns = table.catalogTable().schema().columns();
        boolean fromDataStream = DataStreamScans.isDataStreamTable(table.catalogTable());
        // The columns the source produces: physical and metadata ones, in declaration order.
        List<Integer> produced = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).kind() != Column.Kind.COMPUTED) {
                produced.add(i);
            }
        }
        int[] producedFields = produced.stream().mapToInt(Integer::intValue).toArray();
        DataStream<Row> rows;
        ChangelogMode mode;
        if (fromDataStream) {
            rows = DataStreamScans.rows(table, scan.getRowType(), producedFields, planner.catalogs());
            mode = DataStreamScans.changelogMode(table.catalogTable());
        } else {
            try {
                CatalogTable hinted = TableHints.withOptions(table.catalogTable(), scan.getHints());
                TableFactory factory = TableFactories.find(name, hinted);
                List<Integer> physical = new ArrayList<>();
                for (int i = 0; i < columns.size(); i++) {
                    if (columns.get(i).kind() == Column.Kind.PHYSICAL) {
                        physical.add(i);
                    }
                }
                TableFactory.Context context = new TableFactory.Context(table.identifier(), hinted,
                        RowTypes.of(scan.getRowType(), physical.stream().mapToInt(Integer::intValue).toArray()),
                        env.getParallelism());
                if (physical.size() == produced.size()) {
                    rows = factory.createSource(context, env);
                } else {
                    rows = MetadataColumns.read(name, factory, context, env, columns, scan.getRowType(), producedFields);
                }
                mode = factory.sourceChangelogMode(context);
            } catch (ValidationException e) {
                // the connector's errors (an unknown option, a bad value) are about this table
                throw StatementPlaces.about(Subject.table(name), e);
            }
        }
        if (produced.size() < columns.size()) {
            rows = computedColumns(table.identifier(), scan, produced, rows);
        }
        WatermarkSpec watermark = table.catalogTable().schema().watermark();
        if (watermark != null && !watermark.expression().equals(DataStreamScans.SOURCE_WATERMARK)) {
            // the generated assigner and generator only read rows: the assigner gets them uncopied
            rows = rows.assignTimestampsAndWatermarks(
                    new CopyFreeWatermarks(watermarks(table.identifier(), watermark, scan)))
                    .setParallelism(rows.getParallelism()).name("WatermarkAssigner");
        }
        return new ChangelogStream(rows, mode, mode.isInsertOnly() ? null : "the changelog source table " + name);
    }

    /**
     * Computes the table's computed columns ({@code name AS expr}) from the source's physical
     * columns: a generated Calc whose output is the table's full row, in declaration order.
     */
    private DataStream<Row> computedColumns(ObjectIdentifier id, LogicalTableScan scan, List<Integer> physical,
            DataStream<Row> rows) {
        List<Column> columns = scan.getTable().unwrap(SourceTable.class).catalogTable().schema().columns();
        List<String> selected = new ArrayList<>();
        for (Column column : columns) {
            selected.add(column.kind() == Column.Kind.COMPUTED ? "(" + column.expression() + ")" : quoted(column.name()));
        }
        LogicalCalc calc = (LogicalCalc) StreamPlanTranslator.optimize(planner.toRel(SqlStatementParser.parse(
                "SELECT " + String.join(", ", selected) + " FROM " + quotedName(id))).project());
        RexProgram program = calc.getProgram();
        RexBuilder rexBuilder = calc.getCluster().getRexBuilder();
        RelDataType physicalType = rexBuilder.getTypeFactory().createStructType(
                physical.stream().map(i -> scan.getRowType().getFieldList().get(i)).toList());
        RexShuttle toPhysical = new RexShuttle() {
            @Override
            public RexNode visitInputRef(RexInputRef ref) {
                int position = physical.indexOf(ref.getIndex());
                if (position < 0) {
                    throw StatementPlaces.error(Subject.table(id.asSummaryString()), "A computed column of table " + id.asSummaryString()
                            + " refers to computed column '" + columns.get(ref.getIndex()).name()
                            + "'; computed columns can only use physical columns");
                }
                return new RexInputRef(position, ref.getType());
            }
        };
        List<RexNode> projects = program.getProjectList().stream()
                .map(ref -> program.expandLocalRef(ref).accept(toPhysical)).toList();
        RexProgram onPhysical = RexProgram.create(physicalType, projects, null, calc.getRowType(), rexBuilder);
        CalcCodeGenerator.GeneratedClass generated = CalcCodeGenerator.generate(onPhysical, rexBuilder,
                io.weir.sql.codegen.SessionTimeZone.of(calc.getCluster()));
        CompiledCalc.compile(generated.name(), generated.source());
        return rows.flatMap(new CompiledCalc(generated.name(), generated.source()), RowTypes.of(scan.getRowType()))
                .setParallelism(rows.getParallelism()).name("ComputedColumns");
    }

    private RowtimeWatermarks watermarks(ObjectIdentifier id, WatermarkSpec spec, LogicalTableScan scan) {
        String query = "SELECT " + spec.expression() + " FROM " + quotedName(id);
        RelNode plan = StreamPlanTranslator.optimize(planner.toRel(SqlStatementParser.parse(query)).project());
        if (!(plan instanceof LogicalCalc calc)) {
            throw StatementPlaces.error(Subject.table(id.asSummaryString()), "The watermark expression '" + spec.expression() + "' of table "
                    + id.asSummaryString() + " must be an expression over the table's columns");
        }
        CalcCodeGenerator.GeneratedClass generated = CalcCodeGenerator.generate(calc.getProgram(),
                calc.getCluster().getRexBuilder(), io.weir.sql.codegen.SessionTimeZone.of(calc.getCluster()));
        CompiledCalc.compile(generated.name(), generated.source());
        int rowtime = scan.getRowType().getFieldNames().indexOf(spec.rowtimeColumn());
        SqlTypeName rowtimeType = scan.getRowType().getFieldList().get(rowtime).getType().getSqlTypeName();
        if (rowtimeType != SqlTypeName.TIMESTAMP && rowtimeType != SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE) {
            throw StatementPlaces.error(Subject.table(id.asSummaryString()), "Table " + id.asSummaryString() + ": Weir runs rowtime columns of type "
                    + "TIMESTAMP(3) or TIMESTAMP_LTZ(3) only; '" + spec.rowtimeColumn() + "' is "
                    + scan.getRowType().getFieldList().get(rowtime).getType().getFullTypeString());
        }
        return new RowtimeWatermarks(rowtime, generated.name(), generated.source(),
                env.getConfig().getAutoWatermarkInterval() == 0, ofRowtimeOnly(calc, spec.rowtimeColumn()));
    }

    /**
     * Whether the watermark expression's value depends on the rowtime column alone: no filter, no
     * other column, and no function whose value can change between calls (RAND, CURRENT_TIMESTAMP).
     * Then rows with an equal rowtime give an equal watermark, and the runtime evaluates it once.
     */
    static boolean ofRowtimeOnly(LogicalCalc calc, String rowtimeColumn) {
        RexProgram program = calc.getProgram();
        if (program.getCondition() != null || program.getProjectList().size() != 1) {
            return false;
        }
        int rowtime = calc.getInput().getRowType().getFieldNames().indexOf(rowtimeColumn);
        RexNode expression = program.expandLocalRef(program.getProjectList().get(0));
        if (rowtime < 0 || !ImmutableBitSet.of(rowtime).contains(RelOptUtil.InputFinder.bits(expression))) {
            return false;
        }
        boolean[] pure = {true};
        expression.accept(new RexVisitorImpl<Void>(true) {
            @Override
            public Void visitCall(RexCall call) {
                if (!call.getOperator().isDeterministic() || call.getOperator().isDynamicFunction()) {
                    pure[0] = false;
                }
                return super.visitCall(call);
            }
        });
        return pure[0];
    }

    private static String quotedName(ObjectIdentifier id) {
        return quoted(id.catalogName()) + "." + quoted(id.databaseName()) + "." + quoted(id.objectName());
    }

    private static String quoted(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    /**
     * Checks that field {@code field} of {@code input} is a table's rowtime column (declared with
     * {@code WATERMARK FOR}), following it through projections down to the table.
     */
    static void requireRowtime(RelNode input, int field, String function) {
        if (isRowtime(input, field)) {
            return;
        }
        String column = input.getRowType().getFieldNames().get(field);
        throw StatementPlaces.error(Subject.call(function), function + ": DESCRIPTOR(" + column + ") must name a time attribute, the "
                + "rowtime column of a table declared with WATERMARK FOR " + column + " AS ...; Weir's windows fire "
                + "on watermarks");
    }

    /**
     * Whether field {@code field} of {@code input} is a rowtime attribute, read through projections:
     * a table's rowtime column or a legacy window's {@code TUMBLE_ROWTIME} (and HOP's, SESSION's).
     */
    static boolean isRowtime(RelNode input, int field) {
        RelNode node = input;
        int index = field;
        while (node instanceof LogicalCalc calc) {
            RexNode projected = calc.getProgram().expandLocalRef(calc.getProgram().getProjectList().get(index));
            if (projected instanceof RexCall call
                    && call.getOperator().getName().equals(WindowTimeFunctions.WINDOW_ROWTIME)) {
                return true; // TUMBLE_ROWTIME and the like: a legacy window's rowtime
            }
            if (!(projected instanceof RexInputRef ref)) {
                return false;
            }
            index = ref.getIndex();
            node = calc.getInput();
        }
        if (node instanceof LogicalTableScan scan) {
            SourceTable table = scan.getTable().unwrap(SourceTable.class);
            WatermarkSpec watermark = table == null ? null : table.catalogTable().schema().watermark();
            return watermark != null && scan.getRowType().getFieldNames().get(index).equals(watermark.rowtimeColumn());
        }
        if (node instanceof org.apache.calcite.rel.logical.LogicalTableFunctionScan scan
                && StreamPlanTranslator.isWindowFunction(scan)) {
            // window_time of a window table function over a rowtime is a rowtime attribute, as in Flink.
            return index == scan.getRowType().getFieldCount() - 1 && !AggregateTranslator.overProcessingTime(scan);
        }
        if (node instanceof org.apache.calcite.rel.core.Aggregate aggregate
                && aggregate.getGroupType() == org.apache.calcite.rel.core.Aggregate.Group.SIMPLE
                && index < aggregate.getGroupCount()
                && WindowBounds.inKeys(aggregate.getInput(), aggregate.getGroupSet().toArray()) != null) {
            // A window aggregate's rows come out before the watermark that fired them: a rowtime key
            // (window_time, as the Table API's w.rowtime()) stays one, so windows can cascade.
            return isRowtime(aggregate.getInput(), aggregate.getGroupSet().nth(index));
        }
        return false;
    }
}
