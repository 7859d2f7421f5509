package io.weir.runtime.sink;

import io.weir.api.connector.sink.Sink;
import io.weir.api.connector.sink.SinkWriter;
import io.weir.api.connector.sink.WriterInitContext;
import io.weir.api.functions.TaskInfo;
import io.weir.api.operators.AbstractStreamOperator;
import io.weir.api.operators.BoundedOneInput;
import io.weir.api.operators.OneInputStreamOperator;
import io.weir.api.operators.StreamRecord;
import io.weir.api.operators.Watermark;

/** Runs a {@link Sink}'s writer: writes each element, flushes at the end of the input. */
public final class SinkWriterOperator<IN> extends AbstractStreamOperator<Object>
        implements OneInputStreamOperator<IN, Object>, BoundedOneInput {
    private static final long serialVersionUID = 1L;

    private final Sink<IN> sink;
    private transient SinkWriter<IN> writer;
    private transient WriterContext context;

    public SinkWriterOperator(Sink<IN> sink) {
        this.sink = sink;
    }

    @Override
    public void open() throws Exception {
        super.open();
        context = new WriterContext();
        writer = sink.createWriter(new WriterInitContext() {
            @Override
            public TaskInfo getTaskInfo() {
                return getOperatorContext().getTaskInfo();
            }

            @Override
            public ClassLoader getUserCodeClassLoader() {
                return getOperatorContext().getUserCodeClassLoader();
            }
        });
    }

    @Override
    public void processElement(StreamRecord<IN> element) throws Exception {
        context.element = element;
        writer.write(element.getValue(), context);
    }

    @Override
    public void processWatermark(Watermark mark) {
        context.watermark = mark.getTimestamp();
    }

    @Override
    public void endInput() throws Exception {
        writer.flush(true);
    }

    @Override
    public void close() throws Exception {
        if (writer != null) {
            writer.close();
        }
        super.close();
    }

    private static final class WriterContext implements SinkWriter.Context {
        private StreamRecord<?> element;
        private long watermark = Long.MIN_VALUE;

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
