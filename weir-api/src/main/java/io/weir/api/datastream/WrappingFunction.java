package io.weir.api.datastream;

import io.weir.api.functions.AbstractRichFunction;
import io.weir.api.functions.ClosureCleaner;
import io.weir.api.functions.Function;
import io.weir.api.functions.OpenContext;
import io.weir.api.functions.RichFunction;
import io.weir.api.functions.RuntimeContext;
import java.util.Objects;

/**
 * A function that adapts a user's function to another shape (a join function run as a coGroup, a
 * coGroup run as a window function). It is rich itself and passes the life cycle (runtime context,
 * open, close) on to the user's function when that one is rich, so rich user functions work however
 * deep they are wrapped.
 */
abstract class WrappingFunction<F extends Function> extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    protected final F wrapped;

    WrappingFunction(F wrapped) {
        this.wrapped = ClosureCleaner.clean(Objects.requireNonNull(wrapped, "function"));
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
