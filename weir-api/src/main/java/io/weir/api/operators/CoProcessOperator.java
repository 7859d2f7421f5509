package io.weir.api.operators;

import io.weir.api.functions.CoProcessFunction;
import io.weir.api.functions.OutputTag;
import io.weir.api.functions.TimeDomain;
import io.weir.api.functions.TimerService;
import io.weir.api.operators.internal.ProcessInvocation;
import io.weir.api.state.VoidNamespace;
import io.weir.api.state.VoidNamespaceSerializer;

/**
 * Runs a {@link CoProcessFunction}, with side outputs. The clocks can always be read; timers work
 * only when the connected streams are keyed (as for a {@code ProcessFunction}), and otherwise fail
 * with a message that says so. On keyed streams a {@code KeyedCoProcessFunction} also sees the key.
 */
public class CoProcessOperator<IN1, IN2, OUT>
        extends AbstractUdfStreamOperator<OUT, CoProcessFunction<IN1, IN2, OUT>>
        implements TwoInputStreamOperator<IN1, IN2, OUT>, Triggerable<Object, VoidNamespace> {
    private static final long serialVersionUID = 1L;

    private transient ProcessInvocation<OUT> invocation;
    private transient ElementContext context;
    private transient TimerContext timerContext;

    public CoProcessOperator(CoProcessFunction<IN1, IN2, OUT> function) {
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

    private final class ElementContext extends CoProcessFunction<IN1, IN2, OUT>.Context {
        ElementContext(CoProcessFunction<IN1, IN2, OUT> function) {
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

    private final class TimerContext extends CoProcessFunction<IN1, IN2, OUT>.OnTimerContext {
        TimerContext(CoProcessFunction<IN1, IN2, OUT> function) {
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
