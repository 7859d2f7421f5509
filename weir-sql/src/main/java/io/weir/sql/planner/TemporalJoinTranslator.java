package io.weir.sql.planner;

import io.weir.api.datastream.AsyncDataStream;
import io.weir.api.datastream.DataStream;
import io.weir.api.datastream.SingleOutputStreamOperator;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.types.Row;
import io.weir.api.types.RowTypeInfo;
import io.weir.sql.api.ValidationException;
import io.weir.sql.catalog.Column;
import io.weir.sql.codegen.CalcCodeGenerator;
import io.weir.sql.connectors.LookupProvider;
import io.weir.sql.connectors.LookupTableSource;
import io.weir.sql.connectors.TableFactories;
import io.weir.sql.connectors.TableFactory;
import io.weir.sql.runtime.join.JoinKeyProjection;
import io.weir.sql.runtime.join.AsyncLookupJoinFunction;
import io.weir.sql.runtime.join.LookupJoinFunction;
import io.weir.sql.runtime.join.ProcTimeTemporalJoinFunction;
import io.weir.sql.runtime.join.TemporalJoinFunction;
import io.weir.sql.types.LogicalType.TimeAttribute;
import io.weir.sql.parser.StatementPlaces;
import io.weir.sql.parser.StatementPlaces.Subject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalCalc;
import org.apache.calcite.rel.logical.LogicalCorrelate;
import org.apache.calcite.rel.logical.LogicalSnapshot;
import org.apache.calcite.rel.logical.LogicalTableScan;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;

/**
 * Translates a temporal join, {@code JOIN t FOR SYSTEM_TIME AS OF probe.time AS v ON ...}, which
 * Calcite plans as a correlate of the probe side with a snapshot of {@code t}, filtered by the
 * join condition. As in Flink, the kind of {@code probe.time} decides the join:
 * <ul>
 *   <li>a rowtime: an event-time temporal join against a versioned table (a primary key, or a
 *       deduplicating view, and a watermark): {@link TemporalJoinFunction};</li>
 *   <li>{@code PROCTIME()}: a lookup join, if {@code t}'s connector looks rows up
 *       ({@link LookupTableSource}): {@link LookupJoinFunction}; or, against the history of a
 *       temporal table function over processing time ({@code LATERAL TABLE(rates(o.pt))}), a join
 *       with the latest row of each key: {@link ProcTimeTemporalJoinFunction}. Flink refuses a
 *       processing-time join against any other table, and so does Weir.</li>
 * </ul>
 * Inner and LEFT joins run; each error names the table and what to change.
 */
final class TemporalJoinTranslator {

    private final StreamExecutionEnvironment env;
    private final Function<RelNode, ChangelogStream> translator;

    private final AsyncLookupOptions asyncLookup;

    TemporalJoinTranslator(StreamExecutionEnvironment env, Function<RelNode, ChangelogStream> translator,
            AsyncLookupOptions asyncLookup) {
        this.asyncLookup = asyncLookup;
        this.env = env;
        this.translator = translator;
    }

    /** The correlate's snapshot, below the filters of the join condition; null if it has none (LATERAL). */
    static LogicalSnapshot snapshot(LogicalCorrelate correlate) {
        RelNode right = correlate.getRight();
        while (right instanceof LogicalCalc calc && calc.getProgram().projectsOnlyIdentity()) {
            right = calc.getInput();
        }
        return right instanceof LogicalSnapshot snapshot ? snapshot : null;
    }

