package io.weir.runtime.operators;

import io.weir.api.environment.ExecutionConfig;
import io.weir.api.environment.RuntimeExecutionMode;
import io.weir.api.eventtime.NoWatermarksGenerator;
import io.weir.api.eventtime.TimestampAssigner;
import io.weir.api.eventtime.TimestampAssignerSupplier;
import io.weir.api.eventtime.WatermarkGenerator;
import io.weir.api.eventtime.WatermarkGeneratorSupplier;
import io.weir.api.eventtime.WatermarkStrategy;

/**
 * A watermark strategy's timestamp assigner without its watermark generator: what sources and
 * {@code assignTimestampsAndWatermarks} run in BATCH mode, where event time makes no progress
 * until the input is complete (each keyed operator then ends it key by key, and the final
 * watermark ends it for the rest). No record is late that way.
 */
public final class TimestampsOnlyStrategy<T> implements WatermarkStrategy<T> {
    private static final long serialVersionUID = 1L;

    private final WatermarkStrategy<T> strategy;

    private TimestampsOnlyStrategy(WatermarkStrategy<T> strategy) {
        this.strategy = strategy;
    }

    /** {@code strategy} as the job's runtime mode has it run: without its generator in BATCH mode. */
    public static <T> WatermarkStrategy<T> forMode(WatermarkStrategy<T> strategy, ExecutionConfig config) {
        return config.getRuntimeMode() == RuntimeExecutionMode.BATCH ? new TimestampsOnlyStrategy<>(strategy) : strategy;
    }

    @Override
    public WatermarkGenerator<T> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context) {
        return new NoWatermarksGenerator<>();
    }

    @Override
    public TimestampAssigner<T> createTimestampAssigner(TimestampAssignerSupplier.Context context) {
        return strategy.createTimestampAssigner(context);
    }

    @Override
    public boolean generatesWatermarks() {
        return false;
    }
}
