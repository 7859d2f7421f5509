package io.weir.runtime.graph;

import io.weir.api.functions.KeySelector;
import io.weir.api.transformations.Exchange;

/**
 * A connection between two stream nodes: how records are distributed and, for HASH, by which key.
 * {@code inputIndex} says which input of the target the edge feeds: 0 for one-input operators and
 * the first input of a two-input operator, 1 for the second.
 */
public record StreamEdge(int id, StreamNode source, StreamNode target, Exchange exchange, KeySelector<?, ?> keySelector,
        int inputIndex) {
    @Override
    public String toString() {
        return source.getName() + " -" + exchange + "-> " + target.getName();
    }
}
