package io.weir.api.execution;

/**
 * The format a savepoint is written in. Weir's state backends write one format that every backend
 * restores, so both values give a self-contained, relocatable savepoint; {@code NATIVE} is accepted
 * so that code written for Flink compiles and runs unchanged.
 */
public enum SavepointFormatType {
    /** The backend-independent format: restorable by any state backend. */
    CANONICAL,
    /** The state backend's own format (in Flink faster to take and restore, bound to that backend). */
    NATIVE;

    public static final SavepointFormatType DEFAULT = CANONICAL;
}
