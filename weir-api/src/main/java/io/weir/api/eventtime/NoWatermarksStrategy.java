package io.weir.api.eventtime;

/** The strategy of {@link WatermarkStrategy#noWatermarks()}. */
final class NoWatermarksStrategy<T> implements WatermarkStrategy<T> {
    private static final long serialVersionUID = 1L;
    private static final NoWatermarksStrategy<?> INSTANCE = new NoWatermarksStrategy<>();

    @SuppressWarnings("unchecked")
    static <T> NoWatermarksStrategy<T> instance() {
        return (NoWatermarksStrategy<T>) INSTANCE;
    }

    @Override
    public WatermarkGenerator<T> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context) {
        return new NoWatermarksGenerator<>();
    }

    @Override
    public boolean generatesWatermarks() {
        return false;
    }

    private Object readResolve() {
        return INSTANCE;
    }
}
