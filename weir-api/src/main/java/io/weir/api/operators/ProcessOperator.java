package io.weir.api.operators;

import io.weir.api.functions.ProcessFunction;

/** Runs a {@link ProcessFunction}. */
public class ProcessOperator<IN, OUT> extends AbstractUdfStreamOperator<OUT, ProcessFunction<IN, OUT>>
        implements OneInputStreamOperator<IN, OUT> {
    private static final long serialVersionUID = 1L;

    private transient TimestampedCollector<OUT> collector;
    private transient ElementContext context;

    public ProcessOperator(ProcessFunction<IN, OUT> function) {
        super(function);
    }

    @Override
    public void open() throws Exception {
        super.open();
        collector = new TimestampedCollector<>(output);
        context = new ElementContext(userFunction);
    }

    @Override
    public void processElement(StreamRecord<IN> element) throws Exception {
        collector.setTimestamp(element);
        context.element = element;
        userFunction.processElement(element.getValue(), context, collector);
        context.element = null;
    }

    private final class ElementContext extends ProcessFunction<IN, OUT>.Context {
        private StreamRecord<IN> element;

        ElementContext(ProcessFunction<IN, OUT> function) {
            function.super();
        }

        @Override
        public Long timestamp() {
            return element != null && element.hasTimestamp() ? element.getTimestamp() : null;
        }
    }
}