    ChangelogStream translate(LogicalCorrelate correlate, ChangelogStream probe) {
        LogicalSnapshot snapshot = snapshot(correlate);
        RelNode left = correlate.getLeft();
        RelNode table = snapshot.getInput();
        String tableName = tableName(table);
        JoinRelType type = correlate.getJoinType();
        if (type != JoinRelType.INNER && type != JoinRelType.LEFT) {
            throw StatementPlaces.error(Subject.temporalJoin(tableName), "A " + type + " temporal join of " + tableName + " cannot run; Flink and Weir "
                    + "run inner and LEFT temporal joins only");
        }
        int timeField = periodField(correlate, snapshot, tableName);
        RexNode joinedCondition = joinedCondition(correlate);
        TimeAttribute time = TemporalTables.timeAttribute(left, timeField);
        if (time == TimeAttribute.ROWTIME) {
            return eventTimeJoin(correlate, probe, table, tableName, timeField, equiSplit(correlate, table,
                    joinedCondition));
        }
        if (time == TimeAttribute.PROCTIME && TemporalTables.latestByProcessingTime(table)) {
            return processingTimeJoin(correlate, probe, table, tableName, equiSplit(correlate, table, joinedCondition));
        }
        if (time == TimeAttribute.PROCTIME) {
            return lookupJoin(correlate, probe, table, tableName, LookupKeys.of(correlate, joinedCondition));
        }
        throw StatementPlaces.error(Subject.temporalJoin(tableName), "Temporal table join currently only supports 'FOR SYSTEM_TIME AS OF' left table's "
                + "time attribute field: '" + left.getRowType().getFieldNames().get(timeField) + "' in the join of "
                + tableName + " is neither a rowtime (a column with WATERMARK FOR it) nor a processing time "
                + "(a column AS PROCTIME()). Name one of those instead");
    }

    /**
     * The equi-keys of the join condition, which of them reject nulls ({@code =}, not
     * {@code IS NOT DISTINCT FROM}), and the rest of it, on the joined row (probe fields, then the table's).
     */
    private record Condition(List<Integer> leftKeys, List<Integer> rightKeys, boolean[] nullRejecting,
            RexNode residual) {
    }

    /** The join condition (the filters above the snapshot) on the joined row: probe fields, then the table's. */
    private static RexNode joinedCondition(LogicalCorrelate correlate) {
        int leftCount = correlate.getLeft().getRowType().getFieldCount();
        RexShuttle toJoinedRow = new RexShuttle() {
            @Override
            public RexNode visitFieldAccess(RexFieldAccess access) {
                if (access.getReferenceExpr() instanceof RexCorrelVariable variable
                        && variable.id.equals(correlate.getCorrelationId())) {
                    return new RexInputRef(access.getField().getIndex(), access.getType());
                }
                return super.visitFieldAccess(access);
            }

            @Override
            public RexNode visitInputRef(RexInputRef ref) {
                return new RexInputRef(leftCount + ref.getIndex(), ref.getType());
            }
        };
        List<RexNode> conjunctions = new ArrayList<>();
        RelNode right = correlate.getRight();
        while (right instanceof LogicalCalc calc) {
            RexProgram program = calc.getProgram();
            if (program.getCondition() != null) {
                conjunctions.add(program.expandLocalRef(program.getCondition()).accept(toJoinedRow));
            }
            right = calc.getInput();
        }
        return RexUtil.composeConjunction(correlate.getCluster().getRexBuilder(), conjunctions);
    }

    private static Condition equiSplit(LogicalCorrelate correlate, RelNode table, RexNode joined) {
        List<Integer> leftKeys = new ArrayList<>();
        List<Integer> rightKeys = new ArrayList<>();
        List<Boolean> filterNulls = new ArrayList<>();
        List<RexNode> rest = new ArrayList<>();
        RelOptUtil.splitJoinCondition(correlate.getLeft(), table, joined, leftKeys, rightKeys, filterNulls, rest);
        boolean[] nullRejecting = new boolean[filterNulls.size()];
        for (int i = 0; i < nullRejecting.length; i++) {
            nullRejecting[i] = filterNulls.get(i);
        }
        return new Condition(leftKeys, rightKeys, nullRejecting,
                RexUtil.composeConjunction(correlate.getCluster().getRexBuilder(), rest));
    }

    /** The probe field that {@code FOR SYSTEM_TIME AS OF} names. */
    private static int periodField(LogicalCorrelate correlate, LogicalSnapshot snapshot, String tableName) {
        if (snapshot.getPeriod() instanceof RexFieldAccess access && access.getReferenceExpr() instanceof RexCorrelVariable) {
            return access.getField().getIndex();
        }
        throw StatementPlaces.error(Subject.temporalJoin(tableName), "Temporal table join currently only supports 'FOR SYSTEM_TIME AS OF' left table's "
                + "time attribute field: the join of " + tableName + " is AS OF " + snapshot.getPeriod()
                + "; write FOR SYSTEM_TIME AS OF o.t where t is the probe table's rowtime or PROCTIME() column");
    }

