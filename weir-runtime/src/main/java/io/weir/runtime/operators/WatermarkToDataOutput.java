package io.weir.runtime.operators;

import io.weir.api.eventtime.WatermarkOutput;
import io.weir.api.operators.Output;
import io.weir.api.operators.Watermark;
import io.weir.api.operators.WatermarkStatus;

/**
 * Turns what a watermark generator emits into stream elements on an operator's {@link Output}:
 * a watermark only when it is above the last one, and idle/active status changes only when the
 * status changes. Emitting a watermark while idle makes the stream active first.
 *
 * <p>Threading: the task's thread only.
 */
public final class WatermarkToDataOutput implements WatermarkOutput {
    private final Output<?> output;
    private long maxWatermark = Long.MIN_VALUE;
    private boolean idle;

    public WatermarkToDataOutput(Output<?> output) {
        this.output = output;
    }

    @Override
    public void emitWatermark(io.weir.api.eventtime.Watermark watermark) {
        long timestamp = watermark.getTimestamp();
        if (timestamp <= maxWatermark) {
            return;
        }
        markActive();
        maxWatermark = timestamp;
        output.emitWatermark(timestamp == Long.MAX_VALUE ? Watermark.MAX_WATERMARK : new Watermark(timestamp));
    }

    @Override
    public void markIdle() {
        if (!idle) {
            idle = true;
            output.emitWatermarkStatus(WatermarkStatus.IDLE);
        }
    }

    @Override
    public void markActive() {
        if (idle) {
            idle = false;
            output.emitWatermarkStatus(WatermarkStatus.ACTIVE);
        }
    }

    /** The highest watermark emitted so far. */
    public long getMaxWatermark() {
        return maxWatermark;
    }
}
