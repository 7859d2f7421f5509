package io.weir.api.eventtime;

import java.io.Serializable;

/**
 * How a source or stream gets event timestamps and watermarks. Only {@link #noWatermarks()} exists
 * so far: records keep the timestamps their source gives them and no watermarks are generated
 * (event-time strategies come with the event-time support).
 */
public interface WatermarkStrategy<T> extends Serializable {
    /** True if this strategy generates watermarks. */
    boolean generatesWatermarks();

    /** Records keep their source timestamps; no watermarks. */
    static <T> WatermarkStrategy<T> noWatermarks() {
        return NoWatermarksStrategy.instance();
    }
}
