package io.weir.api.transformations;

import io.weir.api.functions.OutputTag;
import io.weir.api.types.TypeSerializer;
import io.weir.api.windowing.assigners.MergingWindowAssigner;
import io.weir.api.windowing.assigners.WindowAssigner;
import io.weir.api.windowing.triggers.Trigger;
import io.weir.api.windowing.windows.Window;
import java.io.Serializable;

/**
 * How a window operator groups and fires: the assigner, the trigger, how long windows accept late
 * elements, and where late elements go ({@code null}: dropped). The lateness applies to event-time
 * windows only; processing-time windows ignore it, as in Flink.
 */
public record WindowSpec<IN, W extends Window>(WindowAssigner<? super IN, W> assigner,
        TypeSerializer<W> windowSerializer, Trigger<? super IN, ? super W> trigger, long allowedLateness,
        OutputTag<IN> lateDataOutputTag) implements Serializable {
    public WindowSpec {
        if (allowedLateness < 0) {
            throw new IllegalArgumentException("The allowed lateness must not be negative, but is " + allowedLateness
                    + " ms.");
        }
        if (assigner instanceof MergingWindowAssigner && !trigger.canMerge()) {
            throw new IllegalArgumentException("The trigger " + trigger + " cannot be used with the merging window"
                    + " assigner " + assigner + ": use a trigger whose canMerge() is true.");
        }
    }
}
