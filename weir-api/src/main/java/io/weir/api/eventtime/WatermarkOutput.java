package io.weir.api.eventtime;

/** Where a {@link WatermarkGenerator} emits watermarks and says whether its input is idle. */
public interface WatermarkOutput {
    /**
     * Emits a watermark. A watermark not above the last one emitted has no effect, and emitting
     * marks the output active again.
     */
    void emitWatermark(Watermark watermark);

    /**
     * The input has no data for now: its watermark stops holding back the combined watermark of a
     * source or task until it emits a watermark or is marked active again.
     */
    void markIdle();

    /** The input has data again. */
    void markActive();
}