    private ChangelogStream eventTimeJoin(LogicalCorrelate correlate, ChangelogStream probe, RelNode table,
            String tableName, int timeField, Condition condition) {
        TemporalTables.Versioned versioned = TemporalTables.versioned(table);
        checkVersioned(versioned, table, tableName, condition);
        RelNode left = correlate.getLeft();
        CalcCodeGenerator.GeneratedClass residual = JoinTranslator.residualCode(left, table, condition.residual());
        JoinKeyProjection.Widening[] widenings = widenings(left, table, condition, correlate);
        int[] leftKeys = JoinTranslator.toArray(condition.leftKeys());
        RowTypeInfo keyType = JoinTranslator.widenedKeyType(RowTypes.of(left.getRowType(), leftKeys), widenings);
        TemporalJoinFunction.Spec spec = new TemporalJoinFunction.Spec(correlate.getJoinType() == JoinRelType.LEFT,
                RowTypes.of(left.getRowType()), RowTypes.of(table.getRowType()), timeField, versioned.rowtime(),
                condition.nullRejecting(), residual == null ? null : residual.name(),
                residual == null ? null : residual.source());
        ChangelogStream versions = translator.apply(table);
        DataStream<Row> rows = probe.rows().connect(versions.rows())
                .keyBy(new JoinKeyProjection(leftKeys, widenings),
                        new JoinKeyProjection(JoinTranslator.toArray(condition.rightKeys()), widenings), keyType)
                .process(new TemporalJoinFunction(spec), RowTypes.of(correlate.getRowType()))
                .name(correlate.getJoinType() == JoinRelType.LEFT ? "LeftTemporalJoin" : "TemporalJoin");
        return probe.withRows(rows);
    }

    /** How each key column pair of {@code condition} widens to a common type. */
    private static JoinKeyProjection.Widening[] widenings(RelNode left, RelNode table, Condition condition,
            LogicalCorrelate correlate) {
        JoinKeyProjection.Widening[] widenings = new JoinKeyProjection.Widening[condition.leftKeys().size()];
        for (int i = 0; i < widenings.length; i++) {
            widenings[i] = JoinTranslator.widening(left.getRowType().getFieldList().get(condition.leftKeys().get(i)).getType(),
                    table.getRowType().getFieldList().get(condition.rightKeys().get(i)).getType(), correlate);
        }
        return widenings;
    }

    /**
     * A join with a temporal table function over processing time: each probe row joins the latest
     * row of its key when it is processed ({@link ProcTimeTemporalJoinFunction}). The table is the
     * function's history deduplicated to the latest row per key, whose updates keep the join's state.
     */
    private ChangelogStream processingTimeJoin(LogicalCorrelate correlate, ChangelogStream probe, RelNode table,
            String tableName, Condition condition) {
        if (correlate.getJoinType() != JoinRelType.INNER) {
            throw StatementPlaces.error(Subject.temporalJoin(tableName), "A LEFT join of " + tableName + " FOR SYSTEM_TIME AS OF a PROCTIME() column "
                    + "cannot run; a temporal table function over processing time joins as an inner join only, as in Flink");
        }
        int[] key = TemporalTables.versioned(table).key();
        List<String> rightNames = table.getRowType().getFieldNames();
        for (int keyField : key) {
            if (!condition.rightKeys().contains(keyField)) {
                throw StatementPlaces.error(Subject.temporalJoin(tableName), "The temporal table function's primary key " + Arrays.stream(key)
                        .mapToObj(rightNames::get).toList() + " must be in the join's equalities: add "
                        + tableName + "." + rightNames.get(keyField) + " = ... to the WHERE clause");
            }
        }
        RelNode left = correlate.getLeft();
        CalcCodeGenerator.GeneratedClass residual = JoinTranslator.residualCode(left, table, condition.residual());
        JoinKeyProjection.Widening[] widenings = widenings(left, table, condition, correlate);
        int[] leftKeys = JoinTranslator.toArray(condition.leftKeys());
        RowTypeInfo keyType = JoinTranslator.widenedKeyType(RowTypes.of(left.getRowType(), leftKeys), widenings);
        ProcTimeTemporalJoinFunction.Spec spec = new ProcTimeTemporalJoinFunction.Spec(RowTypes.of(left.getRowType()),
                RowTypes.of(table.getRowType()), condition.nullRejecting(), residual == null ? null : residual.name(),
                residual == null ? null : residual.source());
        ChangelogStream versions = translator.apply(table);
        DataStream<Row> rows = probe.rows().connect(versions.rows())
                .keyBy(new JoinKeyProjection(leftKeys, widenings),
                        new JoinKeyProjection(JoinTranslator.toArray(condition.rightKeys()), widenings), keyType)
                .process(new ProcTimeTemporalJoinFunction(spec), RowTypes.of(correlate.getRowType()))
                .name("ProcTimeTemporalJoin");
        return probe.withRows(rows);
    }

