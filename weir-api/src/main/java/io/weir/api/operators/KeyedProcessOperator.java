package io.weir.api.operators;

import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.OutputTag;
import io.weir.api.functions.TimeDomain;
import io.weir.api.functions.TimerService;
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

    private transient TimestampedCollector<OUT> collector;
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
        collector = new TimestampedCollector<>(output);
        TimerService timerService = new SimpleTimerService(
                getInternalTimerService("user-timers", VoidNamespaceSerializer.INSTANCE, this));
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
    public void onEventTime(InternalTimer<K, VoidNamespace> timer) throws Exception {
        collector.setAbsoluteTimestamp(timer.getTimestamp());
        fire(timer, TimeDomain.EVENT_TIME);
    }

    @Override
    public void onProcessingTime(InternalTimer<K, VoidNamespace> timer) throws Exception {
        collector.eraseTimestamp();
        fire(timer, TimeDomain.PROCESSING_TIME);
    }

    private void fire(InternalTimer<K, VoidNamespace> timer, TimeDomain domain) throws Exception {
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

    private final class ElementContext extends KeyedProcessFunction<K, IN, OUT>.Context {
        private final TimerService timerService;
        private StreamRecord<IN> element;

        ElementContext(KeyedProcessFunction<K, IN, OUT> function, TimerService timerService) {
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

        @Override
        @SuppressWarnings("unchecked")
        public K getCurrentKey() {
            return (K) KeyedProcessOperator.this.getCurrentKey();
        }
    }

    private final class TimerContext extends KeyedProcessFunction<K, IN, OUT>.OnTimerContext {
        private final TimerService timerService;
        private InternalTimer<K, VoidNamespace> timer;
        private TimeDomain domain;

        TimerContext(KeyedProcessFunction<K, IN, OUT> function, TimerService timerService) {
            function.super();
            this.timerService = timerService;
        }

        /** The timer's time for event-time timers (like the records emitted); none for processing time. */
        @Override
        public Long timestamp() {
            return domain == TimeDomain.EVENT_TIME ? timer.getTimestamp() : null;
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

        @Override
        public K getCurrentKey() {
            return timer.getKey();
        }
    }
}
