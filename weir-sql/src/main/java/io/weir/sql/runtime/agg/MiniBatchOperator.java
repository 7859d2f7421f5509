package io.weir.sql.runtime.agg;

import java.time.Duration;

/**
 * A {@link BufferingOperator} whose batch also ends when it holds {@code maxRows} rows
 * ({@code table.exec.mini-batch.size}) and {@code latency} after its first row, by a processing-time
 * timer ({@code table.exec.mini-batch.allow-latency}). A subclass calls {@link #rowBuffered()} for
 * every row it takes into the batch and sends the batch on in {@link #emitBatch()}.
 *
 * <p>Threading: called by the task's thread only (processing-time callbacks run there too).
 */
public abstract class MiniBatchOperator extends BufferingOperator {

    private static final long serialVersionUID = 1L;

    private final long latencyMillis;
    private final int maxRows;
    private transient int buffered;
    private transient boolean timerPending;

    protected MiniBatchOperator(Duration latency, int maxRows) {
        if (latency.isNegative() || latency.isZero() || maxRows < 1) {
            throw new IllegalArgumentException("A mini-batch needs a positive latency and size, not " + latency
                    + " / " + maxRows);
        }
        this.latencyMillis = latency.toMillis();
        this.maxRows = maxRows;
    }

    /** Sends on every row or partial of the batch and empties it; called only for a batch that holds rows. */
    protected abstract void emitBatch() throws Exception;

    /** Counts a row just taken into the batch: ends the batch when full, else makes sure its timer runs. */
    protected final void rowBuffered() throws Exception {
        buffered++;
        if (buffered >= maxRows) {
            flush();
        } else if (!timerPending) {
            timerPending = true;
            long now = getProcessingTimeService().getCurrentProcessingTime();
            getProcessingTimeService().registerTimer(now + latencyMillis, time -> {
                timerPending = false;
                flush();
            });
        }
    }

    @Override
    protected final void flush() throws Exception {
        if (buffered == 0) {
            return;
        }
        emitBatch();
        buffered = 0;
    }
}
