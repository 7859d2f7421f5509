package io.weir.api.operators;

import io.weir.api.functions.Collector;
import io.weir.api.functions.OutputTag;

/**
 * Where an operator emits its records and watermarks. The runtime gives each operator one: it
 * either calls the next operator of the chain directly or serializes into the exchange.
 *
 * <p>Threading: only called from the task's thread.
 */
public interface Output<T> extends Collector<T> {
    void emitWatermark(Watermark watermark);

    /** Tells the consumers that this stream became idle or active again. */
    void emitWatermarkStatus(WatermarkStatus watermarkStatus);

    /**
     * Emits a record to the side output {@code outputTag}. Records for a tag nobody reads (no
     * {@code getSideOutput} for it) are dropped.
     */
    <X> void collect(OutputTag<X> outputTag, StreamRecord<X> record);
}
