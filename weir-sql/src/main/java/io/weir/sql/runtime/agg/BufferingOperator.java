package io.weir.sql.runtime.agg;

import io.weir.api.operators.AbstractStreamOperator;
import io.weir.api.operators.OneInputStreamOperator;
import io.weir.api.operators.Watermark;
import io.weir.api.types.Row;

/**
 * Base of the SQL operators that hold rows, or partial results, for a while (mini-batch group
 * aggregates, the local halves of two-phase aggregates): they {@link #flush()} what they hold before
 * every watermark, checkpoint barrier and the end of input. So nothing held is ever in a snapshot (a
 * restore loses nothing and counts nothing twice), and nothing is held back past a watermark (what
 * they send on is judged late or on time as the rows themselves would be).
 *
 * <p>Threading: called by the task's thread only.
 */
public abstract class BufferingOperator extends AbstractStreamOperator<Row> implements OneInputStreamOperator<Row, Row> {

    private static final long serialVersionUID = 1L;

    /** Sends on what the operator holds and empties it; may find it empty. */
    protected abstract void flush() throws Exception;

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        flush();
        super.processWatermark(mark);
    }

    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        flush();
    }

    @Override
    public void finish() throws Exception {
        flush();
    }
}
