package io.weir.api.operators;

/** An operator that wants to know when its one input has ended. */
public interface BoundedOneInput {
    /** Called once, after the last element and before {@code finish()}. */
    void endInput() throws Exception;
}
