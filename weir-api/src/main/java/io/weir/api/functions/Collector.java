package io.weir.api.functions;

/** Receives the elements a function emits. */
public interface Collector<T> {
    void collect(T record);

    void close();
}
