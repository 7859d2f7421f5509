package io.weir.api.operators.windowing;

import io.weir.api.functions.Function;
import io.weir.api.functions.OpenContext;
import io.weir.api.functions.RichFunction;
import io.weir.api.functions.RuntimeContext;
import io.weir.api.functions.windowing.ProcessWindowFunction;
import io.weir.api.windowing.windows.Window;

/**
 * A {@link ProcessWindowFunction} that adapts a user's function of another shape; it passes the
 * life cycle (runtime context, open, close) on to the wrapped function if that one is rich.
 */
abstract class WrappingProcessWindowFunction<IN, OUT, KEY, W extends Window, F extends Function>
        extends ProcessWindowFunction<IN, OUT, KEY, W> {
    private static final long serialVersionUID = 1L;

    protected final F wrapped;

    WrappingProcessWindowFunction(F wrapped) {
        this.wrapped = java.util.Objects.requireNonNull(wrapped, "window function");
    }

    @Override
    public void setRuntimeContext(RuntimeContext context) {
        super.setRuntimeContext(context);
        if (wrapped instanceof RichFunction rich) {
            rich.setRuntimeContext(context);
        }
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        if (wrapped instanceof RichFunction rich) {
            rich.open(openContext);
        }
    }

    @Override
    public void close() throws Exception {
        if (wrapped instanceof RichFunction rich) {
            rich.close();
        }
    }
}
