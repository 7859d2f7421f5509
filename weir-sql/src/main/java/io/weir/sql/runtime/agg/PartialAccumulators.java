package io.weir.sql.runtime.agg;

import io.weir.api.operators.Output;
import io.weir.api.operators.StreamRecord;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The partial accumulators a local pre-aggregate holds before the exchange: one per distinct value
 * of the key fields, in the order the keys first came. {@link #emitTo} sends each on as the row
 * {@code (key fields..., accumulator)} and forgets them all.
 *
 * <p>Threading: one task's thread.
 */
public final class PartialAccumulators {

    private final Accumulators accumulators;
    private final int[] keyFields;
    private final LinkedHashMap<Row, Row> partials = new LinkedHashMap<>();

    /** @param keyFields the input fields a partial is kept per, in the order they are emitted */
    public PartialAccumulators(Accumulators accumulators, int[] keyFields) {
        this.accumulators = accumulators;
        this.keyFields = keyFields.clone();
    }

    /** The key of {@code input}: its key fields as a row. */
    public Row keyOf(Row input) {
        Row key = new Row(RowKind.INSERT, keyFields.length);
        for (int i = 0; i < keyFields.length; i++) {
            key.setField(i, input.getField(keyFields[i]));
        }
        return key;
    }

    /** Whether a partial is held for {@code key}. */
    public boolean holds(Row key) {
        return partials.containsKey(key);
    }

    /** Adds {@code input} into the partial of {@code key} (its {@link #keyOf}), starting one if there is none. */
    public void accumulate(Row key, Row input) {
        Row acc = partials.get(key);
        if (acc == null) {
            acc = accumulators.create();
            partials.put(key, acc);
        }
        accumulators.accumulate(acc, input);
    }

    /** Takes {@code input} back out of the partial of {@code key} (input with updates), starting one if there is none. */
    public void retract(Row key, Row input) {
        Row acc = partials.get(key);
        if (acc == null) {
            acc = accumulators.create();
            partials.put(key, acc);
        }
        accumulators.retract(acc, input);
    }

    public int size() {
        return partials.size();
    }

    /** Sends every partial on as {@code (key fields..., accumulator)} and forgets them. */
    public void emitTo(Output<StreamRecord<Row>> output) {
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
    }
}
