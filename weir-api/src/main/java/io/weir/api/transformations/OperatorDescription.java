package io.weir.api.transformations;

import io.weir.api.operators.ChainingStrategy;
import java.io.Serializable;

/**
 * What an operator step of a job runs, as the API records it: either an operator built in the
 * program ({@link OperatorInstance}: map, filter, the process operators, a custom operator given
 * to {@code transform(...)}), or one of the runtime's built-in operators, described by the user
 * functions and settings it runs with. The runtime builds a built-in operator from its description
 * when it translates the job, so the API holds none of their machinery (window contents, timers,
 * in-flight async calls, join buffers, broadcast state).
 *
 * <p>A description checks its settings when it is made, so that a bad setting fails at the API
 * call that gave it, not when the job starts.
 */
public sealed interface OperatorDescription extends Serializable
        permits OperatorInstance, WindowOperatorDescription, AsyncWaitDescription, IntervalJoinDescription,
        BroadcastProcessDescription, KeyedBroadcastProcessDescription, GroupedReduceDescription,
        TimestampsAndWatermarksDescription {

    /** How the operator chains with its neighbours; the built-in operators chain unless they say otherwise. */
    default ChainingStrategy chainingStrategy() {
        return ChainingStrategy.ALWAYS;
    }
}
