package io.weir.api.functions.windowing;

import io.weir.api.functions.AbstractRichFunction;
import io.weir.api.functions.Collector;
import io.weir.api.functions.OutputTag;
import io.weir.api.state.KeyedStateStore;
import io.weir.api.windowing.windows.Window;

/**
 * Evaluates a window of a keyed stream: called with all elements of the window (or the one
 * pre-aggregated value when combined with a reduce or aggregate function) each time the window
 * fires, with a context that gives the window, the time, and per-window and per-key state.
 */
public abstract class ProcessWindowFunction<IN, OUT, KEY, W extends Window> extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    /** Evaluates the window {@code context.window()} of {@code key}. */
    public abstract void process(KEY key, Context context, Iterable<IN> elements, Collector<OUT> out) throws Exception;

    /** Called when the window is dropped (after its cleanup time): clear the per-window state used. */
    public void clear(Context context) throws Exception {}

    /** What {@link #process} and {@link #clear} see besides the elements. */
    public abstract class Context {
        /** The window being evaluated. */
        public abstract W window();

        public abstract long currentProcessingTime();

        public abstract long currentWatermark();

        /** State scoped to the key and this window; clear it in {@link ProcessWindowFunction#clear}. */
        public abstract KeyedStateStore windowState();

        /** State scoped to the key, shared by all its windows. */
        public abstract KeyedStateStore globalState();

        /** Emits {@code value} to the side output {@code outputTag}, with the window's last timestamp. */
        public abstract <X> void output(OutputTag<X> outputTag, X value);
    }
}
