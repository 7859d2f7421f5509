package io.weir.runtime.operators.windowing;

import io.weir.api.state.VoidNamespaceSerializer;
import io.weir.api.types.TypeSerializer;
import io.weir.api.functions.OutputTag;
import io.weir.api.functions.windowing.ProcessWindowFunction;
import io.weir.api.operators.InternalTimerService;
import io.weir.api.operators.KeyedStateBackend;
import io.weir.api.operators.Output;
import io.weir.api.operators.StreamRecord;
import io.weir.api.state.KeyedStateStore;
import io.weir.api.windowing.windows.Window;

/**
 * The context a window function is called with, pointed at one (key, window) at a time by the operator.
 * With a merging assigner its per-window state store is a {@link MergingWindowStateStore}, which
 * refuses every request (null otherwise).
 */
final class WindowProcessContext<K, OUT, W extends Window> extends ProcessWindowFunction<Object, OUT, K, W>.Context {
    private final InternalTimerService<W> timerService;
    private final Output<StreamRecord<OUT>> output;
    private final NamespacedStateStore windowState;
    private final KeyedStateStore exposedWindowState;
    private final NamespacedStateStore globalState;
    private W window;

    WindowProcessContext(ProcessWindowFunction<Object, OUT, K, W> function, KeyedStateBackend<K> backend,
            InternalTimerService<W> timerService, TypeSerializer<W> windowSerializer, Output<StreamRecord<OUT>> output,
            MergingWindowStateStore mergingWindowState) {
        function.super();
        this.output = output;
        this.timerService = timerService;
        this.windowState = new NamespacedStateStore(backend, windowSerializer, null);
        this.exposedWindowState = mergingWindowState != null ? mergingWindowState : windowState;
        this.globalState = new NamespacedStateStore(backend, VoidNamespaceSerializer.INSTANCE,
                WindowOperator.globalNamespace());
    }

    void set(K key, W window) {
        this.window = window;
        windowState.setNamespace(window);
    }

    @Override
    public W window() {
        return window;
    }

    @Override
    public long currentProcessingTime() {
        return timerService.currentProcessingTime();
    }

    @Override
    public long currentWatermark() {
        return timerService.currentWatermark();
    }

    @Override
    public KeyedStateStore windowState() {
        return exposedWindowState;
    }

    @Override
    public KeyedStateStore globalState() {
        return globalState;
    }

    @Override
    public <X> void output(OutputTag<X> outputTag, X value) {
        if (outputTag == null) {
            throw new IllegalArgumentException("The OutputTag of a side output must not be null.");
        }
        output.collect(outputTag, new StreamRecord<>(value, window.maxTimestamp()));
    }
}
