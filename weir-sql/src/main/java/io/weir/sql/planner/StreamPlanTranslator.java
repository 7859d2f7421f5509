package io.weir.sql.planner;

import io.weir.api.datastream.DataStream;
import io.weir.api.datastream.SingleOutputStreamOperator;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import io.weir.api.types.RowTypeInfo;
import io.weir.sql.api.ValidationException;
import io.weir.sql.codegen.CallSites;
import io.weir.sql.codegen.CalcCodeGenerator;
import io.weir.sql.codegen.LiteralValues;
import io.weir.sql.connectors.ChangelogMode;
import io.weir.sql.connectors.SupportsOverwrite;
import io.weir.sql.connectors.TableFactory;
import io.weir.sql.runtime.CompiledCalc;
import io.weir.sql.runtime.WatermarkCalc;
import io.weir.sql.runtime.agg.KeyProjection;
import io.weir.sql.runtime.window.ProcTimeSessionWindowTableFunction;
import io.weir.sql.runtime.window.SessionWindowTableFunction;
import io.weir.sql.runtime.window.WindowTableFunction;
import io.weir.sql.parser.StatementPlaces;
import io.weir.sql.parser.StatementPlaces.Subject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Intersect;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.Minus;
import org.apache.calcite.rel.core.SetOp;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rel.core.Uncollect;
import org.apache.calcite.rel.core.Union;
import org.apache.calcite.rel.logical.LogicalCalc;
import org.apache.calcite.rel.logical.LogicalCorrelate;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalTableFunctionScan;
import org.apache.calcite.rel.logical.LogicalTableScan;
import org.apache.calcite.rel.logical.LogicalValues;
import org.apache.calcite.rel.logical.LogicalWindow;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.rules.AggregateReduceFunctionsRule;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.rules.ProjectJoinTransposeRule;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import com.google.common.collect.ImmutableList;

/**
 * Turns a logical plan into a Weir DataStream job: projections and filters are merged into
 * {@link LogicalCalc}s and compiled to bytecode, VALUES become a collection source, table scans
 * and INSERTs go through their connector's {@link TableFactory}, aggregates become keyed operators
 * ({@link AggregateTranslator}) and window table functions a window assigner. Each part carries its
 * {@link ChangelogMode}, so an INSERT into a sink that cannot take the query's updates is refused
 * at planning. Regular joins become keyed two-input operators ({@link JoinTranslator}), temporal and
 * lookup joins ({@code FOR SYSTEM_TIME AS OF}) too or a lookup per row ({@link TemporalJoinTranslator}). Plans with
 * other operators are rejected with a message naming the operator.
 */
public final class StreamPlanTranslator {

    private final StreamExecutionEnvironment env;
    private final QueryPlanner planner;
    private final Duration stateTtl;
    private final AsyncLookupOptions asyncLookup;
    private final MiniBatchOptions miniBatch;
    private final boolean batch;
    /** Parts translated so far, by their plan: a part that occurs twice (a table read by two views) runs once. */
    private final Map<String, ChangelogStream> translated = new HashMap<>();
    /**
     * Uids of the job's stateful operators, from the plan (docs/sql.md, "Changing a query and keeping its
     * state"); null for a stream handed to the DataStream API, which another translation may join in one job.
     */
    private OperatorUids uids = new OperatorUids();

    /** @param stateTtl {@code table.exec.state.ttl}: how long idle state is kept; zero keeps it forever */
    public StreamPlanTranslator(StreamExecutionEnvironment env, QueryPlanner planner, Duration stateTtl) {
        this(env, planner, stateTtl, AsyncLookupOptions.defaults());
    }

    /** @param asyncLookup how asynchronous lookup joins run ({@code table.exec.async-lookup.*}) */
    public StreamPlanTranslator(StreamExecutionEnvironment env, QueryPlanner planner, Duration stateTtl,
            AsyncLookupOptions asyncLookup) {
        this(env, planner, stateTtl, asyncLookup, MiniBatchOptions.disabled());
    }

    /** @param miniBatch whether and how group aggregates buffer rows ({@code table.exec.mini-batch.*}) */
    public StreamPlanTranslator(StreamExecutionEnvironment env, QueryPlanner planner, Duration stateTtl,
            AsyncLookupOptions asyncLookup, MiniBatchOptions miniBatch) {
        this(env, planner, stateTtl, asyncLookup, miniBatch, false);
    }

