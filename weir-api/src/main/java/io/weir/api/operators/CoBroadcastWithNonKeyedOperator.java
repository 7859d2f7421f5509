package io.weir.api.operators;

import io.weir.api.functions.BroadcastProcessFunction;
import io.weir.api.functions.OutputTag;
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
    private transient TimestampedCollector<OUT> collector;
    private transient ReadOnlyElementContext readOnlyContext;
    private transient BroadcastElementContext broadcastContext;

    public CoBroadcastWithNonKeyedOperator(BroadcastProcessFunction<IN1, IN2, OUT> function,
            List<MapStateDescriptor<?, ?>> broadcastStateDescriptors) {
        super(function);
        this.broadcastStates = new BroadcastStates(broadcastStateDescriptors);
    }

    @Override
    public void open() throws Exception {
        broadcastStates.open();
        super.open();
        collector = new TimestampedCollector<>(output);
        readOnlyContext = new ReadOnlyElementContext(userFunction);
        broadcastContext = new BroadcastElementContext(userFunction);
    }

    @Override
    public void processElement1(StreamRecord<IN1> element) throws Exception {
        collector.setTimestamp(element);
        readOnlyContext.element = element;
        userFunction.processElement(element.getValue(), readOnlyContext, collector);
        readOnlyContext.element = null;
    }

    @Override
    public void processElement2(StreamRecord<IN2> element) throws Exception {
        collector.setTimestamp(element);
        broadcastContext.element = element;
        userFunction.processBroadcastElement(element.getValue(), broadcastContext, collector);
        broadcastContext.element = null;
    }

    private <X> void sideOutput(OutputTag<X> tag, X value, Long timestamp) {
        if (tag == null) {
            throw new IllegalArgumentException("The OutputTag of a side output must not be null.");
        }
        output.collect(tag, timestamp == null ? new StreamRecord<>(value) : new StreamRecord<>(value, timestamp));
    }

    private static Long timestampOf(StreamRecord<?> element) {
        return element != null && element.hasTimestamp() ? element.getTimestamp() : null;
    }

    private final class ReadOnlyElementContext extends BroadcastProcessFunction<IN1, IN2, OUT>.ReadOnlyContext {
        private StreamRecord<?> element;

        ReadOnlyElementContext(BroadcastProcessFunction<IN1, IN2, OUT> function) {
            function.super();
        }

        @Override
        public Long timestamp() {
            return timestampOf(element);
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            sideOutput(outputTag, value, timestamp());
        }

        @Override
        public long currentProcessingTime() {
            return getProcessingTimeService().getCurrentProcessingTime();
        }

        @Override
        public long currentWatermark() {
            return getCurrentWatermark();
        }

        @Override
        public <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor) {
            return new ReadOnlyView<>(broadcastStates.get(descriptor, getOperatorContext().getOperatorName()));
        }
    }

    private final class BroadcastElementContext extends BroadcastProcessFunction<IN1, IN2, OUT>.Context {
        private StreamRecord<?> element;

        BroadcastElementContext(BroadcastProcessFunction<IN1, IN2, OUT> function) {
            function.super();
        }

        @Override
        public Long timestamp() {
            return timestampOf(element);
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            sideOutput(outputTag, value, timestamp());
        }

        @Override
        public long currentProcessingTime() {
            return getProcessingTimeService().getCurrentProcessingTime();
        }

        @Override
        public long currentWatermark() {
            return getCurrentWatermark();
        }

        @Override
        public <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor) {
            return broadcastStates.get(descriptor, getOperatorContext().getOperatorName());
        }
    }
}
