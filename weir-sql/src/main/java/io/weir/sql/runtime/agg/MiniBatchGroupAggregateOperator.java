package io.weir.sql.runtime.agg;

import io.weir.api.operators.KeyedStateBackend;
import io.weir.api.operators.StreamRecord;
import io.weir.api.state.ValueState;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A SQL group aggregate with mini-batch ({@code table.exec.mini-batch.enabled}): it buffers its input
 * rows per group and applies each group's rows at once — one state read and one write per group and
 * batch instead of per row — and emits per group only the change from the results before the batch
 * to those after it ({@code +I}, {@code -U}/{@code +U}, {@code -D}, or nothing when they are equal),
 * so a group that changes several times in a batch sends one update downstream instead of several.
 * The final results are those of {@link GroupAggregateFunction}, which keeps the same state.
 *
 * <p>A batch is applied when it holds {@code maxRows} rows, {@code latency} after its first row
 * (a processing-time timer), and before every watermark, checkpoint barrier and the end of input:
 * nothing buffered is in a snapshot, so nothing is lost or counted twice by a restore.
 *
 * <p>Threading: called by the task's thread only (processing-time callbacks run there too).
 */
public final class MiniBatchGroupAggregateOperator extends MiniBatchOperator {

    private static final long serialVersionUID = 1L;

    private final Accumulators accumulators;
    private final Duration stateTtl;
    /** The global half of a two-phase aggregate: the input is partials, the accumulator at this field; else -1. */
    private final int partialField;
    private transient ValueState<Row> state;
    /** The buffered rows per group, in the order the groups first came. */
    private transient LinkedHashMap<Row, List<Row>> batch;

    /**
     * @param stateTtl how long an idle group's state is kept; zero keeps it forever
     * @param latency how long a row may wait in the batch ({@code table.exec.mini-batch.allow-latency})
     * @param maxRows how many rows a batch holds at most ({@code table.exec.mini-batch.size})
     */
    public MiniBatchGroupAggregateOperator(Accumulators accumulators, Duration stateTtl, Duration latency,
            int maxRows) {
        this(accumulators, stateTtl, latency, maxRows, -1);
    }

    /**
     * The global half of a two-phase group aggregate: its input is the partials of
     * {@link LocalGroupAggregateOperator} ({@code (key fields..., accumulator)}, keyed by the key
     * fields), which it merges into the group's accumulator (so every aggregate must merge, and the
     * aggregate's input must be append-only).
     */
    public static MiniBatchGroupAggregateOperator global(Accumulators accumulators, Duration stateTtl,
            Duration latency, int maxRows, int keyArity) {
        if (!accumulators.canMerge()) {
            throw new IllegalArgumentException("A two-phase aggregate needs aggregates that merge");
        }
        return new MiniBatchGroupAggregateOperator(accumulators, stateTtl, latency, maxRows, keyArity);
    }

    private MiniBatchGroupAggregateOperator(Accumulators accumulators, Duration stateTtl, Duration latency,
            int maxRows, int partialField) {
        super(latency, maxRows);
        this.accumulators = accumulators;
        this.stateTtl = stateTtl;
        this.partialField = partialField;
    }

    @Override
    public void open() throws Exception {
        accumulators.open(getRuntimeContext());
        if (getKeyedStateBackend() == null) {
            throw new IllegalStateException("The mini-batch group aggregate needs a keyed input");
        }
        state = getRuntimeContext().getState(GroupAggregateFunction.stateDescriptor(accumulators, stateTtl));
        batch = new LinkedHashMap<>();
    }

    @Override
    public void close() throws Exception {
        accumulators.close();
        super.close();
    }

    @Override
    public void processElement(StreamRecord<Row> element) throws Exception {
        Row key = (Row) getCurrentKey();
        batch.computeIfAbsent(key, k -> new ArrayList<>()).add(element.getValue());
        rowBuffered();
    }

    /** Applies every buffered group's rows and emits what changed. */
    @Override
    protected void emitBatch() throws Exception {
        KeyedStateBackend<Object> backend = getKeyedStateBackend();
        for (Map.Entry<Row, List<Row>> group : batch.entrySet()) {
            Row key = group.getKey();
            backend.setCurrentKey(key);
            apply(key, group.getValue());
        }
        batch.clear();
    }

    /** One group's rows, row by row as {@link GroupAggregateFunction} applies them, with one state access. */
    private void apply(Row key, List<Row> rows) throws Exception {
        Row acc = state.value();
        Row before = acc == null ? null : accumulators.output(RowKind.UPDATE_BEFORE, key, acc);
        for (Row input : rows) {
            boolean retraction = input.getKind() == RowKind.UPDATE_BEFORE || input.getKind() == RowKind.DELETE;
            if (acc == null) {
                if (retraction) {
                    continue; // nothing to take it from, as without mini-batch
                }
                acc = accumulators.create();
            }
            if (partialField >= 0) {
                accumulators.merge(acc, (Row) input.getField(partialField));
            } else if (retraction) {
                accumulators.retract(acc, input);
            } else {
                accumulators.accumulate(acc, input);
            }
            if (accumulators.rowCount(acc) <= 0) {
                acc = null; // the group's last row went: a later row starts it afresh
            }
        }
        if (acc == null) {
            state.clear();
            if (before != null) {
                before.setKind(RowKind.DELETE);
                output.collect(new StreamRecord<>(before));
            }
            return;
        }
        state.update(acc);
        if (before == null) {
            output.collect(new StreamRecord<>(accumulators.output(RowKind.INSERT, key, acc)));
            return;
        }
        Row after = accumulators.output(RowKind.UPDATE_AFTER, key, acc);
        if (!GroupAggregateFunction.sameFields(before, after)) {
            output.collect(new StreamRecord<>(before));
            output.collect(new StreamRecord<>(after));
        }
    }
}
