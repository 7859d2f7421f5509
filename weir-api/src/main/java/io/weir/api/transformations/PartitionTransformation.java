package io.weir.api.transformations;

import io.weir.api.functions.KeySelector;
import java.util.List;

/** Changes how elements are distributed to the next operator's subtasks; runs no code itself. */
public final class PartitionTransformation<T> extends Transformation<T> {
    private final Transformation<T> input;
    private final Exchange exchange;
    private final KeySelector<T, ?> keySelector;

    public PartitionTransformation(Transformation<T> input, Exchange exchange, KeySelector<T, ?> keySelector) {
        super(exchange.name(), input.getOutputTypeUnchecked(), input.getParallelism());
        if ((exchange == Exchange.HASH) != (keySelector != null)) {
            throw new IllegalArgumentException("A HASH exchange needs a key selector, and only it takes one");
        }
        this.input = input;
        this.exchange = exchange;
        this.keySelector = keySelector;
    }

    public Transformation<T> getInput() {
        return input;
    }

    public Exchange getExchange() {
        return exchange;
    }

    /** The key selector of a HASH exchange, else {@code null}. */
    public KeySelector<T, ?> getKeySelector() {
        return keySelector;
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.of(input);
    }
}
