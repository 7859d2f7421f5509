package io.weir.api.operators;

import io.weir.api.functions.KeyedCoProcessFunction;

/**
 * Runs a {@link KeyedCoProcessFunction} on two connected keyed streams: keyed state is scoped to
 * the key of the element being processed, whichever input it came from.
 */
public class KeyedCoProcessOperator<K, IN1, IN2, OUT>
        extends AbstractUdfStreamOperator<OUT, KeyedCoProcessFunction<K, IN1, IN2, OUT>>
        implements TwoInputStreamOperator<IN1, IN2, OUT> {
    private static final long serialVersionUID = 1L;

    private transient TimestampedCollector<OUT> collector;
    private transient ElementContext context;

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
        collector = new TimestampedCollector<>(output);
        context = new ElementContext(userFunction);
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

    private final class ElementContext extends KeyedCoProcessFunction<K, IN1, IN2, OUT>.Context {
        private StreamRecord<?> element;

        ElementContext(KeyedCoProcessFunction<K, IN1, IN2, OUT> function) {
            function.super();
        }

        @Override
        public Long timestamp() {
            return element != null && element.hasTimestamp() ? element.getTimestamp() : null;
        }

        @Override
        @SuppressWarnings("unchecked")
        public K getCurrentKey() {
            return (K) KeyedCoProcessOperator.this.getCurrentKey();
        }
    }
}
