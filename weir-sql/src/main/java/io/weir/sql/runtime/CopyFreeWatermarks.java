package io.weir.sql.runtime;

import io.weir.api.eventtime.TimestampAssigner;
import io.weir.api.eventtime.TimestampAssignerSupplier;
import io.weir.api.eventtime.WatermarkGenerator;
import io.weir.api.eventtime.WatermarkGeneratorSupplier;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.types.Row;
import io.weir.runtime.operators.CopyFreeInput;

/**
 * A SQL table's watermark strategy (the rowtime column's timestamp, the generated watermark
 * expression), marked as {@link CopyFreeInput}: its assigner and generator read a row's fields and
 * keep at most the last rowtime value (immutable), so the watermark assigner chained after a SQL
 * source or Calc is given the rows uncopied.
 */
public final class CopyFreeWatermarks implements WatermarkStrategy<Row>, CopyFreeInput {

    private static final long serialVersionUID = 1L;

    private final WatermarkStrategy<Row> strategy;

    public CopyFreeWatermarks(WatermarkStrategy<Row> strategy) {
        this.strategy = strategy;
    }

    @Override
    public WatermarkGenerator<Row> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context) {
        return strategy.createWatermarkGenerator(context);
    }

    @Override
    public TimestampAssigner<Row> createTimestampAssigner(TimestampAssignerSupplier.Context context) {
        return strategy.createTimestampAssigner(context);
    }

    @Override
    public boolean generatesWatermarks() {
        return strategy.generatesWatermarks();
    }

    @Override
    public boolean acceptsSharedInput() {
        return true;
    }
}
