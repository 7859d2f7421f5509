package io.weir.runtime.source;

import io.weir.api.connector.source.ReaderOutput;
import io.weir.api.connector.source.SourceOutput;
import io.weir.api.eventtime.RelativeClock;
import io.weir.api.eventtime.TimestampAssigner;
import io.weir.api.eventtime.TimestampAssignerSupplier;
import io.weir.api.eventtime.Watermark;
import io.weir.api.eventtime.WatermarkGenerator;
import io.weir.api.eventtime.WatermarkGeneratorSupplier;
import io.weir.api.eventtime.WatermarkOutput;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.operators.Output;
import io.weir.api.operators.StreamRecord;
import io.weir.runtime.operators.WatermarkToDataOutput;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@link ReaderOutput} of a source whose strategy assigns timestamps or generates watermarks:
 * one {@link SourceOutputWithWatermarks} per split, plus one for records emitted directly (created
 * on first use, so an unused one never holds the watermark back), merged by a
 * {@link WatermarkOutputMultiplexer} into the operator's output.
 *
 * <p>Threading: the task's thread only.
 */
final class SourceReaderOutput<T> implements ReaderOutput<T> {
    private static final String MAIN_OUTPUT = "\u0000main";

    private final Output<StreamRecord<T>> output;
    private final WatermarkStrategy<T> strategy;
    private final TimestampAssigner<T> timestampAssigner;
    private final WatermarkGeneratorSupplier.Context generatorContext;
    private final WatermarkOutputMultiplexer multiplexer;
    private final StreamRecord<T> reuse = new StreamRecord<>(null);
    private final Map<String, SourceOutputWithWatermarks<T>> outputs = new LinkedHashMap<>();
    private SourceOutputWithWatermarks<T> main;
    private final WatermarkToDataOutput watermarkOutput;
    /** Asked for idleness while the reader has no output at all (no split, nothing emitted yet). */
    private WatermarkGenerator<T> idleProbe;
    private final WatermarkOutput idleProbeOutput = new WatermarkOutput() {
        @Override
        public void emitWatermark(Watermark watermark) {}

        @Override
        public void markIdle() {
            watermarkOutput.markIdle();
        }

        @Override
        public void markActive() {}
    };

    SourceReaderOutput(Output<StreamRecord<T>> output, WatermarkToDataOutput watermarkOutput,
            WatermarkStrategy<T> strategy, RelativeClock clock) {
        this.output = output;
        this.strategy = strategy;
        this.timestampAssigner = strategy.createTimestampAssigner(new TimestampAssignerSupplier.Context() {});
        this.generatorContext = () -> clock;
        this.multiplexer = new WatermarkOutputMultiplexer(watermarkOutput);
        this.watermarkOutput = watermarkOutput;
    }

    @Override
    public void collect(T record) {
        main().collect(record);
    }

    @Override
    public void collect(T record, long timestamp) {
        main().collect(record, timestamp);
    }

    @Override
    public void emitWatermark(Watermark watermark) {
        main().emitWatermark(watermark);
    }

    @Override
    public void markIdle() {
        main().markIdle();
    }

    @Override
    public void markActive() {
        main().markActive();
    }

    @Override
    public SourceOutput<T> createOutputForSplit(String splitId) {
        return outputs.computeIfAbsent(splitId, this::newOutput);
    }

    @Override
    public void releaseOutputForSplit(String splitId) {
        if (outputs.remove(splitId) != null) {
            multiplexer.unregister(splitId);
        }
    }

    /**
     * Asks every output's generator for its periodic watermark; combines them once. A reader
     * without any output (no split assigned) asks a generator of its own, so that with
     * {@code withIdleness} a reader that never gets data goes idle instead of holding back the
     * watermark downstream.
     */
    void emitPeriodicWatermarks() {
        if (main == null && outputs.isEmpty()) {
            if (idleProbe == null) {
                idleProbe = strategy.createWatermarkGenerator(generatorContext);
            }
            idleProbe.onPeriodicEmit(idleProbeOutput);
            return;
        }
        idleProbe = null;
        multiplexer.startDeferring();
        try {
            if (main != null) {
                main.emitPeriodicWatermark();
            }
            for (SourceOutputWithWatermarks<T> splitOutput : outputs.values()) {
                splitOutput.emitPeriodicWatermark();
            }
        } finally {
            multiplexer.endDeferring();
        }
    }

    private SourceOutputWithWatermarks<T> main() {
        if (main == null) {
            main = newOutput(MAIN_OUTPUT);
        }
        return main;
    }

    private SourceOutputWithWatermarks<T> newOutput(String id) {
        return new SourceOutputWithWatermarks<>(output, reuse, timestampAssigner,
                strategy.createWatermarkGenerator(generatorContext), multiplexer.register(id));
    }
}
