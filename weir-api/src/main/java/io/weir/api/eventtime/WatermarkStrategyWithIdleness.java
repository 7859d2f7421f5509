package io.weir.api.eventtime;

import java.time.Duration;

/** A strategy whose generators mark their input idle after a timeout: what {@link WatermarkStrategy#withIdleness} returns. */
final class WatermarkStrategyWithIdleness<T> implements WatermarkStrategy<T> {
    private static final long serialVersionUID = 1L;

    private final WatermarkStrategy<T> base;
    private final Duration idleTimeout;

    WatermarkStrategyWithIdleness(WatermarkStrategy<T> base, Duration idleTimeout) {
        this.base = base;
        this.idleTimeout = idleTimeout;
    }

    @Override
    public WatermarkGenerator<T> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context) {
        return new WatermarksWithIdleness<>(base.createWatermarkGenerator(context), idleTimeout,
                context.getInputActivityClock());
    }

    @Override
    public TimestampAssigner<T> createTimestampAssigner(TimestampAssignerSupplier.Context context) {
        return base.createTimestampAssigner(context);
    }

    @Override
    public boolean generatesWatermarks() {
        return base.generatesWatermarks();
    }
}
