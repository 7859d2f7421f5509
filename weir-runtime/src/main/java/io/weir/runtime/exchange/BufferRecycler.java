package io.weir.runtime.exchange;

/**
 * Takes back a {@link Buffer} its consumer has read: a producer's {@link BufferPool}, or the
 * receiving end of a remote channel, which grants its sender a credit for every buffer it gets back.
 *
 * <p>Threading: called by the consumer's task thread (or the thread releasing a cancelled task's
 * queue); implementations must be safe for that.
 */
public interface BufferRecycler {
    void recycle(Buffer buffer);
}
