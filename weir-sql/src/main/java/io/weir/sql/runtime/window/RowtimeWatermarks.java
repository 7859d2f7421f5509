package io.weir.sql.runtime.window;

import io.weir.api.eventtime.TimestampAssigner;
import io.weir.api.eventtime.TimestampAssignerSupplier;
import io.weir.api.eventtime.Watermark;
import io.weir.api.eventtime.WatermarkGenerator;
import io.weir.api.eventtime.WatermarkGeneratorSupplier;
import io.weir.api.eventtime.WatermarkOutput;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.types.Row;
import io.weir.sql.runtime.CompiledCalc;
import io.weir.sql.runtime.RowProgram;
import java.util.Objects;

/**
 * The watermarks a table's {@code WATERMARK FOR rowtime AS expr} declares: a row's timestamp is its
 * rowtime column (read as UTC milliseconds), and the watermark is the largest value of
 * {@code expr} seen so far, emitted periodically ({@code pipeline.auto-watermark-interval}), as
 * Flink's SQL sources do. {@code expr} is generated code: a {@link RowProgram} whose only output
 * field is the watermark's timestamp. With periodic watermarks off
 * ({@code pipeline.auto-watermark-interval} = 0) a watermark follows every row that raises it, which
 * makes lateness deterministic in tests.
 *
 * <p>When the planner found that {@code expr} is a deterministic function of the rowtime column
 * alone ({@code rowtimeOnly}), as in {@code ts - INTERVAL '5' SECOND}, the expression is evaluated
 * only for a row whose rowtime differs from the last one evaluated: a repeated rowtime cannot raise
 * the watermark. Many rows share a rowtime at high rates (Nexmark: 10,000 per millisecond).
 */
public final class RowtimeWatermarks implements WatermarkStrategy<Row> {

    private static final long serialVersionUID = 1L;

    private final int rowtimeField;
    private final String className;
    private final String source;
    private final boolean perRow;

    private final boolean rowtimeOnly;

    /** @param perRow emit the watermark after each row rather than periodically */
    public RowtimeWatermarks(int rowtimeField, String className, String source, boolean perRow) {
        this(rowtimeField, className, source, perRow, false);
    }

    /**
     * @param perRow emit the watermark after each row rather than periodically
     * @param rowtimeOnly the expression is a deterministic function of the rowtime column alone
     */
    public RowtimeWatermarks(int rowtimeField, String className, String source, boolean perRow,
            boolean rowtimeOnly) {
        this.rowtimeField = rowtimeField;
        this.className = className;
        this.source = source;
        this.perRow = perRow;
        this.rowtimeOnly = rowtimeOnly;
    }

    @Override
    public TimestampAssigner<Row> createTimestampAssigner(TimestampAssignerSupplier.Context context) {
        return (row, previous) -> {
            Object time = row.getField(rowtimeField);
            return time == null ? previous : WindowTableFunction.rowtimeMillis(time);
        };
    }

    @Override
    public WatermarkGenerator<Row> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context) {
        RowProgram program = CompiledCalc.compile(className, source);
        return new WatermarkGenerator<>() {
            private long watermark = Long.MIN_VALUE;
            private long emitted = Long.MIN_VALUE;
            private boolean evaluated;
            private Object lastRowtime;

            @Override
            public void onEvent(Row row, long eventTimestamp, WatermarkOutput output) {
                if (rowtimeOnly) {
                    Object rowtime = row.getField(rowtimeField);
                    if (!evaluated || !Objects.equals(rowtime, lastRowtime)) {
                        evaluate(row);
                        evaluated = true;
                        lastRowtime = rowtime;
                    }
                } else {
                    evaluate(row);
                }
                if (perRow) {
                    onPeriodicEmit(output);
                }
            }

            private void evaluate(Row row) {
                Object value = program.apply(row).getField(0);
                if (value != null) {
                    watermark = Math.max(watermark, WindowTableFunction.rowtimeMillis(value));
                }
            }

            @Override
            public void onPeriodicEmit(WatermarkOutput output) {
                if (watermark > emitted) {
                    emitted = watermark;
                    output.emitWatermark(new Watermark(watermark));
                }
            }
        };
    }
}
