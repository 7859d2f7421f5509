package io.weir.sql.functions;

/**
 * A user-defined aggregate: many rows of a group to one value, e.g. {@code SELECT k, weighted_avg(v, w)
 * FROM t GROUP BY k}. The state of a group is an accumulator, made by {@link #createAccumulator} and
 * kept in keyed state (so it must be serializable as a POJO or with Weir's types); subclasses declare
 * public {@code accumulate(ACC acc, args...)} methods (overloads allowed, picked by the argument types
 * like {@code eval}), and {@code retract(ACC acc, args...)} with the same parameters when the input
 * has updates or deletions. Every row is passed, NULL arguments included, unless FILTER drops it.
 *
 * @param <T> the class of the result
 * @param <ACC> the class of the accumulator
 */
public abstract class AggregateFunction<T, ACC> extends UserDefinedFunction {

    private static final long serialVersionUID = 1L;

    /** A new, empty accumulator for a group. */
    public abstract ACC createAccumulator();

    /** The group's result from its accumulator. */
    public abstract T getValue(ACC accumulator);
}
