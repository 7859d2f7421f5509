package io.weir.api.operators;

import io.weir.api.functions.Collector;

/**
 * Where an operator emits its records and watermarks. The runtime gives each operator one: it
 * either calls the next operator of the chain directly or serializes into the exchange.
 *
 * <p>Threading: only called from the task's thread.
 */
public interface Output<T> extends Collector<T> {
    void emitWatermark(Watermark watermark);
}
