package io.weir.runtime.graph;

import io.weir.api.functions.KeySelector;
import io.weir.api.transformations.Exchange;

/** A connection between two stream nodes: how records are distributed and, for HASH, by which key. */
public record StreamEdge(int id, StreamNode source, StreamNode target, Exchange exchange, KeySelector<?, ?> keySelector) {
    @Override
    public String toString() {
        return source.getName() + " -" + exchange + "-> " + target.getName();
    }
}
