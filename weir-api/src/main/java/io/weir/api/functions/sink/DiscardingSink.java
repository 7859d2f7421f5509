package io.weir.api.functions.sink;

/**
 * A sink function that drops every element. The {@code Sink} with the same purpose, for
 * {@code sinkTo}, is {@link io.weir.api.connector.sink.DiscardingSink}.
 */
public class DiscardingSink<T> implements SinkFunction<T> {
    private static final long serialVersionUID = 1L;

    @Override
    public void invoke(T value, Context context) {}
}
