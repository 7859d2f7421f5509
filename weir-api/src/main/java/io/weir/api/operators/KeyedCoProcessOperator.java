package io.weir.api.operators;

import io.weir.api.functions.KeyedCoProcessFunction;
import io.weir.api.functions.OutputTag;
import io.weir.api.functions.TimeDomain;
import io.weir.api.functions.TimerService;
import io.weir.api.operators.internal.ProcessInvocation;
import io.weir.api.state.VoidNamespace;
import io.weir.api.state.VoidNamespaceSerializer;

/**
 * Runs a {@link KeyedCoProcessFunction} on two connected keyed streams: keyed state and timers are
 * scoped to the key of the element being processed, whichever input it came from; side outputs.
 */
public class KeyedCoProcessOperator<K, IN1, IN2, OUT>
        extends AbstractUdfStreamOperator<OUT, KeyedCoProcessFunction<K, IN1, IN2, OUT>>
        implements TwoInputStreamOperator<IN1, IN2, OUT>, Triggerable<K, VoidNamespace> {
    private static final long serialVersionUID = 1L;

    private transient ProcessInvocation<OUT> invocation;
    private transient ElementContext context;
    private transient TimerContext timerContext;

    public KeyedCoProcessOperator(KeyedCoProcessFunction<K, IN1, IN2, OUT> function) {
        super(function);
    }

    @Override
    public void open() throws Exception {
        super.open();
        if (getKeyedStateBackend() == null) {
            throw new IllegalStateException("KeyedCoProcessFunction in operator '"
                    + getOperatorContext().getOperatorName() + "' needs two keyed inputs: connect two KeyedStreams, "
                    + "or call keyBy(key1, key2) on the ConnectedStreams first.");
        }
        invocation = new ProcessInvocation<>(this, ProcessInvocation.userTimers(this,
                () -> getInternalTimerService(ProcessInvocation.USER_TIMERS, VoidNamespaceSerializer.INSTANCE, this)));
        context = new ElementContext(userFunction);
        timerContext = new TimerContext(userFunction);
    }

    @Override
    public void processElement1(StreamRecord<IN1> element) throws Exception {
        userFunction.processElement1(element.getValue(), context, invocation.startElement(element));
        invocation.endElement();
    }

    @Override
    public void processElement2(StreamRecord<IN2> element) throws Exception {
        userFunction.processElement2(element.getValue(), context, invocation.startElement(element));
        invocation.endElement();
    }

    @Override
    public void onEventTime(InternalTimer<K, VoidNamespace> timer) throws Exception {
        fire(timer, TimeDomain.EVENT_TIME);
    }

    @Override
    public void onProcessingTime(InternalTimer<K, VoidNamespace> timer) throws Exception {
        fire(timer, TimeDomain.PROCESSING_TIME);
    }

    private void fire(InternalTimer<K, VoidNamespace> timer, TimeDomain domain) throws Exception {
        userFunction.onTimer(timer.getTimestamp(), timerContext, invocation.startTimer(timer, domain));
        invocation.endTimer();
    }

    private final class ElementContext extends KeyedCoProcessFunction<K, IN1, IN2, OUT>.Context {
        ElementContext(KeyedCoProcessFunction<K, IN1, IN2, OUT> function) {
            function.super();
        }

        @Override
        public Long timestamp() {
            return invocation.elementTimestamp();
        }

        @Override
        public TimerService timerService() {
            return invocation.timerService();
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            invocation.output(outputTag, value, timestamp());
        }

        @Override
        @SuppressWarnings("unchecked")
        public K getCurrentKey() {
            return (K) KeyedCoProcessOperator.this.getCurrentKey();
        }
    }

    private final class TimerContext extends KeyedCoProcessFunction<K, IN1, IN2, OUT>.OnTimerContext {
        TimerContext(KeyedCoProcessFunction<K, IN1, IN2, OUT> function) {
            function.super();
        }

        @Override
        public Long timestamp() {
            return invocation.timerTimestamp();
        }

        @Override
        public TimerService timerService() {
            return invocation.timerService();
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            invocation.output(outputTag, value, timestamp());
        }

        @Override
        public TimeDomain timeDomain() {
            return invocation.timeDomain();
        }

        @Override
        public K getCurrentKey() {
            return invocation.timerKey();
        }
    }
}
