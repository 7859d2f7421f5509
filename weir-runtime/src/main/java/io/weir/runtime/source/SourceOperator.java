package io.weir.runtime.source;

import io.weir.api.connector.source.InputStatus;
import io.weir.api.connector.source.ReaderOutput;
import io.weir.api.connector.source.Source;
import io.weir.api.connector.source.SourceReader;
import io.weir.api.connector.source.SourceReaderContext;
import io.weir.api.connector.source.SourceSplit;
import io.weir.api.functions.TaskInfo;
import io.weir.api.operators.AbstractStreamOperator;
import io.weir.api.operators.StreamRecord;
import io.weir.api.operators.Watermark;
import io.weir.runtime.coordination.OperatorEvent;
import io.weir.runtime.coordination.OperatorEventGateway;
import io.weir.runtime.coordination.OperatorEventHandler;
import io.weir.runtime.task.RuntimeOperatorContext;
import java.util.concurrent.CompletableFuture;

/**
 * Runs a {@link SourceReader} as the head of a source task: registers with the enumerator, takes
 * the splits it assigns, and emits what the reader produces. At the end of a bounded input it
 * emits the final watermark, so event time completes downstream.
 */
public final class SourceOperator<OUT, SplitT extends SourceSplit> extends AbstractStreamOperator<OUT>
        implements OperatorEventHandler {
    private static final long serialVersionUID = 1L;

    private final Source<OUT, SplitT, ?> source;
    private transient SourceReader<OUT, SplitT> reader;
    private transient OperatorEventGateway gateway;
    private transient Emitter emitter;

    public SourceOperator(Source<OUT, SplitT, ?> source) {
        this.source = source;
    }

    @Override
    public void open() throws Exception {
        super.open();
        gateway = ((RuntimeOperatorContext) getOperatorContext()).getOperatorEventGateway();
        emitter = new Emitter();
        reader = source.createReader(new ReaderContext());
        reader.start();
        gateway.sendEventToCoordinator(new SourceEvents.ReaderRegistration("localhost"));
    }

    /** Lets the reader emit; says whether more is available now. */
    public InputStatus emitNext() throws Exception {
        return reader.pollNext(emitter);
    }

    public CompletableFuture<Void> getAvailableFuture() {
        return reader.isAvailable();
    }

    @Override
    @SuppressWarnings("unchecked")
    public void handleOperatorEvent(OperatorEvent event) {
        if (event instanceof SourceEvents.AddSplits<?> add) {
            reader.addSplits((java.util.List<SplitT>) add.splits());
        } else if (event instanceof SourceEvents.NoMoreSplits) {
            reader.notifyNoMoreSplits();
        } else {
            throw new IllegalArgumentException("Unexpected event for a source reader: " + event);
        }
    }

    @Override
    public void finish() throws Exception {
        output.emitWatermark(Watermark.MAX_WATERMARK);
        super.finish();
    }

    @Override
    public void close() throws Exception {
        if (reader != null) {
            reader.close();
        }
        super.close();
    }

    /** The reader's output: wraps values into one reused record. */
    private final class Emitter implements ReaderOutput<OUT> {
        private final StreamRecord<OUT> record = new StreamRecord<>(null);

        @Override
        public void collect(OUT value) {
            record.replace(value);
            record.eraseTimestamp();
            output.collect(record);
        }

        @Override
        public void collect(OUT value, long timestamp) {
            output.collect(record.replace(value, timestamp));
        }
    }

    private final class ReaderContext implements SourceReaderContext {
        @Override
        public TaskInfo getTaskInfo() {
            return getOperatorContext().getTaskInfo();
        }

        @Override
        public void sendSplitRequest() {
            gateway.sendEventToCoordinator(new SourceEvents.RequestSplit("localhost"));
        }

        @Override
        public int currentParallelism() {
            return getOperatorContext().getTaskInfo().getNumberOfParallelSubtasks();
        }
    }
}
