package io.weir.sql.runtime;

import io.weir.api.types.Row;

/**
 * A compiled projection and filter over rows, generated from a query's expressions: the new row,
 * or null when the row does not pass the filter. Implementations are generated Java classes
 * compiled with Janino; they keep no state between calls.
 */
public interface RowProgram {

    Row apply(Row input);

    /**
     * Hands the program the user-defined functions it calls, in the order its generator listed
     * them; called once, before the first {@link #apply}. Programs that call none ignore it.
     */
    default void setFunctions(Object[] functions) {
    }

    /**
     * The operator's current watermark (Long.MIN_VALUE before the first), handed over before each
     * row to programs that call CURRENT_WATERMARK; others ignore it.
     */
    default void setWatermark(long watermark) {
    }
}
