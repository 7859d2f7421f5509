package io.weir.api.transformations;

import io.weir.api.connector.sink.Sink;
import java.util.List;

/** The end of a stream: elements are written through a {@link Sink}. */
public final class SinkTransformation<T> extends Transformation<Object> {
    private final Transformation<T> input;
    private final Sink<T> sink;

    public SinkTransformation(Transformation<T> input, Sink<T> sink, String name, int parallelism) {
        super(name, null, parallelism);
        this.input = input;
        this.sink = sink;
    }

    public Transformation<T> getInput() {
        return input;
    }

    public Sink<T> getSink() {
        return sink;
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.of(input);
    }
}
