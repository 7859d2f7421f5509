package io.weir.runtime.operators;

import io.weir.api.environment.RuntimeExecutionMode;
import io.weir.api.functions.ReduceFunction;
import io.weir.api.operators.AbstractUdfStreamOperator;
import io.weir.api.operators.InternalTimer;
import io.weir.api.operators.InternalTimerService;
import io.weir.api.operators.OneInputStreamOperator;
import io.weir.api.operators.StreamRecord;
import io.weir.api.operators.Triggerable;
import io.weir.api.state.VoidNamespace;
import io.weir.api.state.VoidNamespaceSerializer;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.types.TypeInformation;
import io.weir.api.types.TypeSerializer;

/**
 * A rolling reduce on a keyed stream: keeps the reduced value per key in keyed state and emits
 * the new value after every element. In BATCH mode it emits only the final value of each key:
 * the key's first element registers an event-time timer at {@code Long.MAX_VALUE}, which fires
 * when the key's input is complete (BATCH execution feeds the operator key by key); the value is
 * emitted with that timestamp, as Flink does.
 */
public class StreamGroupedReduceOperator<IN> extends AbstractUdfStreamOperator<IN, ReduceFunction<IN>>
        implements OneInputStreamOperator<IN, IN>, Triggerable<Object, VoidNamespace> {
    private static final long serialVersionUID = 1L;

    private static final String STATE_NAME = "_op_state";

    private final TypeInformation<IN> valueType;
    private transient ValueState<IN> values;
    private transient TypeSerializer<IN> serializer;
    private transient boolean emitOnlyFinal;
    private transient InternalTimerService<VoidNamespace> endOfKey;

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
        if (emitOnlyFinal) {
            endOfKey = getInternalTimerService("end-of-key", VoidNamespaceSerializer.INSTANCE, this);
        }
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
        } else if (current == null) {
            endOfKey.registerEventTimeTimer(VoidNamespace.INSTANCE, Long.MAX_VALUE);
        }
    }

    /** BATCH mode: the key's input is complete; its final value goes out. */
    @Override
    public void onEventTime(InternalTimer<Object, VoidNamespace> timer) throws Exception {
        IN value = values.value();
        if (value != null) {
            output.collect(new StreamRecord<>(value, Long.MAX_VALUE));
        }
    }

    @Override
    public void onProcessingTime(InternalTimer<Object, VoidNamespace> timer) {}
}
