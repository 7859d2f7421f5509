package io.weir.sql.runtime.agg;

import io.weir.api.types.Row;
import io.weir.api.types.TypeInformation;
import java.io.Serializable;
import java.util.List;

/**
 * The accumulator logic of one aggregate function (COUNT, SUM, AVG, MIN, MAX) for one argument
 * type, specialised per function so the per-row work is a virtual call and a few field updates,
 * never reflection. A slot owns {@link #accumulatorTypes()}.size() consecutive fields of the
 * accumulator row, starting at the offset it is given.
 *
 * <p>{@link #accumulate} and {@link #retract} are called only with non-null values: SQL aggregates
 * skip nulls (COUNT(*) gets a non-null marker). Implementations are stateless; all state is in
 * the accumulator row, which the caller keeps in keyed state.
 */
public abstract class AggregateSlot implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The types of this slot's accumulator fields, for the state serializer. */
    public abstract List<TypeInformation<?>> accumulatorTypes();

    /** Sets this slot's fields of a new accumulator. */
    public abstract void init(Row acc, int offset);

    public abstract void accumulate(Row acc, int offset, Object value);

    /** Takes a value back out; only called for values accumulated before. */
    public abstract void retract(Row acc, int offset, Object value);

    /** The aggregate's current result, in the Java class of its SQL result type (null allowed). */
    public abstract Object result(Row acc, int offset);

    /**
     * Adds the fields of another accumulator of this slot ({@code other} at the same offset) into
     * {@code acc}'s: afterwards {@code acc} holds the result of both groups of values. {@code other}
     * is only read. Sliced window aggregates merge a window's slices this way; session windows merge
     * sessions that a row joins.
     */
    public void merge(Row acc, int offset, Row other) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot merge accumulators");
    }

    /**
     * Called once per subtask before the first row, with what the subtask offers a user-defined
     * function (a user aggregate's {@code open(FunctionContext)}); nothing by default.
     */
    public void open(io.weir.sql.functions.FunctionContext context) throws Exception {
    }

    /** Called once per subtask after the last row (a user aggregate's {@code close()}); nothing by default. */
    public void close() throws Exception {
    }

    /** Whether {@link #merge} is supported; aggregates that cannot merge run windows unsliced. */
    public boolean canMerge() {
        return true;
    }

    /**
     * This slot as the local half of a two-phase aggregate over input with updates uses it: its
     * accumulator is a partial one, in which a value may be retracted that was accumulated elsewhere
     * (in an earlier batch, or another partial), so {@link #retract} records the retraction for
     * {@link #merge} to apply where the value is. The same slot by default (sums and counts may
     * simply go negative).
     */
    public AggregateSlot asPartial() {
        return this;
    }

    /** Whether {@link #retract} is supported; a slot that cannot retract is used on append-only input only. */
    public boolean canRetract() {
        return true;
    }
}
