package io.weir.sql.planner;

import io.weir.api.datastream.DataStream;
import io.weir.api.datastream.SingleOutputStreamOperator;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import io.weir.api.types.RowTypeInfo;
import io.weir.sql.api.ValidationException;
import io.weir.sql.catalog.Column;
import io.weir.sql.codegen.CalcCodeGenerator;
import io.weir.sql.codegen.LiteralValues;
import io.weir.sql.connectors.TableFactories;
import io.weir.sql.connectors.TableFactory;
import io.weir.sql.runtime.CompiledCalc;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rel.logical.LogicalCalc;
import org.apache.calcite.rel.logical.LogicalTableScan;
import org.apache.calcite.rel.logical.LogicalValues;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rex.RexLiteral;
import com.google.common.collect.ImmutableList;

/**
 * Turns a logical plan into a Weir DataStream job: projections and filters are merged into
 * {@link LogicalCalc}s and compiled to bytecode, VALUES become a collection source, table scans
 * and INSERTs go through their connector's {@link TableFactory}. Plans with other operators
 * (aggregates, joins, windows, ...) are rejected with a message naming the operator.
 */
public final class StreamPlanTranslator {

    private final StreamExecutionEnvironment env;

    public StreamPlanTranslator(StreamExecutionEnvironment env) {
        this.env = env;
    }

    /** The plan Weir runs: Calcite's logical plan with projections and filters merged into Calcs. */
    public static RelNode optimize(RelNode logical) {
        HepProgram program = HepProgram.builder()
                .addRuleInstance(CoreRules.FILTER_TO_CALC)
                .addRuleInstance(CoreRules.PROJECT_TO_CALC)
                .addRuleInstance(CoreRules.CALC_MERGE)
                .addRuleInstance(CoreRules.CALC_REMOVE)
                .build();
        HepPlanner planner = new HepPlanner(program);
        planner.setRoot(logical);
        return planner.findBestExp();
    }

    public static String explain(RelNode optimized) {
        return RelOptUtil.toString(optimized).stripTrailing();
    }

    public DataStream<Row> translate(RelNode node) {
        if (node instanceof LogicalCalc calc) {
            DataStream<Row> input = translate(calc.getInput());
            CalcCodeGenerator.GeneratedClass generated = CalcCodeGenerator.generate(calc.getProgram(),
                    calc.getCluster().getRexBuilder());
            CompiledCalc.compile(generated.name(), generated.source()); // fail at planning, not in the job
            SingleOutputStreamOperator<Row> output = input.flatMap(
                    new CompiledCalc(generated.name(), generated.source()), RowTypes.of(calc.getRowType()));
            return output.name("Calc");
        }
        if (node instanceof LogicalValues values) {
            return values(values);
        }
        if (node instanceof LogicalTableScan scan) {
            return scan(scan);
        }
        throw new ValidationException("The query needs " + node.getRelTypeName().replace("Logical", "")
                + ", which Weir's SQL runtime cannot run yet; docs/sql.md lists what runs today. Plan:\n"
                + explain(node));
    }

    /** Translates INSERT INTO: the input's rows go to the target table's connector. */
    public void translateInsert(TableModify modify) {
        SourceTable target = modify.getTable().unwrap(SourceTable.class);
        if (target == null) {
            throw new ValidationException("INSERT INTO " + modify.getTable().getQualifiedName()
                    + ": only tables can be written to, not views");
        }
        DataStream<Row> rows = translate(modify.getInput());
        String name = target.identifier().asSummaryString();
        TableFactory factory = TableFactories.find(name, target.catalogTable());
        factory.createSink(context(target, RowTypes.of(modify.getInput().getRowType())), rows);
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

    private DataStream<Row> scan(LogicalTableScan scan) {
        SourceTable table = scan.getTable().unwrap(SourceTable.class);
        String name = table.identifier().asSummaryString();
        for (Column column : table.catalogTable().schema().columns()) {
            if (column.kind() != Column.Kind.PHYSICAL) {
                throw new ValidationException("Table " + name + " has " + column.kind().name().toLowerCase()
                        + " column '" + column.name() + "'; reading tables with computed or metadata columns is not "
                        + "supported by Weir yet (docs/sql.md)");
            }
        }
        TableFactory factory = TableFactories.find(name, table.catalogTable());
        return factory.createSource(context(table, RowTypes.of(scan.getRowType())), env);
    }

    private TableFactory.Context context(SourceTable table, RowTypeInfo rowType) {
        return new TableFactory.Context(table.identifier(), table.catalogTable(), rowType, env.getParallelism());
    }
}
