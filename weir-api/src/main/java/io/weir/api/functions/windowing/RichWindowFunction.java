package io.weir.api.functions.windowing;

import io.weir.api.functions.AbstractRichFunction;
import io.weir.api.functions.Collector;
import io.weir.api.windowing.windows.Window;

/**
 * A {@link WindowFunction} with a life cycle and a {@link io.weir.api.functions.RuntimeContext}
 * (keyed state of the window's key, accumulators). {@link ProcessWindowFunction} is rich already.
 */
public abstract class RichWindowFunction<IN, OUT, KEY, W extends Window> extends AbstractRichFunction
        implements WindowFunction<IN, OUT, KEY, W> {
    private static final long serialVersionUID = 1L;

    @Override
    public abstract void apply(KEY key, W window, Iterable<IN> input, Collector<OUT> out) throws Exception;
}
