package io.weir.api.functions.source;

import io.weir.api.functions.AbstractRichFunction;

/** A {@link ParallelSourceFunction} with a life cycle and the runtime context (see {@link RichSourceFunction}). */
public abstract class RichParallelSourceFunction<T> extends AbstractRichFunction
        implements ParallelSourceFunction<T> {
    private static final long serialVersionUID = 1L;
}
