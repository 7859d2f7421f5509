package io.weir.sql.functions;

import io.weir.api.functions.Collector;

/**
 * A function from values to any number of rows, joined to the row it was called for with
 * {@code LATERAL TABLE(f(x))}: {@code FROM t, LATERAL TABLE(split(t.line)) AS w(word)} (inner: rows
 * without results drop out) or {@code FROM t LEFT JOIN LATERAL TABLE(split(t.line)) AS w(word) ON TRUE}
 * (they stay, with NULLs). Subclasses declare public {@code eval} methods that call
 * {@link #collect} once per result. {@code T} is the result's class: a scalar class gives one
 * column named {@code f0}; {@code Row} needs its type in {@code @FunctionHint(output = @DataTypeHint("ROW<...>"))}.
 *
 * @param <T> the class of one result
 */
public abstract class TableFunction<T> extends UserDefinedFunction {

    private static final long serialVersionUID = 1L;

    private transient Collector<T> collector;

    /** Emits one result row of the current call. */
    protected final void collect(T row) {
        collector.collect(row);
    }

    /** Set by the runtime before the first call: where {@link #collect} sends its rows. */
    public final void setCollector(Collector<T> collector) {
        this.collector = collector;
    }
}