    /**
     * @param batch whether the session runs in BATCH mode ({@code EnvironmentSettings.inBatchMode()} or
     *     {@code execution.runtime-mode = batch}): OVER windows of ranking and offset functions then sort
     *     each partition of the bounded input (see {@link OverAggregateTranslator})
     */
    public StreamPlanTranslator(StreamExecutionEnvironment env, QueryPlanner planner, Duration stateTtl,
            AsyncLookupOptions asyncLookup, MiniBatchOptions miniBatch, boolean batch) {
        this.batch = batch;
        this.env = env;
        this.planner = planner;
        this.stateTtl = stateTtl;
        this.asyncLookup = asyncLookup;
        this.miniBatch = miniBatch;
    }

    /**
     * Moves the columns a projection keeps below an inner or outer join (semi and anti joins, whose
     * output is their left input, are left as they are).
     */
    private static final ProjectJoinTransposeRule JOIN_INPUTS_TRIMMED = ProjectJoinTransposeRule.Config.DEFAULT
            .withOperandSupplier(project -> project.operand(LogicalProject.class).oneInput(join -> join
                    .operand(LogicalJoin.class).predicate(j -> j.getJoinType().projectsRight()).anyInputs()))
            .as(ProjectJoinTransposeRule.Config.class)
            .toRule();

    /**
     * The plan Weir runs: Calcite's logical plan with IN/EXISTS sub-queries as semi and anti joins
     * ({@link SubQueryJoins}) and projections and filters merged into Calcs.
     */
    public static RelNode optimize(RelNode logical) {
        HepProgram program = HepProgram.builder()
                // STDDEV_POP/SAMP and VAR_POP/SAMP become SUM(x * x), SUM(x) and COUNT(x) and an expression over
                // them, as Flink's planner reduces them (so they retract and merge like SUM and COUNT).
                .addRuleInstance(AggregateReduceFunctionsRule.Config.DEFAULT.withFunctionsToReduce(
                        java.util.EnumSet.of(SqlKind.STDDEV_POP, SqlKind.STDDEV_SAMP, SqlKind.VAR_POP,
                                SqlKind.VAR_SAMP)).toRule())
                // WHERE conditions over a join become its condition (equi-keys, residual) or move below it.
                .addRuleCollection(List.of(CoreRules.FILTER_INTO_JOIN, CoreRules.JOIN_CONDITION_PUSH,
                        CoreRules.JOIN_PUSH_EXPRESSIONS))
                // ROW_NUMBER() OVER (...) becomes a Window, which Top-N recognises under the filter on it.
                .addRuleInstance(CoreRules.PROJECT_TO_LOGICAL_PROJECT_AND_WINDOW)
                // UNION (distinct) is UNION ALL then a group aggregate on all columns, as in Flink.
                .addRuleInstance(CoreRules.UNION_TO_DISTINCT)
                // A regular join takes only the columns its condition and its consumer use, as Flink's planner
                // trims them: its state holds, and its exchanges carry, smaller rows (q4's join kept every bid
                // with its url, channel and extra strings).
                .addRuleInstance(JOIN_INPUTS_TRIMMED)
                .addRuleInstance(CoreRules.FILTER_TO_CALC)
                .addRuleInstance(CoreRules.PROJECT_TO_CALC)
                .addRuleInstance(CoreRules.CALC_MERGE)
                .addRuleInstance(CoreRules.CALC_REMOVE)
                .build();
        HepPlanner planner = new HepPlanner(program);
        RelNode rewritten = SubQueryJoins.rewrite(logical);
        planner.setRoot(CallSites.separate(rewritten, rewritten.getCluster().getRexBuilder()));
        return planner.findBestExp();
    }

    public static String explain(RelNode optimized) {
        return RelOptUtil.toString(optimized).stripTrailing();
    }

    /** The first line of a node's plan, without Calcite's "Logical" prefix, for messages. */
    static String describe(RelNode node) {
        return explain(node).lines().findFirst().orElse("").replace("LogicalAggregate", "GroupAggregate")
                .replace("Logical", "");
    }

