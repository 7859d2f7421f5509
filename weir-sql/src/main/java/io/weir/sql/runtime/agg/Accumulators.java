package io.weir.sql.runtime.agg;

import io.weir.api.types.BasicTypeInfo;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import io.weir.api.types.RowTypeInfo;
import io.weir.api.types.TypeInformation;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The accumulator of a group: one row holding the number of input rows in the group (field 0)
 * and then every aggregate call's fields, each call at a fixed offset. Creating, updating and
 * reading it are plain field operations through each call's specialised {@link AggregateSlot}.
 */
public final class Accumulators implements Serializable {

    private static final long serialVersionUID = 1L;

    private final BoundAggregate[] aggregates;
    private final int[] offsets;
    private final int arity;

    public Accumulators(List<BoundAggregate> aggregates) {
        this.aggregates = aggregates.toArray(BoundAggregate[]::new);
        this.offsets = new int[this.aggregates.length];
        int next = 1;
        for (int i = 0; i < this.aggregates.length; i++) {
            offsets[i] = next;
            next += this.aggregates[i].accumulatorTypes().size();
        }
        this.arity = next;
    }

    /** The type of accumulator rows, for the keyed state that holds them. */
    public RowTypeInfo accumulatorType() {
        List<TypeInformation<?>> types = new ArrayList<>();
        types.add(BasicTypeInfo.LONG_TYPE_INFO);
        for (BoundAggregate aggregate : aggregates) {
            types.addAll(aggregate.accumulatorTypes());
        }
        return new RowTypeInfo(types.toArray(TypeInformation<?>[]::new));
    }

    /**
     * Opens the calls' slots (a user aggregate's {@code open}) once per subtask, before the first row;
     * the operator holding these accumulators calls it from its own {@code open}.
     */
    public void open(io.weir.api.functions.RuntimeContext runtimeContext) throws Exception {
        io.weir.sql.functions.FunctionContext context = new io.weir.sql.functions.FunctionContext(runtimeContext);
        for (BoundAggregate aggregate : aggregates) {
            aggregate.slot().open(context);
        }
    }

    /** Closes the calls' slots (a user aggregate's {@code close}); from the operator's {@code close}. */
    public void close() throws Exception {
        Exception first = null;
        for (BoundAggregate aggregate : aggregates) {
            try {
                aggregate.slot().close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    public Row create() {
        Row acc = new Row(RowKind.INSERT, arity);
        acc.setField(0, 0L);
        for (int i = 0; i < aggregates.length; i++) {
            aggregates[i].init(acc, offsets[i]);
        }
        return acc;
    }

    public void accumulate(Row acc, Row input) {
        acc.setField(0, (Long) acc.getField(0) + 1);
        for (int i = 0; i < aggregates.length; i++) {
            aggregates[i].accumulate(acc, offsets[i], input);
        }
    }

    public void retract(Row acc, Row input) {
        acc.setField(0, (Long) acc.getField(0) - 1);
        for (int i = 0; i < aggregates.length; i++) {
            aggregates[i].retract(acc, offsets[i], input);
        }
    }

    /** Adds {@code other}'s rows into {@code acc}; only when {@link #canMerge()}. */
    public void merge(Row acc, Row other) {
        acc.setField(0, (Long) acc.getField(0) + (Long) other.getField(0));
        for (int i = 0; i < aggregates.length; i++) {
            aggregates[i].merge(acc, offsets[i], other);
        }
    }

    /**
     * The accumulators of the local half of a two-phase aggregate over input with updates: the same
     * fields, but a retraction of a value the partial has not seen is recorded for the merge (see
     * {@link AggregateSlot#asPartial}), and the row count may go negative.
     */
    public Accumulators asPartial() {
        List<BoundAggregate> partial = new ArrayList<>();
        for (BoundAggregate aggregate : aggregates) {
            partial.add(aggregate.asPartial());
        }
        return new Accumulators(partial);
    }

    /** The bound calls, in order. */
    public List<BoundAggregate> aggregates() {
        return List.of(aggregates);
    }

    /** Whether every aggregate call can merge two accumulators (see {@link AggregateSlot#merge}). */
    public boolean canMerge() {
        for (BoundAggregate aggregate : aggregates) {
            if (!aggregate.canMerge()) {
                return false;
            }
        }
        return true;
    }

    /** How many rows the group holds: accumulated minus retracted. */
    public long rowCount(Row acc) {
        return (Long) acc.getField(0);
    }

    /** The output row: the group's key fields, then each call's result. */
    public Row output(RowKind kind, Row key, Row acc) {
        int keyArity = key.getArity();
        Row out = new Row(kind, keyArity + aggregates.length);
        for (int i = 0; i < keyArity; i++) {
            out.setField(i, key.getField(i));
        }
        for (int i = 0; i < aggregates.length; i++) {
            out.setField(keyArity + i, aggregates[i].slot().result(acc, offsets[i]));
        }
        return out;
    }
}
