package io.weir.runtime.operators.broadcast;

import io.weir.api.functions.BroadcastProcessFunction;
import io.weir.api.functions.OutputTag;
import io.weir.api.operators.AbstractUdfStreamOperator;
import io.weir.api.operators.StreamRecord;
import io.weir.api.operators.TwoInputStreamOperator;
import io.weir.api.operators.internal.ProcessInvocation;
import io.weir.api.state.BroadcastState;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.state.ReadOnlyBroadcastState;
import java.util.List;

/**
 * Runs a {@link BroadcastProcessFunction}: the first input is the unkeyed stream, the second the
 * broadcast stream. Every instance holds its own copy of each declared broadcast state.
 */
public class CoBroadcastWithNonKeyedOperator<IN1, IN2, OUT>
        extends AbstractUdfStreamOperator<OUT, BroadcastProcessFunction<IN1, IN2, OUT>>
        implements TwoInputStreamOperator<IN1, IN2, OUT> {
    private static final long serialVersionUID = 1L;

    private final BroadcastStates broadcastStates;
    private transient ProcessInvocation<OUT> invocation;
    private transient ReadOnlyElementContext readOnlyContext;
    private transient BroadcastElementContext broadcastContext;

    public CoBroadcastWithNonKeyedOperator(BroadcastProcessFunction<IN1, IN2, OUT> function,
            List<MapStateDescriptor<?, ?>> broadcastStateDescriptors) {
        super(function);
        this.broadcastStates = new BroadcastStates(broadcastStateDescriptors);
    }

    @Override
    public void open() throws Exception {
        broadcastStates.open(getOperatorContext().getOperatorStateStore());
        super.open();
        invocation = new ProcessInvocation<>(this, null);
        readOnlyContext = new ReadOnlyElementContext(userFunction);
        broadcastContext = new BroadcastElementContext(userFunction);
    }

    @Override
    public void processElement1(StreamRecord<IN1> element) throws Exception {
        userFunction.processElement(element.getValue(), readOnlyContext, invocation.startElement(element));
        invocation.endElement();
    }

    @Override
    public void processElement2(StreamRecord<IN2> element) throws Exception {
        userFunction.processBroadcastElement(element.getValue(), broadcastContext, invocation.startElement(element));
        invocation.endElement();
    }

    private final class ReadOnlyElementContext extends BroadcastProcessFunction<IN1, IN2, OUT>.ReadOnlyContext {
        ReadOnlyElementContext(BroadcastProcessFunction<IN1, IN2, OUT> function) {
            function.super();
        }

        @Override
        public Long timestamp() {
            return invocation.elementTimestamp();
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            invocation.output(outputTag, value, timestamp());
        }

        @Override
        public long currentProcessingTime() {
            return invocation.currentProcessingTime();
        }

        @Override
        public long currentWatermark() {
            return invocation.currentWatermark();
        }

        @Override
        public <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor) {
            return new ReadOnlyView<>(broadcastStates.get(descriptor, getOperatorContext().getOperatorName()));
        }
    }

    private final class BroadcastElementContext extends BroadcastProcessFunction<IN1, IN2, OUT>.Context {
        BroadcastElementContext(BroadcastProcessFunction<IN1, IN2, OUT> function) {
            function.super();
        }

        @Override
        public Long timestamp() {
            // Flink's broadcast side reports a missing timestamp as Long.MIN_VALUE, not null
            return invocation.broadcastElementTimestamp();
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            invocation.output(outputTag, value, invocation.elementTimestamp());
        }

        @Override
        public long currentProcessingTime() {
            return invocation.currentProcessingTime();
        }

        @Override
        public long currentWatermark() {
            return invocation.currentWatermark();
        }

        @Override
        public <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor) {
            return broadcastStates.get(descriptor, getOperatorContext().getOperatorName());
        }
    }
}
