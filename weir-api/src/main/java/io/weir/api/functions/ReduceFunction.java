package io.weir.api.functions;

/** Combines two values of the same type into one; used for rolling and windowed reductions. */
@FunctionalInterface
public interface ReduceFunction<T> extends Function {
    T reduce(T value1, T value2) throws Exception;
}
