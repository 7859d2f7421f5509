package io.weir.api.eventtime;

/** A strategy with its timestamp assigner replaced: what {@link WatermarkStrategy#withTimestampAssigner} returns. */
final class WatermarkStrategyWithTimestampAssigner<T> implements WatermarkStrategy<T> {
    private static final long serialVersionUID = 1L;

    private final WatermarkStrategy<T> base;
    private final TimestampAssignerSupplier<T> assigner;

    WatermarkStrategyWithTimestampAssigner(WatermarkStrategy<T> base, TimestampAssignerSupplier<T> assigner) {
        this.base = base;
        this.assigner = assigner;
    }

    @Override
    public WatermarkGenerator<T> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context) {
        return base.createWatermarkGenerator(context);
    }

    @Override
    public TimestampAssigner<T> createTimestampAssigner(TimestampAssignerSupplier.Context context) {
        return assigner.createTimestampAssigner(context);
    }

    @Override
    public boolean generatesWatermarks() {
        return base.generatesWatermarks();
    }
}
