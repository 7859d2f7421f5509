package io.weir.api.eventtime;

import java.time.Duration;

/** Watermarks for timestamps that never decrease: the highest timestamp seen minus 1. */
public class AscendingTimestampsWatermarks<T> extends BoundedOutOfOrdernessWatermarks<T> {
    public AscendingTimestampsWatermarks() {
        super(Duration.ZERO);
    }
}
