package io.weir.api.functions.windowing;

import io.weir.api.functions.AbstractRichFunction;
import io.weir.api.functions.Collector;
import io.weir.api.windowing.windows.Window;

/**
 * An {@link AllWindowFunction} with a life cycle and a {@link io.weir.api.functions.RuntimeContext}.
 * {@link ProcessAllWindowFunction} is rich already.
 */
public abstract class RichAllWindowFunction<IN, OUT, W extends Window> extends AbstractRichFunction
        implements AllWindowFunction<IN, OUT, W> {
    private static final long serialVersionUID = 1L;

    @Override
    public abstract void apply(W window, Iterable<IN> values, Collector<OUT> out) throws Exception;
}
