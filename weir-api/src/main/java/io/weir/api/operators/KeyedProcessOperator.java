package io.weir.api.operators;

import io.weir.api.functions.KeyedProcessFunction;

/** Runs a {@link KeyedProcessFunction} on a keyed stream, with keyed state scoped to each element's key. */
public class KeyedProcessOperator<K, IN, OUT>
        extends AbstractUdfStreamOperator<OUT, KeyedProcessFunction<K, IN, OUT>>
        implements OneInputStreamOperator<IN, OUT> {
    private static final long serialVersionUID = 1L;

    private transient TimestampedCollector<OUT> collector;
    private transient ElementContext context;

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
        context = new ElementContext(userFunction);
    }

    @Override
    public void processElement(StreamRecord<IN> element) throws Exception {
        collector.setTimestamp(element);
        context.element = element;
        userFunction.processElement(element.getValue(), context, collector);
        context.element = null;
    }

    private final class ElementContext extends KeyedProcessFunction<K, IN, OUT>.Context {
        private StreamRecord<IN> element;

        ElementContext(KeyedProcessFunction<K, IN, OUT> function) {
            function.super();
        }

        @Override
        public Long timestamp() {
            return element != null && element.hasTimestamp() ? element.getTimestamp() : null;
        }

        @Override
        @SuppressWarnings("unchecked")
        public K getCurrentKey() {
            return (K) KeyedProcessOperator.this.getCurrentKey();
        }
    }
}
