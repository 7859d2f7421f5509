package io.weir.api.eventtime;

import java.io.Serializable;

/** Creates a {@link WatermarkGenerator} for each input (split or subtask) at run time. */
@FunctionalInterface
public interface WatermarkGeneratorSupplier<T> extends Serializable {
    WatermarkGenerator<T> createWatermarkGenerator(Context context);

    /** What the runtime offers a generator being created. */
    interface Context {
        /** The clock that measures how long an input has been without events (for idleness). */
        RelativeClock getInputActivityClock();
    }
}