    /** {@code Left} for LEFT: a join type as it reads in an operator's name. */
    static String capitalized(JoinRelType type) {
        String name = type.name();
        return name.charAt(0) + name.substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    /** Translates a query's plan; its rows go to a collecting sink, which takes every change kind. */
    public DataStream<Row> translateQuery(RelNode node) {
        return translate(node).rows();
    }

    /**
     * Translates a query's plan for {@code toDataStream} (insert-only rows, else a message that names
     * the updating operator and {@code toChangelogStream}) or {@code toChangelogStream} (every kind).
     */
    public DataStream<Row> translateToDataStream(RelNode node, boolean changelog) {
        // Two tables turned into streams of one job would give their equal parts equal uids: the DataStream
        // program names its operators itself.
        uids = null;
        ChangelogStream stream = translate(node);
        if (!changelog && !stream.mode().isInsertOnly()) {
            throw new ValidationException("toDataStream takes an insert-only table, but this table's rows are updated: "
                    + stream.updatingNode() + " updates its results. Use toChangelogStream(table), which gives every "
                    + "row with its RowKind (+I, -U, +U, -D)");
        }
        return stream.rows();
    }

    /**
     * Translates a part of the plan, or returns the stream of an equal part translated before: equal
     * plans compute equal rows, so the job reads a table once however many views of it a query
     * joins (Flink reuses sources and subplans likewise), and its rows fan out to each consumer.
     */
    ChangelogStream translate(RelNode node) {
        String plan = explain(node);
        ChangelogStream stream = translated.get(plan);
        if (stream == null) {
            int firstId = OperatorUids.nextId();
            stream = translateOnce(node);
            if (uids != null) {
                uids.assign(node, stream.rows().getTransformation(), firstId);
            }
            translated.put(plan, stream);
        }
        return stream;
    }

    private ChangelogStream translateOnce(RelNode node) {
        if (node instanceof LogicalCalc calc) {
            ChangelogStream input = RankTranslator.isRank(calc)
                    ? RankTranslator.translate(calc, translate(calc.getInput().getInput(0)), stateTtl)
                    : translate(calc.getInput());
            return input.withRows(calc(calc, input.rows()));
        }
        if (node instanceof LogicalWindow window) {
            return OverAggregateTranslator.translate(window, translate(window.getInput()), batch);
        }
        if (node instanceof Aggregate aggregate) {
            WindowSlicing slicing = WindowSlicing.of(aggregate);
            // Processing-time windows run unsliced, fired by processing-time timers.
            if (slicing != null && AggregateTranslator.canSlice(aggregate)
                    && !AggregateTranslator.overProcessingTime(aggregate.getInput())) {
                ChangelogStream sliced = slicedInput(slicing);
                if (sliced != null) {
                    return AggregateTranslator.translateSliced(aggregate, slicing, sliced);
                }
            }
            ChangelogStream input = ProcTimeWindows.overProcessingTimeSession(aggregate.getInput())
                    ? procTimeSessionInput(aggregate.getInput()) : translate(aggregate.getInput());
            return AggregateTranslator.translate(aggregate, input, stateTtl, miniBatch);
        }
        if (node instanceof Join join) {
            return JoinTranslator.translate(join, translate(join.getLeft()), translate(join.getRight()), stateTtl);
        }
        if (node instanceof LogicalCorrelate correlate && UnnestTranslator.isUnnest(correlate)) {
            return UnnestTranslator.translate(correlate, this::translate);
        }
        if (node instanceof Uncollect uncollect) {
            return UnnestTranslator.translate(uncollect, this::translate);
        }
        if (node instanceof LogicalCorrelate correlate && CorrelateTranslator.isTableFunctionCall(correlate)) {
            return CorrelateTranslator.translate(correlate, translate(correlate.getLeft()));
        }
        if (node instanceof LogicalCorrelate correlate && TemporalJoinTranslator.snapshot(correlate) != null) {
            return new TemporalJoinTranslator(env, this::translate, asyncLookup).translate(correlate, translate(correlate.getLeft()));
        }
        if (node instanceof LogicalTableFunctionScan scan && isWindowFunction(scan)) {
            return windowTableFunction(scan);
        }
        if (node instanceof LogicalValues values) {
            return ChangelogStream.appendOnly(values(values));
        }
        if (node instanceof LogicalTableScan scan) {
            return new TableScanTranslator(env, planner).translate(scan);
        }
        if (node instanceof Union union && union.all) {
            return unionAll(union);
        }
        if (node instanceof Intersect || node instanceof Minus) {
            SetOp setOp = (SetOp) node;
            return SetOperationTranslator.translate(setOp, setOp.getInputs().stream().map(this::translate).toList(),
                    stateTtl);
        }
        if (node instanceof Sort sort) {
            return SortLimitTranslator.translate(sort, translate(sort.getInput()), stateTtl);
        }
        throw new ValidationException("The query needs " + node.getRelTypeName().replace("Logical", "")
                + ", which Weir's SQL runtime cannot run yet; docs/sql.md lists what runs today. Plan:\n"
                + explain(node));
    }

    /**
     * UNION ALL: the inputs' rows merged, each keeping its change kind; the result has every kind
     * any input has.
     */
    private ChangelogStream unionAll(Union union) {
        List<ChangelogStream> inputs = union.getInputs().stream().map(this::translate).toList();
        java.util.EnumSet<RowKind> kinds = java.util.EnumSet.noneOf(RowKind.class);
        String updatingNode = null;
        for (ChangelogStream input : inputs) {
            kinds.addAll(input.mode().getContainedKinds());
            updatingNode = updatingNode != null ? updatingNode : input.updatingNode();
        }
        // The inputs' columns may have other names than the union's: their rows are renamed, not copied.
        // An input whose columns have other types (GROUPING of duplicate grouping sets: INTEGER in one
        // input, BIGINT in another) is cast to the union's types first.
        RowTypeInfo type = RowTypes.of(union.getRowType());
        List<DataStream<Row>> typed = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            DataStream<Row> rows = castToUnionTypes(union, union.getInput(i), inputs.get(i).rows());
            typed.add(rows.getType().equals(type) ? rows : rows.map(row -> row, type)
                    .setParallelism(rows.getParallelism()).name("UnionInput"));
        }
        @SuppressWarnings("unchecked")
        DataStream<Row>[] others = typed.subList(1, typed.size()).toArray(DataStream[]::new);
        DataStream<Row> rows = typed.get(0).union(others);
        return new ChangelogStream(rows, ChangelogMode.of(kinds), updatingNode);
    }

