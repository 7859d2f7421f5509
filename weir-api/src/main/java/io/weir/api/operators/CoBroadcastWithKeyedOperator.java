package io.weir.api.operators;

import io.weir.api.functions.KeyedBroadcastProcessFunction;
import io.weir.api.functions.OutputTag;
import io.weir.api.functions.TimeDomain;
import io.weir.api.functions.TimerService;
import io.weir.api.state.BroadcastState;
import io.weir.api.state.KeyedStateFunction;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.state.ReadOnlyBroadcastState;
import io.weir.api.state.State;
import io.weir.api.state.StateDescriptor;
import io.weir.api.state.VoidNamespace;
import io.weir.api.state.VoidNamespaceSerializer;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a {@link KeyedBroadcastProcessFunction}: the first input is the keyed stream (its elements
 * have their key's state in scope), the second the broadcast stream (no key in scope, but
 * {@code applyToKeyedState} visits the state of every key of this instance).
 */
public class CoBroadcastWithKeyedOperator<KS, IN1, IN2, OUT>
        extends AbstractUdfStreamOperator<OUT, KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT>>
        implements TwoInputStreamOperator<IN1, IN2, OUT>, Triggerable<KS, VoidNamespace> {
    private static final long serialVersionUID = 1L;

    private final BroadcastStates broadcastStates;
    private transient TimestampedCollector<OUT> collector;
    private transient ReadOnlyElementContext readOnlyContext;
    private transient BroadcastElementContext broadcastContext;
    private transient TimerContext timerContext;

    public CoBroadcastWithKeyedOperator(KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT> function,
            List<MapStateDescriptor<?, ?>> broadcastStateDescriptors) {
        super(function);
        this.broadcastStates = new BroadcastStates(broadcastStateDescriptors);
    }

    @Override
    public void open() throws Exception {
        if (getKeyedStateBackend() == null) {
            throw new IllegalStateException("KeyedBroadcastProcessFunction in operator '"
                    + getOperatorContext().getOperatorName() + "' needs a keyed first input: call keyBy(...) "
                    + "before connect(broadcastStream), or use a BroadcastProcessFunction.");
        }
        broadcastStates.open();
        super.open();
        collector = new TimestampedCollector<>(output);
        TimerService timerService = new SimpleTimerService(
                getInternalTimerService("user-timers", VoidNamespaceSerializer.INSTANCE, this));
        readOnlyContext = new ReadOnlyElementContext(userFunction, timerService);
        broadcastContext = new BroadcastElementContext(userFunction);
        timerContext = new TimerContext(userFunction, timerService);
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

    @Override
    public void onEventTime(InternalTimer<KS, VoidNamespace> timer) throws Exception {
        collector.setAbsoluteTimestamp(timer.getTimestamp());
        fire(timer, TimeDomain.EVENT_TIME);
    }

    @Override
    public void onProcessingTime(InternalTimer<KS, VoidNamespace> timer) throws Exception {
        collector.eraseTimestamp();
        fire(timer, TimeDomain.PROCESSING_TIME);
    }

    private void fire(InternalTimer<KS, VoidNamespace> timer, TimeDomain domain) throws Exception {
        timerContext.timer = timer;
        timerContext.domain = domain;
        userFunction.onTimer(timer.getTimestamp(), timerContext, collector);
        timerContext.timer = null;
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

    private final class ReadOnlyElementContext
            extends KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT>.ReadOnlyContext {
        private final TimerService timerService;
        private StreamRecord<?> element;

        ReadOnlyElementContext(KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT> function, TimerService timerService) {
            function.super();
            this.timerService = timerService;
        }

        @Override
        public TimerService timerService() {
            return timerService;
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

        @Override
        @SuppressWarnings("unchecked")
        public KS getCurrentKey() {
            return (KS) CoBroadcastWithKeyedOperator.this.getCurrentKey();
        }
    }

    private final class BroadcastElementContext extends KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT>.Context {
        private StreamRecord<?> element;

        BroadcastElementContext(KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT> function) {
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

        @Override
        public <VS, S extends State> void applyToKeyedState(StateDescriptor<S, VS> stateDescriptor,
                KeyedStateFunction<KS, S> function) throws Exception {
            KeyedStateBackend<KS> backend = getKeyedStateBackend();
            KS previous = backend.getCurrentKey();
            // a copy: the function may clear the state of the key it visits
            List<KS> keys = new ArrayList<>(backend.getKeys(stateDescriptor.getName()));
            S state = backend.getPartitionedState(stateDescriptor);
            try {
                for (KS key : keys) {
                    backend.setCurrentKey(key);
                    function.process(key, state);
                }
            } finally {
                if (previous != null) {
                    backend.setCurrentKey(previous);
                }
            }
        }
    }

    private final class TimerContext extends KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT>.OnTimerContext {
        private final TimerService timerService;
        private InternalTimer<KS, VoidNamespace> timer;
        private TimeDomain domain;

        TimerContext(KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT> function, TimerService timerService) {
            function.super();
            this.timerService = timerService;
        }

        /** The timer's time for event-time timers (like the records emitted); none for processing time. */
        @Override
        public Long timestamp() {
            return domain == TimeDomain.EVENT_TIME ? timer.getTimestamp() : null;
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

        @Override
        public TimerService timerService() {
            return timerService;
        }

        @Override
        public TimeDomain timeDomain() {
            return domain;
        }

        @Override
        public KS getCurrentKey() {
            return timer.getKey();
        }
    }
}
