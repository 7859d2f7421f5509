package io.weir.sql.planner;

import io.weir.api.datastream.DataStream;
import io.weir.api.types.Row;
import io.weir.sql.codegen.CalcCodeGenerator;
import io.weir.sql.runtime.CompiledCalc;
import io.weir.sql.runtime.CorrelateFunction;
import io.weir.sql.udf.EvalMethod;
import io.weir.sql.udf.TableFunctionOperator;
import io.weir.sql.parser.StatementPlaces;
import io.weir.sql.parser.StatementPlaces.Subject;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalCorrelate;
import org.apache.calcite.rel.logical.LogicalTableFunctionScan;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;

/**
 * Translates {@code FROM t, LATERAL TABLE(f(...))} and {@code t LEFT JOIN LATERAL TABLE(f(...)) ON TRUE}
 * (a Correlate over a user-defined table function) into a {@link CorrelateFunction} chained to its
 * input. The function's arguments refer to the input row through the correlation variable; they
 * become a generated program over the input row, cast to the eval method's parameter types.
 */
final class CorrelateTranslator {

    private CorrelateTranslator() {
    }

    /** Whether the correlate calls a user-defined table function (and not, e.g., a temporal table). */
    static boolean isTableFunctionCall(LogicalCorrelate correlate) {
        return tableFunctionScan(correlate.getRight()) != null;
    }

    static ChangelogStream translate(LogicalCorrelate correlate, ChangelogStream input) {
        LogicalTableFunctionScan scan = tableFunctionScan(correlate.getRight());
        if (correlate.getJoinType() != JoinRelType.INNER && correlate.getJoinType() != JoinRelType.LEFT) {
            throw StatementPlaces.error(Subject.call("LATERAL"), "LATERAL TABLE joins are inner (FROM t, LATERAL TABLE(...)) or left "
                    + "(LEFT JOIN LATERAL TABLE(...) ON TRUE), not " + correlate.getJoinType());
        }
        RexCall call = (RexCall) scan.getCall();
        TableFunctionOperator operator = (TableFunctionOperator) call.getOperator();
        RexBuilder rexBuilder = correlate.getCluster().getRexBuilder();
        RelDataType inputType = correlate.getLeft().getRowType();
        List<RexNode> arguments = call.getOperands().stream().map(a -> a.accept(new CorrelationToInput())).toList();
        EvalMethod eval = operator.evalMethod(arguments.stream().map(RexNode::getType).toList());
        List<RexNode> cast = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            RelDataType parameter = eval.parameterTypes().get(i);
            RexNode argument = arguments.get(i);
            cast.add(argument.getType().getSqlTypeName() == parameter.getSqlTypeName() ? argument
                    : rexBuilder.makeCast(parameter, argument, true, false));
        }
        RexProgram program = RexProgram.create(inputType, cast, null,
                RexUtil.createStructType(rexBuilder.getTypeFactory(), cast), rexBuilder);
        CalcCodeGenerator.GeneratedClass generated = CalcCodeGenerator.generateWithFunctions(program, rexBuilder,
                io.weir.sql.codegen.SessionTimeZone.of(correlate.getCluster()));
        CompiledCalc.compile(generated.name(), generated.source(), generated.functions());
        CorrelateFunction.Spec spec = new CorrelateFunction.Spec(operator.getName(), generated.name(),
                generated.source(), generated.functions(), operator.function(), eval.method().getParameterTypes(),
                operator.producesRows(arguments.stream().map(RexNode::getType).toList()),
                scan.getRowType().getFieldCount(), correlate.getJoinType() == JoinRelType.LEFT);
        DataStream<Row> rows = input.rows();
        DataStream<Row> joined = rows.flatMap(new CorrelateFunction(spec), RowTypes.of(correlate.getRowType()))
                .setParallelism(rows.getParallelism()).name("Correlate(" + operator.getName() + ")");
        return input.withRows(joined);
    }

    private static LogicalTableFunctionScan tableFunctionScan(RelNode right) {
        return right instanceof LogicalTableFunctionScan scan && scan.getInputs().isEmpty()
                && scan.getCall() instanceof RexCall call && call.getOperator() instanceof TableFunctionOperator
                ? scan : null;
    }

    /** {@code $cor0.field} becomes a reference to the input row's field. */
    private static final class CorrelationToInput extends RexShuttle {
        @Override
        public RexNode visitFieldAccess(RexFieldAccess access) {
            if (access.getReferenceExpr() instanceof RexCorrelVariable) {
                return new RexInputRef(access.getField().getIndex(), access.getType());
            }
            return super.visitFieldAccess(access);
        }
    }
}
