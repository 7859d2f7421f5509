package io.weir.runtime.graph;

import io.weir.api.functions.KeySelector;
import io.weir.api.functions.OutputTag;
import io.weir.api.transformations.Exchange;
import io.weir.api.types.TypeInformation;

/**
 * A connection between two stream nodes: how records are distributed and, for HASH, by which key.
 * A side-output edge carries only the records the source emits to its {@link OutputTag}, whose
 * type it keeps ({@code sideOutputType}; tags do not carry their type to the cluster).
 * {@code inputIndex} says which input of the target the edge feeds: 0 for one-input operators and
 * the first input of a two-input operator, 1 for the second.
 *
 * <p>A class, not a record: its nodes refer back to it, and Java serialization cannot restore a
 * record inside such a cycle.
 */
public final class StreamEdge implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final int id;
    private final StreamNode source;
    private final StreamNode target;
    private final Exchange exchange;
    private final KeySelector<?, ?> keySelector;
    private final OutputTag<?> outputTag;
    private final TypeInformation<?> sideOutputType;
    private final int inputIndex;

    public StreamEdge(int id, StreamNode source, StreamNode target, Exchange exchange, KeySelector<?, ?> keySelector,
            OutputTag<?> outputTag, TypeInformation<?> sideOutputType, int inputIndex) {
        this.id = id;
        this.source = source;
        this.target = target;
        this.exchange = exchange;
        this.keySelector = keySelector;
        this.outputTag = outputTag;
        this.sideOutputType = sideOutputType;
        this.inputIndex = inputIndex;
    }

    public int id() {
        return id;
    }

    public StreamNode source() {
        return source;
    }

    public StreamNode target() {
        return target;
    }

    public Exchange exchange() {
        return exchange;
    }

    public KeySelector<?, ?> keySelector() {
        return keySelector;
    }

    public OutputTag<?> outputTag() {
        return outputTag;
    }

    public TypeInformation<?> sideOutputType() {
        return sideOutputType;
    }

    public int inputIndex() {
        return inputIndex;
    }

    /** An edge of the main output into the first (or only) input of the target. */
    public StreamEdge(int id, StreamNode source, StreamNode target, Exchange exchange, KeySelector<?, ?> keySelector) {
        this(id, source, target, exchange, keySelector, null, null, 0);
    }

    /** The type of the records on this edge: the side output's, or the source's output type. */
    public TypeInformation<?> elementType() {
        return outputTag != null ? sideOutputType : source.getOutputType();
    }

    @Override
    public String toString() {
        return source.getName() + (outputTag != null ? "[" + outputTag.getId() + "]" : "") + " -" + exchange + "-> "
                + target.getName();
    }
}
