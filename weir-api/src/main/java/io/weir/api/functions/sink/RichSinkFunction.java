package io.weir.api.functions.sink;

import io.weir.api.functions.AbstractRichFunction;

/** A {@link SinkFunction} with a life cycle ({@code open}, {@code close}) and the runtime context. */
public abstract class RichSinkFunction<IN> extends AbstractRichFunction implements SinkFunction<IN> {
    private static final long serialVersionUID = 1L;
}
