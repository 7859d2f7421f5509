package io.weir.runtime.operators.broadcast;

import io.weir.api.functions.KeyedBroadcastProcessFunction;
import io.weir.api.functions.OutputTag;
import io.weir.api.functions.TimeDomain;
import io.weir.api.functions.TimerService;
import io.weir.api.operators.AbstractUdfStreamOperator;
import io.weir.api.operators.InternalTimer;
import io.weir.api.operators.KeyedStateBackend;
import io.weir.api.operators.StreamRecord;
import io.weir.api.operators.Triggerable;
import io.weir.api.operators.TwoInputStreamOperator;
import io.weir.api.operators.internal.ProcessInvocation;
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
    private transient ProcessInvocation<OUT> invocation;
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
        broadcastStates.open(getOperatorContext().getOperatorStateStore());
        super.open();
        invocation = new ProcessInvocation<>(this, ProcessInvocation.userTimers(this,
                () -> getInternalTimerService(ProcessInvocation.USER_TIMERS, VoidNamespaceSerializer.INSTANCE, this)));
        readOnlyContext = new ReadOnlyElementContext(userFunction);
        broadcastContext = new BroadcastElementContext(userFunction);
        timerContext = new TimerContext(userFunction);
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

    @Override
    public void onEventTime(InternalTimer<KS, VoidNamespace> timer) throws Exception {
        fire(timer, TimeDomain.EVENT_TIME);
    }

    @Override
    public void onProcessingTime(InternalTimer<KS, VoidNamespace> timer) throws Exception {
        fire(timer, TimeDomain.PROCESSING_TIME);
    }

    private void fire(InternalTimer<KS, VoidNamespace> timer, TimeDomain domain) throws Exception {
        userFunction.onTimer(timer.getTimestamp(), timerContext, invocation.startTimer(timer, domain));
        invocation.endTimer();
    }

    private final class ReadOnlyElementContext
            extends KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT>.ReadOnlyContext {
        ReadOnlyElementContext(KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT> function) {
            function.super();
        }

        @Override
        public TimerService timerService() {
            return invocation.timerService();
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

        @Override
        @SuppressWarnings("unchecked")
        public KS getCurrentKey() {
            return (KS) CoBroadcastWithKeyedOperator.this.getCurrentKey();
        }
    }

    private final class BroadcastElementContext extends KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT>.Context {
        BroadcastElementContext(KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT> function) {
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
        TimerContext(KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT> function) {
            function.super();
        }

        @Override
        public Long timestamp() {
            return invocation.timerTimestamp();
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

        @Override
        public TimerService timerService() {
            return invocation.timerService();
        }

        @Override
        public TimeDomain timeDomain() {
            return invocation.timeDomain();
        }

        @Override
        public KS getCurrentKey() {
            return invocation.timerKey();
        }
    }
}
