package io.weir.api.operators.windowing;

import io.weir.api.functions.OutputTag;
import io.weir.api.functions.windowing.ProcessWindowFunction;
import io.weir.api.state.KeyedStateStore;
import io.weir.api.windowing.windows.Window;

/** The context of a wrapped {@link ProcessWindowFunction}: everything comes from the wrapper's context. */
final class ForwardingWindowContext<IN, OUT, K, W extends Window> extends ProcessWindowFunction<IN, OUT, K, W>.Context {
    private ProcessWindowFunction<?, ?, K, W>.Context outer;

    ForwardingWindowContext(ProcessWindowFunction<IN, OUT, K, W> inner) {
        inner.super();
    }

    ForwardingWindowContext<IN, OUT, K, W> of(ProcessWindowFunction<?, ?, K, W>.Context outer) {
        this.outer = outer;
        return this;
    }

    @Override
    public W window() {
        return outer.window();
    }

    @Override
    public long currentProcessingTime() {
        return outer.currentProcessingTime();
    }

    @Override
    public long currentWatermark() {
        return outer.currentWatermark();
    }

    @Override
    public KeyedStateStore windowState() {
        return outer.windowState();
    }

    @Override
    public KeyedStateStore globalState() {
        return outer.globalState();
    }

    @Override
    public <X> void output(OutputTag<X> outputTag, X value) {
        outer.output(outputTag, value);
    }
}
