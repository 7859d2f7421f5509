package io.weir.api.transformations;

/** How the elements of one operator's subtasks are distributed to the next operator's subtasks. */
public enum Exchange {
    /** Subtask i sends to subtask i; needs equal parallelism; allows chaining. */
    FORWARD,
    /** Round robin over all downstream subtasks. */
    REBALANCE,
    /** Round robin over a local group of downstream subtasks (fewer connections than REBALANCE). */
    RESCALE,
    /** By key group of the element's key. */
    HASH,
    /** Every element to every downstream subtask. */
    BROADCAST,
    /** Everything to downstream subtask 0. */
    GLOBAL,
    /** Uniformly at random. */
    SHUFFLE,
    /** To the subtask a user's partitioner picks for the element's key ({@link CustomPartitioning}). */
    CUSTOM
}
