package io.weir.runtime.source;

import io.weir.api.connector.source.SourceOutput;
import io.weir.api.eventtime.TimestampAssigner;
import io.weir.api.eventtime.Watermark;
import io.weir.api.eventtime.WatermarkGenerator;
import io.weir.api.eventtime.WatermarkOutput;
import io.weir.api.operators.Output;
import io.weir.api.operators.StreamRecord;

/**
 * The output of one split (or of a reader's records not tied to a split): each record gets its
 * timestamp from the assigner, is emitted, and then goes to this output's own watermark generator,
 * whose watermarks go to this output's channel of the reader's {@link WatermarkOutputMultiplexer}.
 *
 * <p>Threading: the task's thread only.
 */
final class SourceOutputWithWatermarks<T> implements SourceOutput<T> {
    private final Output<StreamRecord<T>> output;
    private final StreamRecord<T> reuse;
    private final TimestampAssigner<T> timestampAssigner;
    private final WatermarkGenerator<T> watermarkGenerator;
    private final WatermarkOutput watermarkOutput;

    SourceOutputWithWatermarks(Output<StreamRecord<T>> output, StreamRecord<T> reuse,
            TimestampAssigner<T> timestampAssigner, WatermarkGenerator<T> watermarkGenerator,
            WatermarkOutput watermarkOutput) {
        this.output = output;
        this.reuse = reuse;
        this.timestampAssigner = timestampAssigner;
        this.watermarkGenerator = watermarkGenerator;
        this.watermarkOutput = watermarkOutput;
    }

    @Override
    public void collect(T record) {
        collect(record, TimestampAssigner.NO_TIMESTAMP);
    }

    @Override
    public void collect(T record, long timestamp) {
        long assigned = timestampAssigner.extractTimestamp(record, timestamp);
        reuse.replace(record, assigned);
        if (assigned == TimestampAssigner.NO_TIMESTAMP) {
            reuse.eraseTimestamp();
        }
        output.collect(reuse);
        watermarkGenerator.onEvent(record, assigned, watermarkOutput);
    }

    @Override
    public void emitWatermark(Watermark watermark) {
        watermarkOutput.emitWatermark(watermark);
    }

    @Override
    public void markIdle() {
        watermarkOutput.markIdle();
    }

    @Override
    public void markActive() {
        watermarkOutput.markActive();
    }

    void emitPeriodicWatermark() {
        watermarkGenerator.onPeriodicEmit(watermarkOutput);
    }
}
