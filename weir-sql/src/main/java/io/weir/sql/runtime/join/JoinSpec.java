package io.weir.sql.runtime.join;

import io.weir.api.types.RowTypeInfo;
import java.io.Serializable;
import java.time.Duration;

/**
 * What a regular join needs at run time: which inputs are preserved (outer), the row types of the
 * two inputs, which key positions reject nulls ({@code =}, not {@code IS NOT DISTINCT FROM}), the
 * generated code of the condition left after the equi-keys (null when there is none) and how long
 * idle state is kept ({@code table.exec.state.ttl}, zero keeps it forever), and for an interval
 * join the time bounds by which the watermark drops stored rows (null for other joins).
 *
 * @param residualClass the generated {@link io.weir.sql.runtime.RowProgram}'s class name: it returns
 *     null for a joined row (left fields, then right fields) that fails the remaining condition
 */
public record JoinSpec(boolean leftOuter, boolean rightOuter, RowTypeInfo leftType, RowTypeInfo rightType,
        boolean[] nullRejectingKeys, String residualClass, String residualSource, Duration stateTtl,
        IntervalBounds interval)
        implements Serializable {
}
