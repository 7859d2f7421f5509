package io.weir.api.operators;

import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.OutputTag;
import io.weir.api.functions.TimeDomain;
import io.weir.api.functions.TimerService;
import io.weir.api.operators.internal.ProcessInvocation;
import io.weir.api.state.VoidNamespace;
import io.weir.api.state.VoidNamespaceSerializer;

/**
 * Runs a {@link KeyedProcessFunction} on a keyed stream, with keyed state scoped to each element's
 * key, timers for that key, and side outputs.
 */
public class KeyedProcessOperator<K, IN, OUT>
        extends AbstractUdfStreamOperator<OUT, KeyedProcessFunction<K, IN, OUT>>
        implements OneInputStreamOperator<IN, OUT>, Triggerable<K, VoidNamespace> {
    private static final long serialVersionUID = 1L;

    private transient ProcessInvocation<OUT> invocation;
    private transient ElementContext context;
    private transient TimerContext timerContext;

    public KeyedProcessOperator(KeyedProcessFunction<K, IN, OUT> function) {
        super(function);
    }

    @Override
    public void open() throws Exception {
        super.open();
        if (getKeyedStateBackend() == null) {
            throw new IllegalStateException("KeyedProcessFunction in operator '"
                    + getOperatorContext().getOperatorName() + "' needs a keyed input: call keyBy(...) first.");
        }
        invocation = new ProcessInvocation<>(this, ProcessInvocation.userTimers(this,
                () -> getInternalTimerService(ProcessInvocation.USER_TIMERS, VoidNamespaceSerializer.INSTANCE, this)));
        context = new ElementContext(userFunction);
        timerContext = new TimerContext(userFunction);
    }

    @Override
    public void processElement(StreamRecord<IN> element) throws Exception {
        userFunction.processElement(element.getValue(), context, invocation.startElement(element));
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

    private final class ElementContext extends KeyedProcessFunction<K, IN, OUT>.Context {
        ElementContext(KeyedProcessFunction<K, IN, OUT> function) {
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
            return (K) KeyedProcessOperator.this.getCurrentKey();
        }
    }

    private final class TimerContext extends KeyedProcessFunction<K, IN, OUT>.OnTimerContext {
        TimerContext(KeyedProcessFunction<K, IN, OUT> function) {
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