    /** The rows of a union's input with its columns cast to the union's types, where a type differs. */
    private static DataStream<Row> castToUnionTypes(Union union, RelNode input, DataStream<Row> rows) {
        org.apache.calcite.rel.type.RelDataTypeFactory types = union.getCluster().getTypeFactory();
        List<org.apache.calcite.rel.type.RelDataTypeField> wanted = union.getRowType().getFieldList();
        List<org.apache.calcite.rel.type.RelDataTypeField> given = input.getRowType().getFieldList();
        boolean differ = false;
        for (int f = 0; f < wanted.size(); f++) {
            differ |= !org.apache.calcite.sql.type.SqlTypeUtil.equalSansNullability(types,
                    wanted.get(f).getType(), given.get(f).getType());
        }
        if (!differ) {
            return rows;
        }
        org.apache.calcite.rex.RexBuilder rexBuilder = union.getCluster().getRexBuilder();
        org.apache.calcite.rex.RexProgram program = org.apache.calcite.rex.RexProgram.create(input.getRowType(),
                org.apache.calcite.rex.RexUtil.generateCastExpressions(rexBuilder, union.getRowType(), input.getRowType()),
                null, union.getRowType(), rexBuilder);
        return calc(LogicalCalc.create(input, program), rows);
    }

    private static DataStream<Row> calc(LogicalCalc calc, DataStream<Row> input) {
        CalcCodeGenerator.GeneratedClass generated = CalcCodeGenerator.generateWithFunctions(calc.getProgram(),
                calc.getCluster().getRexBuilder(), io.weir.sql.codegen.SessionTimeZone.of(calc.getCluster()));
        CompiledCalc.compile(generated.name(), generated.source(), generated.functions()); // fail at planning
        // A Calc keeps its input's parallelism: it chains to it, and a changelog keeps its order per key.
        SingleOutputStreamOperator<Row> output = generated.readsWatermark()
                ? input.process(new WatermarkCalc(generated.name(), generated.source(), generated.functions()),
                        RowTypes.of(calc.getRowType()))
                : input.flatMap(new CompiledCalc(generated.name(), generated.source(), generated.functions()),
                        RowTypes.of(calc.getRowType()));
        return output.setParallelism(input.getParallelism()).name("Calc");
    }

    static boolean isWindowFunction(LogicalTableFunctionScan scan) {
        if (!(scan.getCall() instanceof RexCall call)) {
            return false;
        }
        String name = call.getOperator().getName();
        return name.equals("TUMBLE") || name.equals("HOP") || name.equals("CUMULATE") || name.equals("SESSION");
    }

