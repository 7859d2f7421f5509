package io.weir.api.operators;

import io.weir.api.functions.OutputTag;
import io.weir.api.functions.ProcessFunction;
import io.weir.api.functions.TimeDomain;
import io.weir.api.functions.TimerService;
import io.weir.api.state.VoidNamespace;
import io.weir.api.state.VoidNamespaceSerializer;

/**
 * Runs a {@link ProcessFunction}, with side outputs. The clocks can always be read; timers work
 * only when the input is keyed, and otherwise fail with a message that says so.
 */
public class ProcessOperator<IN, OUT> extends AbstractUdfStreamOperator<OUT, ProcessFunction<IN, OUT>>
        implements OneInputStreamOperator<IN, OUT>, Triggerable<Object, VoidNamespace> {
    private static final long serialVersionUID = 1L;

    private transient TimestampedCollector<OUT> collector;
    private transient ElementContext context;
    private transient TimerContext timerContext;

    public ProcessOperator(ProcessFunction<IN, OUT> function) {
        super(function);
    }

    @Override
    public void open() throws Exception {
        super.open();
        collector = new TimestampedCollector<>(output);
        TimerService timerService = getKeyedStateBackend() == null ? new ClockOnlyTimerService(this)
                : new SimpleTimerService(getInternalTimerService("user-timers", VoidNamespaceSerializer.INSTANCE, this));
        context = new ElementContext(userFunction, timerService);
        timerContext = new TimerContext(userFunction, timerService);
    }

    @Override
    public void processElement(StreamRecord<IN> element) throws Exception {
        collector.setTimestamp(element);
        context.element = element;
        userFunction.processElement(element.getValue(), context, collector);
        context.element = null;
    }

    @Override
    public void onEventTime(InternalTimer<Object, VoidNamespace> timer) throws Exception {
        collector.setAbsoluteTimestamp(timer.getTimestamp());
        fire(timer.getTimestamp(), TimeDomain.EVENT_TIME);
    }

    @Override
    public void onProcessingTime(InternalTimer<Object, VoidNamespace> timer) throws Exception {
        collector.eraseTimestamp();
        fire(timer.getTimestamp(), TimeDomain.PROCESSING_TIME);
    }

    private void fire(long time, TimeDomain domain) throws Exception {
        timerContext.time = time;
        timerContext.domain = domain;
        userFunction.onTimer(time, timerContext, collector);
    }

    private <X> void sideOutput(OutputTag<X> tag, X value, Long timestamp) {
        if (tag == null) {
            throw new IllegalArgumentException("The OutputTag of a side output must not be null.");
        }
        output.collect(tag, timestamp == null ? new StreamRecord<>(value) : new StreamRecord<>(value, timestamp));
    }

    private final class ElementContext extends ProcessFunction<IN, OUT>.Context {
        private final TimerService timerService;
        private StreamRecord<IN> element;

        ElementContext(ProcessFunction<IN, OUT> function, TimerService timerService) {
            function.super();
            this.timerService = timerService;
        }

        @Override
        public Long timestamp() {
            return element != null && element.hasTimestamp() ? element.getTimestamp() : null;
        }

        @Override
        public TimerService timerService() {
            return timerService;
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            sideOutput(outputTag, value, timestamp());
        }
    }

    private final class TimerContext extends ProcessFunction<IN, OUT>.OnTimerContext {
        private final TimerService timerService;
        private long time;
        private TimeDomain domain;

        TimerContext(ProcessFunction<IN, OUT> function, TimerService timerService) {
            function.super();
            this.timerService = timerService;
        }

        @Override
        public Long timestamp() {
            return domain == TimeDomain.EVENT_TIME ? time : null;
        }

        @Override
        public TimerService timerService() {
            return timerService;
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            sideOutput(outputTag, value, timestamp());
        }

        @Override
        public TimeDomain timeDomain() {
            return domain;
        }
    }
}
