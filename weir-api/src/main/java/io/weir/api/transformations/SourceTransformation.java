package io.weir.api.transformations;

import io.weir.api.connector.source.Source;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.types.TypeInformation;
import java.util.List;

/** A source: reads splits through a {@link Source}. */
public final class SourceTransformation<T> extends Transformation<T> {
    private final Source<T, ?, ?> source;
    private final WatermarkStrategy<T> watermarkStrategy;

    public SourceTransformation(String name, Source<T, ?, ?> source, WatermarkStrategy<T> watermarkStrategy,
            TypeInformation<T> outputType, int parallelism) {
        super(name, outputType, parallelism);
        this.source = source;
        this.watermarkStrategy = watermarkStrategy;
    }

    public Source<T, ?, ?> getSource() {
        return source;
    }

    public WatermarkStrategy<T> getWatermarkStrategy() {
        return watermarkStrategy;
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.of();
    }
}
