package io.weir.runtime.task;

import io.weir.api.functions.OutputTag;
import io.weir.api.operators.Output;
import io.weir.api.operators.StreamRecord;
import io.weir.api.operators.Watermark;
import io.weir.api.operators.WatermarkStatus;
import java.util.List;

/** Gives each record to several outputs (an operator with more than one consumer). */
final class BroadcastingOutput<T> implements Output<StreamRecord<T>> {
    private final Output<StreamRecord<T>>[] outputs;

    @SuppressWarnings("unchecked")
    BroadcastingOutput(List<Output<StreamRecord<T>>> outputs) {
        this.outputs = outputs.toArray(new Output[0]);
    }

    @Override
    public void collect(StreamRecord<T> record) {
        for (Output<StreamRecord<T>> output : outputs) {
            output.collect(record);
        }
    }

    @Override
    public <X> void collect(OutputTag<X> outputTag, StreamRecord<X> record) {
        for (Output<StreamRecord<T>> output : outputs) {
            output.collect(outputTag, record);
        }
    }

    @Override
    public void emitWatermark(Watermark watermark) {
        for (Output<StreamRecord<T>> output : outputs) {
            output.emitWatermark(watermark);
        }
    }

    @Override
    public void emitWatermarkStatus(WatermarkStatus watermarkStatus) {
        for (Output<StreamRecord<T>> output : outputs) {
            output.emitWatermarkStatus(watermarkStatus);
        }
    }

    @Override
    public void close() {
        for (Output<StreamRecord<T>> output : outputs) {
            output.close();
        }
    }
}
