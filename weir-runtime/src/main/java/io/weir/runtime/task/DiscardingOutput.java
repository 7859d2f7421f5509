package io.weir.runtime.task;

import io.weir.api.functions.OutputTag;
import io.weir.api.operators.Output;
import io.weir.api.operators.StreamRecord;
import io.weir.api.operators.Watermark;
import io.weir.api.operators.WatermarkStatus;

/** The output of an operator nothing consumes (a sink): drops what it gets. */
final class DiscardingOutput<T> implements Output<StreamRecord<T>> {
    @Override
    public void collect(StreamRecord<T> record) {}

    @Override
    public <X> void collect(OutputTag<X> outputTag, StreamRecord<X> record) {}

    @Override
    public void emitWatermark(Watermark watermark) {}

    @Override
    public void emitWatermarkStatus(WatermarkStatus watermarkStatus) {}

    @Override
    public void close() {}
}
