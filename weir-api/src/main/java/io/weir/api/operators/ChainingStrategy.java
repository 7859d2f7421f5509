package io.weir.api.operators;

/** Whether an operator may be fused with its neighbours into one task. */
public enum ChainingStrategy {
    /** Chain with the predecessor and successors where the connection allows it. */
    ALWAYS,
    /** Never chain with the predecessor, but successors may chain to this operator. */
    HEAD,
    /** Never chain. */
    NEVER
}
