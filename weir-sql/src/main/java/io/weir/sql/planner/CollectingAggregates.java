package io.weir.sql.planner;

import io.weir.api.types.TypeInformation;
import io.weir.sql.runtime.agg.AggregateSlot;
import io.weir.sql.runtime.agg.CollectingAggregateSlot;
import io.weir.sql.runtime.agg.CollectingAggregateSlot.Kind;
import io.weir.sql.parser.StatementPlaces;
import io.weir.sql.parser.StatementPlaces.Subject;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.sql.SqlJsonConstructorNullClause;
import org.apache.calcite.sql.fun.SqlJsonArrayAggAggFunction;
import org.apache.calcite.sql.fun.SqlJsonObjectAggAggFunction;

/**
 * Flink's collecting aggregates ARRAY_AGG, LISTAGG, JSON_ARRAYAGG and JSON_OBJECTAGG as accumulator
 * slots ({@link CollectingAggregateSlot}) that see every row's argument values, NULLs included.
 */
final class CollectingAggregates {

    private CollectingAggregates() {
    }

    /** The slot of a collecting aggregate call, or null for another aggregate. */
    static AggregateSlot slot(AggregateCall call, RelDataType inputType) {
        Kind kind = switch (call.getAggregation().getKind()) {
            case ARRAY_AGG -> call.ignoreNulls() ? Kind.ARRAY_AGG_IGNORE_NULLS : Kind.ARRAY_AGG;
            case LISTAGG -> Kind.LISTAGG;
            case SINGLE_VALUE -> Kind.SINGLE_VALUE;
            case JSON_ARRAYAGG -> ((SqlJsonArrayAggAggFunction) call.getAggregation()).getNullClause()
                    == SqlJsonConstructorNullClause.NULL_ON_NULL ? Kind.JSON_ARRAYAGG_NULL_ON_NULL
                    : Kind.JSON_ARRAYAGG_ABSENT_ON_NULL;
            case JSON_OBJECTAGG -> ((SqlJsonObjectAggAggFunction) call.getAggregation()).getNullClause()
                    == SqlJsonConstructorNullClause.ABSENT_ON_NULL ? Kind.JSON_OBJECTAGG_ABSENT_ON_NULL
                    : Kind.JSON_OBJECTAGG_NULL_ON_NULL;
            default -> null;
        };
        if (kind == null) {
            return null;
        }
        if (!call.collation.getFieldCollations().isEmpty()) {
            // Flink's ARRAY_AGG and LISTAGG take no order either: they collect in the order rows arrive.
            throw StatementPlaces.error(Subject.call(call.getAggregation().getName()), call.getAggregation().getName() + "(... ORDER BY ...) and WITHIN GROUP (ORDER BY "
                    + "...) are not supported, as in Flink: the values are collected in the order the rows arrive. "
                    + "Remove the ORDER BY, or sort the collected ARRAY with ARRAY_SORT");
        }
        List<TypeInformation<?>> types = argumentTypes(call, inputType);
        String separator = null;
        if (!call.rexList.isEmpty() && call.rexList.get(0) instanceof RexLiteral literal) {
            separator = literal.getValueAs(String.class);
        }
        return new CollectingAggregateSlot(kind, types, separator);
    }

    /** The types of a call's arguments, as the state keeps them. */
    static List<TypeInformation<?>> argumentTypes(AggregateCall call, RelDataType inputType) {
        List<TypeInformation<?>> types = new ArrayList<>();
        for (int argument : call.getArgList()) {
            types.add(RowTypes.fieldType(inputType.getFieldList().get(argument).getType()));
        }
        return types;
    }
}
