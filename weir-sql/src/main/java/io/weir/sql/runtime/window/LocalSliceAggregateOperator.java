package io.weir.sql.runtime.window;

import io.weir.api.operators.AbstractStreamOperator;
import io.weir.api.operators.OneInputStreamOperator;
import io.weir.api.operators.StreamRecord;
import io.weir.api.operators.Watermark;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import io.weir.sql.runtime.agg.Accumulators;
import java.util.HashMap;
import java.util.Map;

/**
 * The local half of a two-phase sliced window aggregate: before the exchange, it accumulates the
 * rows of each (grouping key, slice) into one partial accumulator, and sends the partials on in
 * place of the rows, so the exchange carries one row per key and slice instead of one per input
 * row. The global half ({@link SlicedWindowAggregateFunction} on partials) merges them.
 *
 * <p>It keeps nothing across watermarks and checkpoints: it sends every partial on before it
 * forwards a watermark (so a partial holds only rows that came between two watermarks, and the
 * global half judges lateness as it would for the rows themselves), before a checkpoint barrier,
 * at the end of input, and when it holds {@code maxPartials} of them.
 *
 * <p>A partial is the row {@code (key fields..., slice end, accumulator)}.
 *
 * <p>Threading: called by the task's thread only.
 */
public final class LocalSliceAggregateOperator extends AbstractStreamOperator<Row>
        implements OneInputStreamOperator<Row, Row> {

    private static final long serialVersionUID = 1L;

    private final Accumulators accumulators;
    private final int[] keyFields;
    private final int sliceEndField;
    private final int maxPartials;
    private transient HashMap<Row, Row> partials;

    /**
     * @param keyFields the input fields of the grouping key, without the window bounds
     * @param sliceEndField the input field holding the row's slice end
     * @param maxPartials how many partials it holds at most before it sends them on
     */
    public LocalSliceAggregateOperator(Accumulators accumulators, int[] keyFields, int sliceEndField, int maxPartials) {
        this.accumulators = accumulators;
        this.keyFields = keyFields.clone();
        this.sliceEndField = sliceEndField;
        this.maxPartials = maxPartials;
    }

    @Override
    public void open() throws Exception {
        partials = new HashMap<>();
    }

    @Override
    public void processElement(StreamRecord<Row> element) throws Exception {
        Row input = element.getValue();
        Row key = new Row(RowKind.INSERT, keyFields.length + 1);
        for (int i = 0; i < keyFields.length; i++) {
            key.setField(i, input.getField(keyFields[i]));
        }
        key.setField(keyFields.length, input.getField(sliceEndField));
        Row acc = partials.get(key);
        if (acc == null) {
            if (partials.size() >= maxPartials) {
                flush();
            }
            acc = accumulators.create();
            partials.put(key, acc);
        }
        accumulators.accumulate(acc, input);
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
        if (partials.isEmpty()) {
            return;
        }
        for (Map.Entry<Row, Row> partial : partials.entrySet()) {
            Row key = partial.getKey();
            Row out = new Row(RowKind.INSERT, keyFields.length + 2);
            for (int i = 0; i <= keyFields.length; i++) {
                out.setField(i, key.getField(i));
            }
            out.setField(keyFields.length + 1, partial.getValue());
            output.collect(new StreamRecord<>(out));
        }
        partials.clear();
    }
}
