package io.weir.sql.functions;

import io.weir.api.functions.Collector;
import io.weir.api.tuple.Tuple;
import io.weir.api.types.Row;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * A user-defined table aggregate (Flink's {@code TableAggregateFunction}): many rows of a group to
 * any number of rows, e.g. the two largest values of each group. The Table API calls it with
 * {@code groupBy($("k")).flatAggregate(call(Top2.class, $("v")).as("v", "rank")).select(...)}. As with
 * {@link AggregateFunction}, the state of a group is an accumulator ({@link #createAccumulator}) that
 * public {@code accumulate(ACC acc, args...)} methods update (and {@code retract(ACC acc, args...)} when
 * the input has updates); a public {@code emitValue(ACC acc, Collector<T> out)} method gives the
 * group's rows. Each change of a group takes back the rows it emitted before ({@code -D}) and emits the
 * new ones ({@code +I}), as Flink's table aggregates do.
 *
 * <p>Instead of {@code emitValue}, a function may declare {@code emitUpdateWithRetract(ACC acc,
 * RetractableCollector<T> out)}, as in Flink: after each change of a group it emits only what changed,
 * {@code out.retract(old)} taking back a row it emitted before ({@code -D}) and {@code out.collect(new)}
 * adding one ({@code +I}); it keeps what it emitted in the accumulator itself. Weir calls it once before
 * and once after each input row of the group; what the call before emits is discarded, so the
 * function can bring its record of what it emitted up to date there.
 *
 * <p>{@code T} is the class of one emitted row: a {@link Row} (its type in
 * {@code @FunctionHint(output = @DataTypeHint("ROW<...>"))} on the class), a tuple (fields {@code f0,
 * f1, ...} of the types of its type arguments) or a single value (one field {@code f0}).
 *
 * <p>Weir runs a table aggregate as an aggregate whose value is the list of the rows {@code emitValue}
 * gives ({@link #getValue}); the planner expands that list into rows. In SQL, where Flink has no table
 * aggregates, a call gives that list as an {@code ARRAY} of ROWs.
 *
 * @param <T> the class of one emitted row
 * @param <ACC> the class of the accumulator
 */
public abstract class TableAggregateFunction<T, ACC> extends AggregateFunction<List<Row>, ACC> {

    private static final long serialVersionUID = 1L;

    /**
     * The column that holds a table aggregate's rows in the Table API's plan of {@code flatAggregate};
     * the planner's UNNEST of a column of this name gives the rows Flink's change kinds for table
     * aggregates ({@code -D} for a row taken back, {@code +I} for a new one).
     */
    public static final String ROWS_COLUMN = "$table_aggregate";

    /** The name of the last field of each row of a function with {@code emitUpdateWithRetract}: TRUE for a retraction. */
    public static final String RETRACT_FIELD = "$retract";

    /** A collector that also takes back a row emitted before, for {@code emitUpdateWithRetract}, as Flink's. */
    public interface RetractableCollector<T> extends Collector<T> {
        /** Takes back a row this function emitted before for the group ({@code -D}). */
        void retract(T record);
    }

    private transient Method emitValue;

    /**
     * The rows {@code emitValue} gives for the accumulator, each a {@link Row}; with {@code
     * emitUpdateWithRetract}, the rows it collects and retracts, each followed by the field {@value
     * #RETRACT_FIELD} (TRUE for a retraction).
     */
    @Override
    public final List<Row> getValue(ACC accumulator) {
        Method withRetract = emitUpdateWithRetractMethod(getClass());
        if (withRetract != null) {
            return changes(withRetract, accumulator);
        }
        List<Row> rows = new ArrayList<>();
        Collector<T> out = new Collector<>() {
            @Override
            public void collect(T record) {
                rows.add(toRow(record));
            }

            @Override
            public void close() {
            }
        };
        try {
            if (emitValue == null) {
                emitValue = emitValueMethod(getClass());
            }
            emitValue.invoke(this, accumulator, out);
        } catch (InvocationTargetException e) {
            throw new RuntimeException(getClass().getName() + ".emitValue failed: " + e.getCause(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    private List<Row> changes(Method method, ACC accumulator) {
        List<Row> rows = new ArrayList<>();
        RetractableCollector<T> out = new RetractableCollector<>() {
            @Override
            public void collect(T record) {
                rows.add(flagged(toRow(record), false));
            }

            @Override
            public void retract(T record) {
                rows.add(flagged(toRow(record), true));
            }

            @Override
            public void close() {
            }
        };
        try {
            method.invoke(this, accumulator, out);
        } catch (InvocationTargetException e) {
            throw new RuntimeException(getClass().getName() + ".emitUpdateWithRetract failed: " + e.getCause(),
                    e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    private static Row flagged(Row row, boolean retract) {
        Row flagged = new Row(row.getArity() + 1);
        for (int i = 0; i < row.getArity(); i++) {
            flagged.setField(i, row.getField(i));
        }
        flagged.setField(row.getArity(), retract);
        return flagged;
    }

    /** The public {@code emitUpdateWithRetract(ACC, RetractableCollector)} method of a table aggregate's class, or null. */
    public static Method emitUpdateWithRetractMethod(Class<?> functionClass) {
        for (Method method : functionClass.getMethods()) {
            if (method.getName().equals("emitUpdateWithRetract") && method.getParameterCount() == 2
                    && method.getParameterTypes()[1] == RetractableCollector.class) {
                return method;
            }
        }
        return null;
    }

    /** The public {@code emitValue(ACC, Collector)} method of a table aggregate's class, or null. */
    public static Method emitValueMethod(Class<?> functionClass) {
        for (Method method : functionClass.getMethods()) {
            if (method.getName().equals("emitValue") && method.getParameterCount() == 2
                    && method.getParameterTypes()[1] == Collector.class) {
                return method;
            }
        }
        return null;
    }

    private static Row toRow(Object record) {
        if (record instanceof Row row) {
            return row;
        }
        if (record instanceof Tuple tuple) {
            Object[] fields = new Object[tuple.getArity()];
            for (int i = 0; i < fields.length; i++) {
                fields[i] = tuple.getField(i);
            }
            return Row.of(fields);
        }
        return Row.of(record);
    }
}