    /** A versioned table has a key and a rowtime, and the join's equalities hold the whole key. */
    private static void checkVersioned(TemporalTables.Versioned versioned, RelNode table, String tableName,
            Condition condition) {
        if (versioned.key() == null) {
            throw StatementPlaces.error(Subject.temporalJoin(tableName), "Event-Time Temporal Table Join requires both primary key and row time attribute "
                    + "in versioned table, but no primary key found. Declare one on " + tableName
                    + " (PRIMARY KEY (k) NOT ENFORCED), or join a view that keeps the latest row per key: "
                    + "ROW_NUMBER() OVER (PARTITION BY k ORDER BY t DESC) = 1");
        }
        if (versioned.rowtime() < 0) {
            throw StatementPlaces.error(Subject.temporalJoin(tableName), "Event-Time Temporal Table Join requires both primary key and row time attribute "
                    + "in versioned table, but no row time attribute can be found. Declare a WATERMARK FOR a time column "
                    + "of " + tableName + ", or, to join the table's latest rows, use a connector that looks them up "
                    + "(jdbc) with FOR SYSTEM_TIME AS OF a PROCTIME() column");
        }
        List<String> rightNames = table.getRowType().getFieldNames();
        for (int keyField : versioned.key()) {
            if (!condition.rightKeys().contains(keyField)) {
                throw StatementPlaces.error(Subject.temporalJoin(tableName), "Temporal table's primary key " + Arrays.stream(versioned.key())
                        .mapToObj(rightNames::get).toList() + " must be included in the equivalence condition of "
                        + "temporal join: add " + tableName + "." + rightNames.get(keyField) + " = ... to the ON clause");
            }
        }
    }

    private ChangelogStream lookupJoin(LogicalCorrelate correlate, ChangelogStream probe, RelNode table,
            String tableName, LookupKeys keys) {
        if (!(table instanceof LogicalTableScan scan) || scan.getTable().unwrap(SourceTable.class) == null) {
            throw processingTimeJoin(tableName, "it is a view, not a table");
        }
        SourceTable source = scan.getTable().unwrap(SourceTable.class);
        TableFactory factory = TableFactories.find(tableName, source.catalogTable());
        if (!(factory instanceof LookupTableSource lookupSource)) {
            throw processingTimeJoin(tableName, "its connector '" + factory.factoryIdentifier() + "' cannot look rows up");
        }
        RelNode left = correlate.getLeft();
        checkLookup(source, table, tableName, keys);
        TableFactory.Context context = new TableFactory.Context(source.identifier(), source.catalogTable(),
                RowTypes.of(table.getRowType()), env.getParallelism());
        LookupProvider provider = lookupSource.createLookup(context, JoinTranslator.toArray(keys.columns()));
        CalcCodeGenerator.GeneratedClass residual = JoinTranslator.residualCode(left, table, keys.residual());
        CalcCodeGenerator.GeneratedClass keyCode = keys.probeFields() == null ? keys.valuesCode(left) : null;
        LookupJoinFunction.Spec spec = new LookupJoinFunction.Spec(correlate.getJoinType() == JoinRelType.LEFT,
                keys.probeFields(), keyCode == null ? null : keyCode.name(), keyCode == null ? null : keyCode.source(),
                left.getRowType().getFieldCount(), table.getRowType().getFieldCount(), provider,
                residual == null ? null : residual.name(), residual == null ? null : residual.source());
        String name = correlate.getJoinType() == JoinRelType.LEFT ? "LeftLookupJoin" : "LookupJoin";
        if (provider.isAsync()) {
            return probe.withRows(asyncLookupJoin(probe, spec, RowTypes.of(correlate.getRowType()), "Async" + name));
        }
        DataStream<Row> rows = probe.rows()
                .flatMap(new LookupJoinFunction(spec), RowTypes.of(correlate.getRowType()))
                .setParallelism(probe.rows().getParallelism())
                .name(name);
        return probe.withRows(rows);
    }

