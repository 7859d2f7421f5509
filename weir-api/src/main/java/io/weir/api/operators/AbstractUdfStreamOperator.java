package io.weir.api.operators;

import io.weir.api.functions.ClosureCleaner;
import io.weir.api.functions.Function;
import io.weir.api.functions.OpenContext;
import io.weir.api.functions.RichFunction;
import java.util.Objects;

/** An operator that wraps one user function and runs its life cycle (open and close for rich functions). */
public abstract class AbstractUdfStreamOperator<OUT, F extends Function> extends AbstractStreamOperator<OUT> {
    private static final long serialVersionUID = 1L;

    private static final OpenContext OPEN_CONTEXT = new OpenContext() {};

    protected final F userFunction;

    protected AbstractUdfStreamOperator(F userFunction) {
        this.userFunction = ClosureCleaner.clean(Objects.requireNonNull(userFunction, "user function"));
    }

    public F getUserFunction() {
        return userFunction;
    }

    @Override
    public void setup(StreamOperatorParameters<OUT> parameters) {
        super.setup(parameters);
        if (userFunction instanceof RichFunction) {
            ((RichFunction) userFunction).setRuntimeContext(getRuntimeContext());
        }
    }

    @Override
    public void open() throws Exception {
        super.open();
        if (userFunction instanceof RichFunction) {
            ((RichFunction) userFunction).open(OPEN_CONTEXT);
        }
    }

    @Override
    public void close() throws Exception {
        super.close();
        if (userFunction instanceof RichFunction) {
            ((RichFunction) userFunction).close();
        }
    }
}
