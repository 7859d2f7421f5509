package io.weir.sql.runtime;

import io.weir.api.functions.Collector;
import io.weir.api.functions.OpenContext;
import io.weir.api.functions.RichFlatMapFunction;
import io.weir.api.types.Row;
import io.weir.sql.functions.FunctionContext;
import io.weir.sql.functions.TableFunction;
import io.weir.sql.functions.UserDefinedFunction;
import java.io.Serializable;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code LATERAL TABLE(f(...))}: calls a table function for every input row and emits the row
 * joined with each result, of the row's change kind (a retracted row retracts what it joined).
 * An inner correlate drops rows without results; a left one emits them once, with NULLs. The
 * arguments are computed by a generated {@link RowProgram}, already cast to the eval method's
 * parameter types; the eval method is called reflectively (one call per row, not per expression).
 *
 * <p>Threading: one instance per subtask, called by the subtask's thread only.
 */
public final class CorrelateFunction extends RichFlatMapFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    /**
     * What the correlate does. {@code parameterClasses} identify the eval method; {@code producesRows}
     * says whether a result is a Row of {@code outputArity} fields or a single value.
     */
    public record Spec(String functionName, String argumentClass, String argumentSource,
            List<UserDefinedFunction> argumentFunctions, TableFunction<?> function, Class<?>[] parameterClasses,
            boolean producesRows, int outputArity, boolean leftJoin) implements Serializable {
    }

    private final Spec spec;
    private transient RowProgram arguments;
    private transient Method eval;
    private transient List<Object> results;

    public CorrelateFunction(Spec spec) {
        this.spec = spec;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void open(OpenContext openContext) throws Exception {
        FunctionContext context = new FunctionContext(getRuntimeContext());
        for (UserDefinedFunction function : spec.argumentFunctions()) {
            function.open(context);
        }
        spec.function().open(context);
        arguments = CompiledCalc.compile(spec.argumentClass(), spec.argumentSource(), spec.argumentFunctions());
        eval = spec.function().getClass().getMethod("eval", spec.parameterClasses());
        results = new ArrayList<>();
        List<Object> sink = results;
        ((TableFunction) spec.function()).setCollector(new Collector<Object>() {
            @Override
            public void collect(Object record) {
                sink.add(record);
            }

            @Override
            public void close() {
            }
        });
    }

    @Override
    public void flatMap(Row row, Collector<Row> out) throws Exception {
        results.clear();
        Object[] values = javaArguments(arguments.apply(row));
        if (values != null) {
            try {
                eval.invoke(spec.function(), values);
            } catch (InvocationTargetException e) {
                throw new RuntimeException("Table function " + spec.functionName() + " failed on row " + row + ": "
                        + e.getCause(), e.getCause());
            }
        }
        for (Object result : results) {
            out.collect(joined(row, result));
        }
        if (results.isEmpty() && spec.leftJoin()) {
            out.collect(joined(row, null));
        }
    }

    /** The eval method's arguments, trailing varargs packed in an array; null if a primitive parameter gets NULL. */
    private Object[] javaArguments(Row row) {
        Class<?>[] classes = spec.parameterClasses();
        boolean varArgs = eval.isVarArgs();
        int fixed = varArgs ? classes.length - 1 : classes.length;
        Object[] values = new Object[classes.length];
        for (int i = 0; i < fixed; i++) {
            values[i] = row.getField(i);
            if (values[i] == null && classes[i].isPrimitive()) {
                return null;
            }
        }
        if (varArgs) {
            Class<?> component = classes[fixed].getComponentType();
            Object packed = Array.newInstance(component, row.getArity() - fixed);
            for (int i = fixed; i < row.getArity(); i++) {
                Object value = row.getField(i);
                if (value == null && component.isPrimitive()) {
                    return null;
                }
                Array.set(packed, i - fixed, value);
            }
            values[fixed] = packed;
        }
        return values;
    }

    private Row joined(Row row, Object result) {
        int leftArity = row.getArity();
        Row joined = new Row(row.getKind(), leftArity + spec.outputArity());
        for (int i = 0; i < leftArity; i++) {
            joined.setField(i, row.getField(i));
        }
        if (result instanceof Row fields && spec.producesRows()) {
            for (int i = 0; i < spec.outputArity(); i++) {
                joined.setField(leftArity + i, fields.getField(i));
            }
        } else if (result != null) {
            joined.setField(leftArity, result);
        }
        return joined;
    }

    @Override
    public void close() throws Exception {
        spec.function().close();
        for (UserDefinedFunction function : spec.argumentFunctions()) {
            function.close();
        }
    }
}
