package io.weir.api.operators;

/** Whether an operator may be fused with its neighbours into one task. */
public enum ChainingStrategy {
    /** Chain with the predecessor and successors where the connection allows it. */
    ALWAYS,
    /** Never chain with the predecessor, but successors may chain to this operator. */
    HEAD,
    /** Never chain. */
    NEVER,
    /**
     * Like {@link #HEAD}, for a multiple-input operator whose FLIP-27 sources Flink chains into its
     * task. Weir does not chain sources into an operator yet: its sources run as their own tasks,
     * connected to it by FORWARD exchanges where parallelisms match, so the operator behaves as {@link #HEAD}.
     */
    HEAD_WITH_SOURCES
}
