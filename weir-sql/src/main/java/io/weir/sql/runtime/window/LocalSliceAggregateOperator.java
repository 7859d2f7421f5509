package io.weir.sql.runtime.window;

import io.weir.api.operators.StreamRecord;
import io.weir.api.types.Row;
import io.weir.runtime.operators.CopyFreeInput;
import io.weir.sql.runtime.agg.Accumulators;
import io.weir.sql.runtime.agg.BufferingOperator;
import io.weir.sql.runtime.agg.PartialAccumulators;
import java.util.Arrays;

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
public final class LocalSliceAggregateOperator extends BufferingOperator implements CopyFreeInput {

    private static final long serialVersionUID = 1L;

    private final Accumulators accumulators;
    private final int[] partialFields;
    private final int maxPartials;
    private final boolean immutableFields;
    private transient PartialAccumulators partials;

    /**
     * @param keyFields the input fields of the grouping key, without the window bounds
     * @param sliceEndField the input field holding the row's slice end
     * @param maxPartials how many partials it holds at most before it sends them on
     * @param immutableFields whether every field of its input rows is an immutable value (no ROW, ARRAY, MAP,
     *     MULTISET or BYTES): then the keys and accumulators it keeps share nothing that can change with
     *     the input row, and it takes its input uncopied ({@link CopyFreeInput})
     */
    public LocalSliceAggregateOperator(Accumulators accumulators, int[] keyFields, int sliceEndField, int maxPartials,
            boolean immutableFields) {
        this.accumulators = accumulators;
        this.partialFields = Arrays.copyOf(keyFields, keyFields.length + 1);
        this.partialFields[keyFields.length] = sliceEndField;
        this.maxPartials = maxPartials;
        this.immutableFields = immutableFields;
    }

    /** It keeps only field values of its input (in keys and accumulators) and changes no input row. */
    @Override
    public boolean acceptsSharedInput() {
        return immutableFields;
    }

    @Override
    public void open() throws Exception {
        accumulators.open(getRuntimeContext());
        partials = new PartialAccumulators(accumulators, partialFields);
    }

    @Override
    public void close() throws Exception {
        accumulators.close();
        super.close();
    }

    @Override
    public void processElement(StreamRecord<Row> element) throws Exception {
        Row input = element.getValue();
        Row key = partials.keyOf(input);
        if (!partials.holds(key) && partials.size() >= maxPartials) {
            flush();
        }
        partials.accumulate(key, input);
    }

    @Override
    protected void flush() {
        partials.emitTo(output);
    }
}
