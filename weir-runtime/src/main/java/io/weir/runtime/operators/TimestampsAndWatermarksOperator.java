package io.weir.runtime.operators;

import io.weir.api.eventtime.TimestampAssigner;
import io.weir.api.eventtime.TimestampAssignerSupplier;
import io.weir.api.eventtime.WatermarkGenerator;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.operators.AbstractStreamOperator;
import io.weir.api.operators.OneInputStreamOperator;
import io.weir.api.operators.ProcessingTimeCallback;
import io.weir.api.operators.ProcessingTimeService;
import io.weir.api.operators.StreamRecord;
import io.weir.api.operators.Watermark;
import io.weir.api.operators.WatermarkStatus;
import java.util.Objects;

/**
 * What {@code DataStream.assignTimestampsAndWatermarks} runs: gives each record the timestamp of
 * the strategy's assigner, feeds it to the strategy's watermark generator, and asks the generator
 * for a periodic watermark every {@code autoWatermarkInterval} of processing time. Watermarks from
 * upstream are not forwarded (this operator makes its own), except the final one that ends a
 * bounded input; upstream idleness is replaced by this operator's own. In BATCH mode only
 * timestamps are assigned: the generator does not run ({@link TimestampsOnlyStrategy}).
 */
public class TimestampsAndWatermarksOperator<T> extends AbstractStreamOperator<T>
        implements OneInputStreamOperator<T, T>, ProcessingTimeCallback, CopyFreeInput {
    private static final long serialVersionUID = 1L;

    private final WatermarkStrategy<T> configuredStrategy;
    private transient WatermarkStrategy<T> watermarkStrategy;
    private transient TimestampAssigner<T> timestampAssigner;
    private transient WatermarkGenerator<T> watermarkGenerator;
    private transient WatermarkToDataOutput watermarkOutput;
    private transient long watermarkInterval;

    public TimestampsAndWatermarksOperator(WatermarkStrategy<T> watermarkStrategy) {
        this.configuredStrategy = Objects.requireNonNull(watermarkStrategy, "watermarkStrategy");
    }

    /** The operator itself only reads a record's timestamp and passes it on; the strategy must promise the same. */
    @Override
    public boolean acceptsSharedInput() {
        return configuredStrategy instanceof CopyFreeInput copyFree && copyFree.acceptsSharedInput();
    }

    @Override
    public void open() throws Exception {
        super.open();
        ProcessingTimeService clock = getProcessingTimeService();
        watermarkStrategy = TimestampsOnlyStrategy.forMode(configuredStrategy, getOperatorContext().getExecutionConfig());
        timestampAssigner = watermarkStrategy.createTimestampAssigner(new TimestampAssignerSupplier.Context() {});
        watermarkGenerator = watermarkStrategy.createWatermarkGenerator(() -> clock::getCurrentProcessingTime);
        watermarkOutput = new WatermarkToDataOutput(output);
        watermarkInterval = getOperatorContext().getExecutionConfig().getAutoWatermarkInterval();
        if (watermarkInterval > 0 && watermarkStrategy.generatesWatermarks()) {
            clock.registerTimer(clock.getCurrentProcessingTime() + watermarkInterval, this);
        }
    }

    @Override
    public void processElement(StreamRecord<T> element) throws Exception {
        T value = element.getValue();
        long previous = element.hasTimestamp() ? element.getTimestamp() : Long.MIN_VALUE;
        long timestamp = timestampAssigner.extractTimestamp(value, previous);
        element.setTimestamp(timestamp);
        output.collect(element);
        watermarkGenerator.onEvent(value, timestamp, watermarkOutput);
    }

    @Override
    public void onProcessingTime(long time) throws Exception {
        watermarkGenerator.onPeriodicEmit(watermarkOutput);
        ProcessingTimeService clock = getProcessingTimeService();
        clock.registerTimer(clock.getCurrentProcessingTime() + watermarkInterval, this);
    }

    /** Only the end-of-input watermark passes; the generator makes all others. */
    @Override
    public void processWatermark(Watermark mark) throws Exception {
        if (mark.getTimestamp() == Long.MAX_VALUE) {
            watermarkOutput.emitWatermark(io.weir.api.eventtime.Watermark.MAX_WATERMARK);
        }
    }

    /** Upstream idleness is replaced by this operator's own (from its generator). */
    @Override
    public void processWatermarkStatus(WatermarkStatus watermarkStatus) {}

    @Override
    public void finish() throws Exception {
        watermarkGenerator.onPeriodicEmit(watermarkOutput);
        super.finish();
    }
}
