package io.weir.sql.runtime.agg;

import io.weir.api.types.RowKind;
import io.weir.api.operators.StreamRecord;
import io.weir.api.types.Row;
import java.time.Duration;

/**
 * The local half of a two-phase (local-global) group aggregate, before the exchange: for each
 * mini-batch it adds the rows of each group into one partial accumulator and sends the partials on
 * in place of the rows, so the exchange carries one row per group and batch. The global half
 * ({@link MiniBatchGroupAggregateOperator#global}) merges them into the group's accumulator.
 *
 * <p>It keeps nothing in state: the partials go on when the batch holds {@code maxRows} rows,
 * {@code latency} after its first row (processing time), and before every watermark, checkpoint
 * barrier and the end of input. A partial is the row {@code (key fields..., accumulator)}. Over
 * input with updates, a {@code -U}/{@code -D} row is retracted from its group's partial (given
 * {@link Accumulators#asPartial} accumulators, so it may take back what another batch or subtask
 * counted): the partial's row count and sums may be negative, and the global half's merge applies
 * them.
 *
 * <p>Threading: called by the task's thread only (processing-time callbacks run there too).
 */
public final class LocalGroupAggregateOperator extends MiniBatchOperator {

    private static final long serialVersionUID = 1L;

    private final Accumulators accumulators;
    private final int[] keyFields;
    private transient PartialAccumulators partials;

    /**
     * @param keyFields the input fields of the grouping key
     * @param latency how long a row may wait ({@code table.exec.mini-batch.allow-latency})
     * @param maxRows how many rows a batch holds at most ({@code table.exec.mini-batch.size})
     */
    public LocalGroupAggregateOperator(Accumulators accumulators, int[] keyFields, Duration latency, int maxRows) {
        super(latency, maxRows);
        this.accumulators = accumulators;
        this.keyFields = keyFields.clone();
    }

    @Override
    public void open() throws Exception {
        accumulators.open(getRuntimeContext());
        partials = new PartialAccumulators(accumulators, keyFields);
    }

    @Override
    public void close() throws Exception {
        accumulators.close();
        super.close();
    }

    @Override
    public void processElement(StreamRecord<Row> element) throws Exception {
        Row input = element.getValue();
        if (input.getKind() == RowKind.UPDATE_BEFORE || input.getKind() == RowKind.DELETE) {
            partials.retract(partials.keyOf(input), input); // counted in the partial, as Flink's count1 / retract
        } else {
            partials.accumulate(partials.keyOf(input), input);
        }
        rowBuffered();
    }

    @Override
    protected void emitBatch() {
        partials.emitTo(output);
    }
}
