package io.weir.api.operators;

import io.weir.api.functions.CoProcessFunction;
import io.weir.api.functions.OutputTag;
import io.weir.api.functions.TimerService;

/**
 * Runs a {@link CoProcessFunction} on two connected, unkeyed streams, with side outputs. The
 * clocks can be read; timers need keyed connected streams and a {@code KeyedCoProcessOperator}.
 */
public class CoProcessOperator<IN1, IN2, OUT>
        extends AbstractUdfStreamOperator<OUT, CoProcessFunction<IN1, IN2, OUT>>
        implements TwoInputStreamOperator<IN1, IN2, OUT> {
    private static final long serialVersionUID = 1L;

    private transient TimestampedCollector<OUT> collector;
    private transient ElementContext context;

    public CoProcessOperator(CoProcessFunction<IN1, IN2, OUT> function) {
        super(function);
    }

    @Override
    public void open() throws Exception {
        super.open();
        collector = new TimestampedCollector<>(output);
        context = new ElementContext(userFunction, new ClockOnlyTimerService(this));
    }

    @Override
    public void processElement1(StreamRecord<IN1> element) throws Exception {
        collector.setTimestamp(element);
        context.element = element;
        userFunction.processElement1(element.getValue(), context, collector);
        context.element = null;
    }

    @Override
    public void processElement2(StreamRecord<IN2> element) throws Exception {
        collector.setTimestamp(element);
        context.element = element;
        userFunction.processElement2(element.getValue(), context, collector);
        context.element = null;
    }

    private final class ElementContext extends CoProcessFunction<IN1, IN2, OUT>.Context {
        private final TimerService timerService;
        private StreamRecord<?> element;

        ElementContext(CoProcessFunction<IN1, IN2, OUT> function, TimerService timerService) {
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
            if (outputTag == null) {
                throw new IllegalArgumentException("The OutputTag of a side output must not be null.");
            }
            Long timestamp = timestamp();
            output.collect(outputTag, timestamp == null ? new StreamRecord<>(value) : new StreamRecord<>(value, timestamp));
        }
    }
}