    private ChangelogStream windowTableFunction(LogicalTableFunctionScan scan) {
        RexCall call = (RexCall) scan.getCall();
        ChangelogStream input = translate(scan.getInputs().get(0));
        if (!input.mode().isInsertOnly()) {
            throw StatementPlaces.error(Subject.call(call.getOperator().getName()), call.getOperator().getName() + " needs append-only input, but its input has "
                    + "updates from " + input.updatingNode() + "; apply the window to the rows before they are updated");
        }
        List<RexNode> operands = call.getOperands();
        int timeField = ((RexInputRef) ((RexCall) operands.get(0)).getOperands().get(0)).getIndex();
        if (call.getOperator().getName().equals("SESSION")) {
            long gap = intervalMillis(operands.get(1));
            RowTypeInfo rowType = RowTypes.of(scan.getInputs().get(0).getRowType());
            if (AggregateTranslator.overProcessingTime(scan)) {
                return sessionTableFunction(scan, input, new ProcTimeSessionWindowTableFunction(gap, rowType,
                        ProcTimeWindows.zone(scan.getCluster())));
            }
            TableScanTranslator.requireRowtime(scan.getInputs().get(0), timeField, "SESSION");
            return sessionTableFunction(scan, input, new SessionWindowTableFunction(timeField, gap, rowType));
        }
        WindowTableFunction.Kind kind = WindowTableFunction.Kind.valueOf(call.getOperator().getName());
        long first = intervalMillis(operands.get(1));
        int sizes = kind == WindowTableFunction.Kind.TUMBLE ? 1 : 2;
        long size = sizes == 2 ? intervalMillis(operands.get(2)) : first;
        long offset = operands.size() > 1 + sizes ? intervalMillis(operands.get(1 + sizes)) : 0;
        if (!AggregateTranslator.overProcessingTime(scan)) {
            TableScanTranslator.requireRowtime(scan.getInputs().get(0), timeField, call.getOperator().getName());
        }
        DataStream<Row> rows = input.rows();
        DataStream<Row> windowed = rows.flatMap(new WindowTableFunction(kind, timeField, size, first,
                        ltzTime(scan, timeField), WindowBounds.wallTimeZone(scan), offset),
                RowTypes.of(scan.getRowType())).setParallelism(rows.getParallelism()).name(kind.name());
        return ChangelogStream.appendOnly(windowed);
    }

    /**
     * The input of a window aggregate over SESSION of a processing time: the session's rows pass
     * through, their {@code window_start}, {@code window_end} and {@code window_time} null, as the
     * aggregate ({@link io.weir.sql.runtime.window.ProcTimeSessionWindowAggregateFunction}) puts them
     * into sessions by its own clock.
     */
    private ChangelogStream procTimeSessionInput(RelNode node) {
        if (node instanceof LogicalCalc calc) {
            ChangelogStream input = procTimeSessionInput(calc.getInput());
            return input.withRows(calc(calc, input.rows()));
        }
        LogicalTableFunctionScan scan = (LogicalTableFunctionScan) node;
        ChangelogStream input = translate(scan.getInputs().get(0));
        if (!input.mode().isInsertOnly()) {
            throw StatementPlaces.error(Subject.call("SESSION"), "SESSION needs append-only input, but its input has updates from "
                    + input.updatingNode() + "; apply the window to the rows before they are updated");
        }
        DataStream<Row> rows = input.rows();
        return ChangelogStream.appendOnly(rows.map(row -> {
            Row widened = new Row(row.getKind(), row.getArity() + 3);
            for (int i = 0; i < row.getArity(); i++) {
                widened.setField(i, row.getField(i));
            }
            return widened;
        }, RowTypes.of(scan.getRowType())).setParallelism(rows.getParallelism()).name("SESSION"));
    }

    /** Whether the time column of a window table function is a TIMESTAMP_LTZ (its window_time is one too). */
    private static boolean ltzTime(LogicalTableFunctionScan scan, int timeField) {
        return scan.getInputs().get(0).getRowType().getFieldList().get(timeField).getType().getSqlTypeName()
                == org.apache.calcite.sql.type.SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE;
    }

