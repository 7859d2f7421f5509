package io.weir.runtime.exchange;

/**
 * The heap a producer subtask may keep of its output on one blocking exchange, shared by the
 * subpartitions of all its consumers ({@code execution.batch-shuffle.memory}): a buffer that does not
 * fit goes to its subpartition's file.
 *
 * <p>Threading: used by the producer's task thread only while it writes; {@link #free} may follow
 * from any thread once the result is released.
 */
public final class BlockingMemory {
    private final long budget;
    private long used;

    public BlockingMemory(long budgetBytes) {
        this.budget = budgetBytes;
    }

    /** Takes {@code bytes} of the budget if they fit. */
    synchronized boolean reserve(int bytes) {
        if (used + bytes > budget) {
            return false;
        }
        used += bytes;
        return true;
    }

    synchronized void free(long bytes) {
        used -= bytes;
    }
}
