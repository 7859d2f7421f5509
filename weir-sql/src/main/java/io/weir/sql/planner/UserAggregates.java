package io.weir.sql.planner;

import io.weir.api.types.TypeInformation;
import io.weir.sql.functions.AggregateFunction;
import io.weir.sql.runtime.agg.BoundAggregate;
import io.weir.sql.runtime.agg.UserAggregateSlot;
import io.weir.sql.udf.AggregateFunctionOperator;
import io.weir.sql.udf.EvalMethod;
import io.weir.sql.parser.StatementPlaces;
import io.weir.sql.parser.StatementPlaces.Subject;
import java.lang.reflect.Method;
import java.util.List;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;

/**
 * Binds a call of a user-defined {@link AggregateFunction} to the input: the accumulate method its
 * argument types select, its retract method (required when the input has updates), and the state
 * type of its accumulator.
 */
final class UserAggregates {

    private UserAggregates() {
    }

    static BoundAggregate bind(AggregateCall call, AggregateFunctionOperator operator, RelDataType inputType,
            boolean retracting) {
        String name = operator.getName();
        List<RelDataTypeField> fields = inputType.getFieldList();
        List<RelDataType> argumentTypes = call.getArgList().stream().map(i -> fields.get(i).getType()).toList();
        EvalMethod accumulate = operator.accumulateMethod(argumentTypes);
        Method retract = operator.retractMethod(accumulate.method());
        if (retracting && retract == null) {
            throw StatementPlaces.error(Subject.call(name), "Aggregate function " + name + " gets updates (its input has -U/-D rows) but "
                    + operator.function().getClass().getName() + " declares no retract method; add public void "
                    + "retract(ACC acc, ...) with accumulate's parameters");
        }
        AggregateFunction<?, ?> function = operator.function();
        TypeInformation<?> accumulatorType;
        try {
            accumulatorType = TypeInformation.of(function.createAccumulator().getClass());
        } catch (RuntimeException e) {
            throw StatementPlaces.error(Subject.call(name), "Aggregate function " + name + ": its accumulator cannot be kept in state ("
                    + e.getMessage() + "); make it a POJO (public fields or getters and setters, a public no-argument "
                    + "constructor)", e);
        }
        UserAggregateSlot slot = new UserAggregateSlot(name, function, accumulate.method().getParameterTypes(),
                retract != null, accumulatorType);
        int[] arguments = call.getArgList().stream().mapToInt(Integer::intValue).toArray();
        // DISTINCT: each distinct combination of argument values is accumulated once (and retracted when its
        // last copy goes), as Flink's distinct aggregates do.
        return call.isDistinct()
                ? BoundAggregate.ofDistinctArguments(slot, arguments, call.filterArg,
                        CollectingAggregates.argumentTypes(call, inputType))
                : BoundAggregate.ofArguments(slot, arguments, call.filterArg);
    }
}