    /**
     * An async lookup join on Weir's async I/O operator. Results keep the input order unless the
     * session allows unordered output and the probe side is append-only (an updating input's
     * changes to one key must stay in order), as in Flink.
     */
    private DataStream<Row> asyncLookupJoin(ChangelogStream probe, LookupJoinFunction.Spec spec, RowTypeInfo type,
            String name) {
        AsyncLookupJoinFunction function = new AsyncLookupJoinFunction(spec);
        long timeout = asyncLookup.timeout().toMillis();
        SingleOutputStreamOperator<Row> rows = asyncLookup.allowUnordered() && probe.mode().isInsertOnly()
                ? AsyncDataStream.unorderedWait(probe.rows(), function, timeout, TimeUnit.MILLISECONDS,
                        asyncLookup.capacity())
                : AsyncDataStream.orderedWait(probe.rows(), function, timeout, TimeUnit.MILLISECONDS,
                        asyncLookup.capacity());
        return rows.returns(type)
                .setParallelism(probe.rows().getParallelism()).name(name);
    }

    /** A lookup needs an equality, looks up physical columns only, and by values of the columns' own types. */
    private static void checkLookup(SourceTable source, RelNode table, String tableName, LookupKeys keys) {
        if (keys.columns().isEmpty()) {
            throw StatementPlaces.error(Subject.temporalJoin(tableName), "Temporal table join requires an equality condition on fields of table ["
                    + tableName + "]: add one such as ON o.k = " + tableName + ".k, by which its rows are looked up "
                    + "(where the two columns' types differ, CAST the probe side's column to the table column's type)");
        }
        for (Column column : source.catalogTable().schema().columns()) {
            if (column.kind() != Column.Kind.PHYSICAL) {
                throw StatementPlaces.error(Subject.temporalJoin(tableName), "Lookup table " + tableName + " has the " + column.kind().name().toLowerCase(
                        java.util.Locale.ROOT) + " column '" + column.name() + "'; Weir looks up tables of physical "
                        + "columns only: drop it from the table, or compute it in the query");
            }
        }
        for (int i = 0; i < keys.columns().size(); i++) {
            var column = table.getRowType().getFieldList().get(keys.columns().get(i));
            RexNode value = keys.values().get(i);
            if (!RowTypes.fieldType(value.getType()).equals(RowTypes.fieldType(column.getType()))) {
                throw StatementPlaces.error(Subject.temporalJoin(tableName), "The lookup join of " + tableName + " compares " + column.getName()
                        + " (" + column.getType() + ") with " + value + " (" + value.getType() + "); CAST the probe "
                        + "side to " + column.getType() + " in the ON clause");
            }
        }
    }

    private static ValidationException processingTimeJoin(String tableName, String reason) {
        return StatementPlaces.error(Subject.temporalJoin(tableName), "Processing-time temporal join is not supported yet. The join of " + tableName
                + " is FOR SYSTEM_TIME AS OF a PROCTIME() column, but " + reason + ". Join on the probe table's rowtime "
                + "against a versioned table (PRIMARY KEY and WATERMARK), or use a connector that looks rows up (jdbc)");
    }

    private static String tableName(RelNode table) {
        RelNode node = table;
        while (node.getTable() == null && !node.getInputs().isEmpty()) {
            node = node.getInput(0);
        }
        return node.getTable() == null ? "the temporal table"
                : String.join(".", node.getTable().getQualifiedName());
    }
}
