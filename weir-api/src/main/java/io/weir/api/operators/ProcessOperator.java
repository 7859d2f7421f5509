package io.weir.api.operators;

import io.weir.api.functions.OutputTag;
import io.weir.api.functions.ProcessFunction;
import io.weir.api.functions.TimeDomain;
import io.weir.api.functions.TimerService;
import io.weir.api.operators.internal.ProcessInvocation;
import io.weir.api.state.VoidNamespace;
import io.weir.api.state.VoidNamespaceSerializer;

/**
 * Runs a {@link ProcessFunction}, with side outputs. The clocks can always be read; timers work
 * only when the input is keyed, and otherwise fail with a message that says so.
 */
public class ProcessOperator<IN, OUT> extends AbstractUdfStreamOperator<OUT, ProcessFunction<IN, OUT>>
        implements OneInputStreamOperator<IN, OUT>, Triggerable<Object, VoidNamespace> {
    private static final long serialVersionUID = 1L;

    private transient ProcessInvocation<OUT> invocation;
    private transient ElementContext context;
    private transient TimerContext timerContext;

    public ProcessOperator(ProcessFunction<IN, OUT> function) {
        super(function);
    }

    @Override
    public void open() throws Exception {
        super.open();
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
    public void onEventTime(InternalTimer<Object, VoidNamespace> timer) throws Exception {
        fire(timer, TimeDomain.EVENT_TIME);
    }

    @Override
    public void onProcessingTime(InternalTimer<Object, VoidNamespace> timer) throws Exception {
        fire(timer, TimeDomain.PROCESSING_TIME);
    }

    private void fire(InternalTimer<Object, VoidNamespace> timer, TimeDomain domain) throws Exception {
        userFunction.onTimer(timer.getTimestamp(), timerContext, invocation.startTimer(timer, domain));
        invocation.endTimer();
    }

    private final class ElementContext extends ProcessFunction<IN, OUT>.Context {
        ElementContext(ProcessFunction<IN, OUT> function) {
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
    }

    private final class TimerContext extends ProcessFunction<IN, OUT>.OnTimerContext {
        TimerContext(ProcessFunction<IN, OUT> function) {
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
    }
}
