package io.weir.sql.runtime.agg;

import io.weir.api.operators.AbstractStreamOperator;
import io.weir.api.operators.OneInputStreamOperator;
import io.weir.api.operators.StreamRecord;
import io.weir.api.operators.Watermark;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The local half of a two-phase (local-global) group aggregate, before the exchange: for each
 * mini-batch it adds the rows of each group into one partial accumulator and sends the partials on
 * in place of the rows, so the exchange carries one row per group and batch. The global half
 * ({@link MiniBatchGroupAggregateOperator#global}) merges them into the group's accumulator.
 *
 * <p>It keeps nothing in state: the partials go on when the batch holds {@code maxRows} rows,
 * {@code latency} after its first row (processing time), and before every watermark, checkpoint
 * barrier and the end of input. A partial is the row {@code (key fields..., accumulator)}.
 *
 * <p>Threading: called by the task's thread only (processing-time callbacks run there too).
 */
public final class LocalGroupAggregateOperator extends AbstractStreamOperator<Row>
        implements OneInputStreamOperator<Row, Row> {

    private static final long serialVersionUID = 1L;

    private final Accumulators accumulators;
    private final int[] keyFields;
    private final long latencyMillis;
    private final int maxRows;
    private transient LinkedHashMap<Row, Row> partials;
    private transient int buffered;
    private transient boolean timerPending;

    /**
     * @param keyFields the input fields of the grouping key
     * @param latency how long a row may wait ({@code table.exec.mini-batch.allow-latency})
     * @param maxRows how many rows a batch holds at most ({@code table.exec.mini-batch.size})
     */
    public LocalGroupAggregateOperator(Accumulators accumulators, int[] keyFields, Duration latency, int maxRows) {
        if (latency.isNegative() || latency.isZero() || maxRows < 1) {
            throw new IllegalArgumentException("A mini-batch needs a positive latency and size, not " + latency
                    + " / " + maxRows);
        }
        this.accumulators = accumulators;
        this.keyFields = keyFields.clone();
        this.latencyMillis = latency.toMillis();
        this.maxRows = maxRows;
    }

    @Override
    public void open() throws Exception {
        partials = new LinkedHashMap<>();
    }

    @Override
    public void processElement(StreamRecord<Row> element) throws Exception {
        Row input = element.getValue();
        Row key = new Row(RowKind.INSERT, keyFields.length);
        for (int i = 0; i < keyFields.length; i++) {
            key.setField(i, input.getField(keyFields[i]));
        }
        Row acc = partials.get(key);
        if (acc == null) {
            acc = accumulators.create();
            partials.put(key, acc);
        }
        accumulators.accumulate(acc, input);
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

    private void flush() {
        if (buffered == 0) {
            return;
        }
        for (Map.Entry<Row, Row> partial : partials.entrySet()) {
            Row key = partial.getKey();
            Row out = new Row(RowKind.INSERT, keyFields.length + 1);
            for (int i = 0; i < keyFields.length; i++) {
                out.setField(i, key.getField(i));
            }
            out.setField(keyFields.length, partial.getValue());
            output.collect(new StreamRecord<>(out));
        }
        partials.clear();
        buffered = 0;
    }
}
