package io.weir.api.datastream;

import io.weir.api.functions.MapFunction;
import io.weir.api.tuple.Tuple;
import io.weir.api.types.TupleTypeInfo;
import io.weir.api.types.TypeInformation;

/** The function behind {@link DataStream#project}: a new tuple of the chosen fields, in the given order. */
final class TupleProjection<IN, OUT extends Tuple> implements MapFunction<IN, OUT> {
    private final int[] fields;

    private TupleProjection(int[] fields) {
        this.fields = fields;
    }

    @Override
    @SuppressWarnings("unchecked")
    public OUT map(IN value) {
        Tuple in = (Tuple) value;
        OUT out = (OUT) Tuple.newInstance(fields.length);
        for (int i = 0; i < fields.length; i++) {
            out.setField(in.getField(fields[i]), i);
        }
        return out;
    }

    /** Checks {@code fields} against the stream's {@code inputType} and returns the projection and its type. */
    @SuppressWarnings("unchecked")
    static <IN, OUT extends Tuple> SingleOutputStreamOperator<OUT> apply(DataStream<IN> input, int[] fields) {
        TypeInformation<IN> inputType = input.getType();
        if (!(inputType instanceof TupleTypeInfo<?> tupleType)) {
            throw new IllegalArgumentException("project(...) works on streams of tuples only; this stream's type is "
                    + inputType + ". Use map(...) to pick fields of other types.");
        }
        if (fields.length == 0 || fields.length > Tuple.MAX_ARITY) {
            throw new IllegalArgumentException("project(...) needs 1 to " + Tuple.MAX_ARITY + " field indexes, got "
                    + fields.length + ".");
        }
        TypeInformation<?>[] types = new TypeInformation<?>[fields.length];
        for (int i = 0; i < fields.length; i++) {
            if (fields[i] < 0 || fields[i] >= tupleType.getArity()) {
                throw new IllegalArgumentException("project(...): field index " + fields[i] + " is out of range for "
                        + inputType + ", whose fields are 0 to " + (tupleType.getArity() - 1) + ".");
            }
            types[i] = tupleType.getTypeAt(fields[i]);
        }
        TypeInformation<OUT> outputType = (TypeInformation<OUT>) (TypeInformation<?>) new TupleTypeInfo<>(types);
        return input.map(new TupleProjection<IN, OUT>(fields.clone()), outputType).name("Projection");
    }
}