    /**
     * The input of a sliced window aggregate: the window table function's input with each row's
     * slice appended as {@code window_start}/{@code window_end} (a TUMBLE of the slice size), then
     * the projection/filter between the function and the aggregate. Null if that input has updates
     * (the unsliced translation then says why that cannot run).
     */
    private ChangelogStream slicedInput(WindowSlicing slicing) {
        RelNode tableInput = slicing.scan().getInputs().get(0);
        ChangelogStream input = translate(tableInput);
        if (!input.mode().isInsertOnly()) {
            return null;
        }
        RexCall call = (RexCall) slicing.scan().getCall();
        TableScanTranslator.requireRowtime(tableInput, slicing.timeField(), call.getOperator().getName());
        long slice = slicing.slices().sliceSize();
        DataStream<Row> rows = input.rows();
        DataStream<Row> sliced = rows.flatMap(new WindowTableFunction(WindowTableFunction.Kind.TUMBLE,
                        slicing.timeField(), slice, slice, ltzTime(slicing.scan(), slicing.timeField()),
                        slicing.bounds().zone()), RowTypes.of(slicing.scan().getRowType()))
                .setParallelism(rows.getParallelism()).name(call.getOperator().getName() + "Slices");
        return ChangelogStream.appendOnly(slicing.calc() == null ? sliced : calc(slicing.calc(), sliced));
    }

    /**
     * SESSION: keyed by its PARTITION BY keys (one partition without them, at one subtask, as in
     * Flink), rows wait in state until their session ends: by the watermark over a rowtime
     * ({@link SessionWindowTableFunction}), by the operator's clock over a processing time
     * ({@link ProcTimeSessionWindowTableFunction}).
     */
    private static ChangelogStream sessionTableFunction(LogicalTableFunctionScan scan, ChangelogStream input,
            io.weir.api.functions.KeyedProcessFunction<Row, Row, Row> function) {
        List<RexNode> operands = ((RexCall) scan.getCall()).getOperands();
        int[] partition = operands.size() > 2
                ? ((RexCall) operands.get(2)).getOperands().stream().mapToInt(k -> ((RexInputRef) k).getIndex()).toArray()
                : new int[0];
        RelDataType inputType = scan.getInputs().get(0).getRowType();
        DataStream<Row> windowed = input.rows()
                .keyBy(new KeyProjection(partition), RowTypes.of(inputType, partition))
                .process(function, RowTypes.of(scan.getRowType()))
                .name("SESSION");
        return ChangelogStream.appendOnly(windowed);
    }

    private static long intervalMillis(RexNode node) {
        if (node instanceof RexLiteral literal && literal.getValueAs(Long.class) != null) {
            return literal.getValueAs(Long.class);
        }
        throw new ValidationException("Window sizes must be constant day-time intervals such as INTERVAL '10' SECOND, "
                + "not " + node);
    }

    /** Translates INSERT INTO: the input's rows go to the target table's connector, if it can take them. */
    public void translateInsert(TableModify modify) {
        translateInsert(modify, null);
    }

    /**
     * An INSERT as {@link InsertTargets} resolved it (OPTIONS hints, OVERWRITE); null for a plain one.
     *
     * @return for INSERT OVERWRITE what replaces the old rows once the job has finished; else null
     */
    public SupportsOverwrite.Replacement translateInsert(TableModify modify, InsertTargets.Target target) {
        SourceTable table = modify.getTable().unwrap(SourceTable.class);
        if (table == null) {
            throw StatementPlaces.error(Subject.sink(), "INSERT INTO " + modify.getTable().getQualifiedName()
                    + ": only tables can be written to, not views");
        }
        ChangelogStream rows = translate(modify.getInput());
        try {
            int firstId = OperatorUids.nextId();
            List<io.weir.api.transformations.Transformation<?>> before = env.createPipeline("INSERT").sinks();
            SupportsOverwrite.Replacement replacement = TableSinks.write(table, target, rows,
                    modify.getInput().getRowType(), env.getParallelism());
            List<io.weir.api.transformations.Transformation<?>> sinks = new ArrayList<>(env.createPipeline("INSERT").sinks());
            sinks.removeAll(before);
            if (uids != null) {
                uids.assignSink(table.identifier().asSummaryString(), sinks, firstId);
            }
            return replacement;
        } catch (ValidationException e) {
            // the connector's errors (an unknown option, a bad value) are about the table written
            throw StatementPlaces.about(Subject.sink(), e);
        }
    }

    private DataStream<Row> values(LogicalValues values) {
        List<Row> rows = new ArrayList<>();
        for (ImmutableList<RexLiteral> tuple : values.getTuples()) {
            Row row = new Row(RowKind.INSERT, tuple.size());
            for (int i = 0; i < tuple.size(); i++) {
                row.setField(i, LiteralValues.toJava(tuple.get(i)));
            }
            rows.add(row);
        }
        return env.fromData(rows, RowTypes.of(values.getRowType())).name("Values");
    }
}
