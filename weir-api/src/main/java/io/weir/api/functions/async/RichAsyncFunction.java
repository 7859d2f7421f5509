package io.weir.api.functions.async;

import io.weir.api.functions.AbstractRichFunction;

/**
 * An {@link AsyncFunction} with a life cycle: open the client in {@code open}, close it in
 * {@code close}. Keyed state is not available: results complete on other threads, outside the
 * scope of any key.
 */
public abstract class RichAsyncFunction<IN, OUT> extends AbstractRichFunction implements AsyncFunction<IN, OUT> {
    private static final long serialVersionUID = 1L;
}
