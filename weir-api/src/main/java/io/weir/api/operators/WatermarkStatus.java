package io.weir.api.operators;

/**
 * Whether a stream currently carries data: an IDLE input does not hold back the watermark of the
 * operators that read it, until it becomes ACTIVE again. Sources and watermark assigners emit it
 * when their input goes idle ({@code WatermarkStrategy.withIdleness}); a task whose inputs are all
 * idle is idle itself.
 */
public final class WatermarkStatus {
    public static final WatermarkStatus IDLE = new WatermarkStatus(true);
    public static final WatermarkStatus ACTIVE = new WatermarkStatus(false);

    private final boolean idle;

    private WatermarkStatus(boolean idle) {
        this.idle = idle;
    }

    public boolean isIdle() {
        return idle;
    }

    public boolean isActive() {
        return !idle;
    }

    @Override
    public String toString() {
        return idle ? "WatermarkStatus(IDLE)" : "WatermarkStatus(ACTIVE)";
    }
}
