package io.weir.runtime.operators;

import io.weir.api.operators.StreamOperator;
import io.weir.api.transformations.AsyncWaitDescription;
import io.weir.api.transformations.BroadcastProcessDescription;
import io.weir.api.transformations.GroupedReduceDescription;
import io.weir.api.transformations.IntervalJoinDescription;
import io.weir.api.transformations.KeyedBroadcastProcessDescription;
import io.weir.api.transformations.OperatorDescription;
import io.weir.api.transformations.OperatorInstance;
import io.weir.api.transformations.TimestampsAndWatermarksDescription;
import io.weir.api.transformations.WindowOperatorDescription;
import io.weir.api.windowing.windows.Window;
import io.weir.runtime.operators.async.AsyncWaitOperator;
import io.weir.runtime.operators.broadcast.CoBroadcastWithKeyedOperator;
import io.weir.runtime.operators.broadcast.CoBroadcastWithNonKeyedOperator;
import io.weir.runtime.operators.join.IntervalJoinOperator;
import io.weir.runtime.operators.windowing.EvictingWindowOperator;
import io.weir.runtime.operators.windowing.WindowOperator;

/**
 * Builds the operator an {@link OperatorDescription} describes: the one place that knows which
 * runtime class runs which description. The API records descriptions, since it cannot depend on
 * the runtime's operators; the job's translation into a stream graph calls {@link #create} for
 * every operator step, and tests call it to run a described operator in a harness.
 */
public final class BuiltInOperators {
    private BuiltInOperators() {}

    /** A new operator for {@code description}; an {@link OperatorInstance} gives its operator as it is. */
    public static StreamOperator<?> create(OperatorDescription description) {
        if (description instanceof OperatorInstance instance) {
            return instance.operator();
        } else if (description instanceof WindowOperatorDescription<?, ?, ?, ?> window) {
            return window(window);
        } else if (description instanceof AsyncWaitDescription<?, ?> async) {
            return new AsyncWaitOperator<>(async);
        } else if (description instanceof IntervalJoinDescription<?, ?, ?> join) {
            return new IntervalJoinOperator<>(join);
        } else if (description instanceof BroadcastProcessDescription<?, ?, ?> broadcast) {
            return new CoBroadcastWithNonKeyedOperator<>(broadcast.function(), broadcast.broadcastStateDescriptors());
        } else if (description instanceof KeyedBroadcastProcessDescription<?, ?, ?, ?> broadcast) {
            return new CoBroadcastWithKeyedOperator<>(broadcast.function(), broadcast.broadcastStateDescriptors());
        } else if (description instanceof GroupedReduceDescription<?> reduce) {
            return groupedReduce(reduce);
        } else if (description instanceof TimestampsAndWatermarksDescription<?> watermarks) {
            return new TimestampsAndWatermarksOperator<>(watermarks.watermarkStrategy());
        }
        // unreachable while OperatorDescription is sealed and every permitted type is handled above
        throw new IllegalArgumentException("No operator is known for " + description);
    }

    /** The window operator of {@code description}: an evicting one if it has an evictor. */
    public static <K, IN, OUT, W extends Window> WindowOperator<K, IN, ?, OUT, W> window(
            WindowOperatorDescription<K, IN, OUT, W> description) {
        if (description.evictor() != null) {
            return new EvictingWindowOperator<>(description);
        }
        return new WindowOperator<>(description);
    }

    private static <T> StreamGroupedReduceOperator<T> groupedReduce(GroupedReduceDescription<T> description) {
        return new StreamGroupedReduceOperator<>(description.reducer(), description.valueType());
    }
}
