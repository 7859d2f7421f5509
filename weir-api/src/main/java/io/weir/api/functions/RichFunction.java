package io.weir.api.functions;

/**
 * A function with a life cycle and access to its {@link RuntimeContext}. {@link #open} is called
 * once before the first element, {@link #close} once after the last, both on the task's thread.
 */
public interface RichFunction extends Function {
    void open(OpenContext openContext) throws Exception;

    void close() throws Exception;

    RuntimeContext getRuntimeContext();

    void setRuntimeContext(RuntimeContext context);
}
