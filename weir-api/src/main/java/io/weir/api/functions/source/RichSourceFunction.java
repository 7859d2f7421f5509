package io.weir.api.functions.source;

import io.weir.api.functions.AbstractRichFunction;

/**
 * A non-parallel {@link SourceFunction} with a life cycle ({@code open}, {@code close}) and the
 * runtime context. {@code open} and {@code close} run on the task's thread, before and after
 * {@code run} runs on the source's own thread.
 */
public abstract class RichSourceFunction<T> extends AbstractRichFunction implements SourceFunction<T> {
    private static final long serialVersionUID = 1L;
}
