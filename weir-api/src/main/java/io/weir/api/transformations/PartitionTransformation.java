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
        if ((exchange == Exchange.HASH || exchange == Exchange.CUSTOM) != (keySelector != null)) {
            throw new IllegalArgumentException("HASH and CUSTOM exchanges need a key selector, and only they take one");
        }
        if (exchange == Exchange.CUSTOM && !(keySelector instanceof CustomPartitioning)) {
            throw new IllegalArgumentException("A CUSTOM exchange takes a CustomPartitioning as its key selector");
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

    /** The key selector of a HASH exchange, the {@link CustomPartitioning} of a CUSTOM one, else {@code null}. */
    public KeySelector<T, ?> getKeySelector() {
        return keySelector;
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.of(input);
    }
}
