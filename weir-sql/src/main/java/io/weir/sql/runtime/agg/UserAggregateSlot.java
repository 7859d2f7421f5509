package io.weir.sql.runtime.agg;

import io.weir.api.types.Row;
import io.weir.api.types.TypeInformation;
import io.weir.sql.functions.AggregateFunction;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;

/**
 * A user-defined {@link AggregateFunction} as an accumulator slot: one field holding the function's
 * accumulator object, updated by its {@code accumulate}/{@code retract} methods and read by
 * {@code getValue}. The value passed in is the list of the call's arguments (see
 * {@link BoundAggregate}); numbers are converted to the parameter classes the method was chosen for
 * (an INT argument to a {@code long} parameter). The methods are called reflectively, one call per
 * row and aggregate. A function that declares {@code merge(ACC acc, Iterable<ACC> others)}, as Flink's
 * do, can merge accumulators (sliced windows, sessions).
 */
public final class UserAggregateSlot extends AggregateSlot {

    private static final long serialVersionUID = 1L;

    private final String name;
    @SuppressWarnings("rawtypes")
    private final AggregateFunction function;
    private final Class<?>[] parameterClasses;
    private final boolean retractable;
    private final TypeInformation<?> accumulatorType;
    private transient Method accumulate;
    private transient Method retract;
    private transient Method merge;

    /** @param parameterClasses all parameters of the accumulate method, the accumulator's first */
    public UserAggregateSlot(String name, AggregateFunction<?, ?> function, Class<?>[] parameterClasses,
            boolean retractable, TypeInformation<?> accumulatorType) {
        this.name = name;
        this.function = function;
        this.parameterClasses = parameterClasses.clone();
        this.retractable = retractable;
        this.accumulatorType = accumulatorType;
    }

    @Override
    public List<TypeInformation<?>> accumulatorTypes() {
        return List.of(accumulatorType);
    }

    @Override
    public void open(io.weir.sql.functions.FunctionContext context) throws Exception {
        function.open(context);
    }

    @Override
    public void close() throws Exception {
        function.close();
    }

    @Override
    public void init(Row acc, int offset) {
        acc.setField(offset, function.createAccumulator());
    }

    @Override
    public void accumulate(Row acc, int offset, Object value) {
        if (accumulate == null) {
            accumulate = method("accumulate");
        }
        call(accumulate, acc.getField(offset), (List<?>) value);
    }

    @Override
    public void retract(Row acc, int offset, Object value) {
        if (!retractable) {
            throw new UnsupportedOperationException("Aggregate function " + name + " has to take rows back (its "
                    + "input has updates, or an OVER window slides) but declares no retract method; add "
                    + "public void retract(ACC acc, ...) with accumulate's parameters");
        }
        if (retract == null) {
            retract = method("retract");
        }
        call(retract, acc.getField(offset), (List<?>) value);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object result(Row acc, int offset) {
        return function.getValue(acc.getField(offset));
    }

    @Override
    public void merge(Row acc, int offset, Row other) {
        if (merge == null) {
            merge = mergeMethod(function.getClass());
        }
        try {
            merge.invoke(function, acc.getField(offset), List.of(other.getField(offset)));
        } catch (InvocationTargetException e) {
            throw new RuntimeException("Aggregate function " + name + ".merge failed: " + e.getCause(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean canMerge() {
        return mergeMethod(function.getClass()) != null;
    }

    /** The public {@code merge(ACC, Iterable)} method of a function class, or null. */
    private static Method mergeMethod(Class<?> functionClass) {
        for (Method method : functionClass.getMethods()) {
            if (method.getName().equals("merge") && method.getParameterCount() == 2
                    && method.getParameterTypes()[1].isAssignableFrom(List.class)) {
                return method;
            }
        }
        return null;
    }

    @Override
    public boolean canRetract() {
        return retractable;
    }

    private Method method(String methodName) {
        try {
            return function.getClass().getMethod(methodName, parameterClasses);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("Aggregate function " + name + " lost its " + methodName + " method", e);
        }
    }

    private void call(Method method, Object accumulator, List<?> arguments) {
        Object[] values = new Object[parameterClasses.length];
        values[0] = accumulator;
        for (int i = 1; i < values.length; i++) {
            values[i] = converted(arguments.get(i - 1), parameterClasses[i]);
            if (values[i] == null && parameterClasses[i].isPrimitive()) {
                return; // Java cannot pass NULL to a primitive parameter: the row does not count
            }
        }
        try {
            method.invoke(function, values);
        } catch (InvocationTargetException e) {
            throw new RuntimeException("Aggregate function " + name + "." + method.getName() + " failed on "
                    + arguments + ": " + e.getCause(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A number widened to the parameter's class; other values as they are. */
    private static Object converted(Object value, Class<?> parameter) {
        if (!(value instanceof Number number) || parameter.isInstance(value)) {
            return value;
        }
        return switch (parameter.getName()) {
            case "long", "java.lang.Long" -> number.longValue();
            case "int", "java.lang.Integer" -> number.intValue();
            case "short", "java.lang.Short" -> number.shortValue();
            case "double", "java.lang.Double" -> number.doubleValue();
            case "float", "java.lang.Float" -> number.floatValue();
            case "java.math.BigDecimal" -> new java.math.BigDecimal(number.toString());
            default -> value;
        };
    }
}
