package io.weir.api.transformations;

import io.weir.api.eventtime.WatermarkStrategy;
import java.util.Objects;

/** {@code assignTimestampsAndWatermarks(strategy)}: stamps each record and generates watermarks with the strategy. */
public record TimestampsAndWatermarksDescription<T>(WatermarkStrategy<T> watermarkStrategy)
        implements OperatorDescription {
    public TimestampsAndWatermarksDescription {
        Objects.requireNonNull(watermarkStrategy, "watermarkStrategy");
    }
}
