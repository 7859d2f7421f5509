package io.weir.api.functions;

/** Base class for rich functions: keeps the runtime context and has empty open and close. */
public abstract class AbstractRichFunction implements RichFunction {
    private static final long serialVersionUID = 1L;

    private transient RuntimeContext runtimeContext;

    @Override
    public void setRuntimeContext(RuntimeContext context) {
        this.runtimeContext = context;
    }

    @Override
    public RuntimeContext getRuntimeContext() {
        if (runtimeContext == null) {
            throw new IllegalStateException(
                    "The runtime context is not set yet: it is available from open() on, not in the constructor.");
        }
        return runtimeContext;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {}

    @Override
    public void close() throws Exception {}
}
