package io.weir.runtime.operators;

import io.weir.api.environment.RuntimeExecutionMode;
import io.weir.api.functions.ReduceFunction;
import io.weir.api.operators.AbstractUdfStreamOperator;
import io.weir.api.operators.BoundedOneInput;
import io.weir.api.operators.KeyedStateBackend;
import io.weir.api.operators.OneInputStreamOperator;
import io.weir.api.operators.StreamRecord;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.types.TypeInformation;
import io.weir.api.types.TypeSerializer;

/**
 * A rolling reduce on a keyed stream: keeps the reduced value per key in keyed state and emits
 * the new value after every element. In BATCH mode it emits only the final value of each key, at
 * the end of the input.
 */
public class StreamGroupedReduceOperator<IN> extends AbstractUdfStreamOperator<IN, ReduceFunction<IN>>
        implements OneInputStreamOperator<IN, IN>, BoundedOneInput {
    private static final long serialVersionUID = 1L;

    private static final String STATE_NAME = "_op_state";

    private final TypeInformation<IN> valueType;
    private transient ValueState<IN> values;
    private transient TypeSerializer<IN> serializer;
    private transient boolean emitOnlyFinal;

    public StreamGroupedReduceOperator(ReduceFunction<IN> reducer, TypeInformation<IN> valueType) {
        super(reducer);
        this.valueType = valueType;
    }

    @Override
    public void open() throws Exception {
        super.open();
        if (getKeyedStateBackend() == null) {
            throw new IllegalStateException("Rolling reduce in operator '" + getOperatorContext().getOperatorName()
                    + "' needs a keyed input: call keyBy(...) first.");
        }
        serializer = valueType.createSerializer(getOperatorContext().getExecutionConfig().getSerializerConfig());
        values = getRuntimeContext().getState(new ValueStateDescriptor<>(STATE_NAME, valueType));
        emitOnlyFinal = getOperatorContext().getExecutionConfig().getRuntimeMode() == RuntimeExecutionMode.BATCH;
    }

    @Override
    public void processElement(StreamRecord<IN> element) throws Exception {
        IN value = element.getValue();
        IN current = values.value();
        // The first value of a key is copied before it is stored: the caller may reuse the object.
        IN reduced = current == null ? serializer.copy(value) : userFunction.reduce(current, value);
        values.update(reduced);
        if (!emitOnlyFinal) {
            output.collect(element.replace(reduced));
        }
    }

    @Override
    public void endInput() throws Exception {
        if (!emitOnlyFinal) {
            return;
        }
        KeyedStateBackend<Object> backend = getKeyedStateBackend();
        StreamRecord<IN> record = new StreamRecord<>(null);
        for (Object key : backend.getKeys(STATE_NAME)) {
            backend.setCurrentKey(key);
            output.collect(record.replace(values.value()));
        }
    }
}
