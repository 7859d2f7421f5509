package io.weir.runtime.metrics;

/**
 * Adds up the time one thread spends waiting (for input, or for a free output buffer), for the
 * {@code idleTimeMsPerSecond} and {@code backPressuredTimeMsPerSecond} metrics. The owner pays two
 * {@code System.nanoTime()} calls per wait, not per record.
 *
 * <p>Threading: {@link #start} and {@link #stop} by the owner thread only; {@link #totalNanos}
 * from any thread, which counts a wait still in progress up to now. A reader racing with
 * {@link #stop} may see one wait counted twice or not at all for that one read; readers clamp.
 */
public final class WaitTimer {
    private volatile long totalNanos;
    private volatile long waitingSince;
    private volatile boolean waiting;

    public void start() {
        waitingSince = System.nanoTime();
        waiting = true;
    }

    public void stop() {
        if (waiting) {
            waiting = false;
            totalNanos += System.nanoTime() - waitingSince;
        }
    }

    /** Time waited since creation, including a wait in progress. */
    public long totalNanos() {
        long total = totalNanos;
        return waiting ? total + (System.nanoTime() - waitingSince) : total;
    }
}
