package io.weir.api.operators;

import io.weir.api.functions.sink.SinkFunction;

/** The operator that runs a {@link SinkFunction}: calls it for each element and watermark, and finishes it at the end of the input. */
public class StreamSink<IN> extends AbstractUdfStreamOperator<Object, SinkFunction<IN>>
        implements OneInputStreamOperator<IN, Object> {
    private static final long serialVersionUID = 1L;

    private transient SinkContext context;

    public StreamSink(SinkFunction<IN> sinkFunction) {
        super(sinkFunction);
    }

    @Override
    public void open() throws Exception {
        super.open();
        context = new SinkContext();
    }

    @Override
    public void processElement(StreamRecord<IN> element) throws Exception {
        context.element = element;
        userFunction.invoke(element.getValue(), context);
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        context.watermark = mark.getTimestamp();
        userFunction.writeWatermark(mark);
    }

    @Override
    public void finish() throws Exception {
        super.finish();
        userFunction.finish();
    }

    private static final class SinkContext implements SinkFunction.Context {
        private StreamRecord<?> element;
        private long watermark = Long.MIN_VALUE;

        @Override
        public long currentProcessingTime() {
            return System.currentTimeMillis();
        }

        @Override
        public long currentWatermark() {
            return watermark;
        }

        @Override
        public Long timestamp() {
            return element != null && element.hasTimestamp() ? element.getTimestamp() : null;
        }
    }
}
