package io.weir.api.functions.windowing;

import io.weir.api.functions.AbstractRichFunction;
import io.weir.api.functions.Collector;
import io.weir.api.functions.OutputTag;
import io.weir.api.state.KeyedStateStore;
import io.weir.api.windowing.windows.Window;

/**
 * Evaluates a window of a non-keyed stream ({@code windowAll}): called with all elements of the
 * window (or the pre-aggregated value) each time it fires.
 */
public abstract class ProcessAllWindowFunction<IN, OUT, W extends Window> extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    public abstract void process(Context context, Iterable<IN> elements, Collector<OUT> out) throws Exception;

    /** Called when the window is dropped: clear the per-window state used. */
    public void clear(Context context) throws Exception {}

    /** What {@link #process} sees besides the elements. */
    public abstract class Context {
        public abstract W window();

        /** State scoped to this window. */
        public abstract KeyedStateStore windowState();

        /** State shared by all windows. */
        public abstract KeyedStateStore globalState();

        /** Emits {@code value} to the side output {@code outputTag}, with the window's last timestamp. */
        public abstract <X> void output(OutputTag<X> outputTag, X value);
    }
}
