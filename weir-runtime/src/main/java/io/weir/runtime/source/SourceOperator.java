package io.weir.runtime.source;

import io.weir.api.connector.source.InputStatus;
import io.weir.api.connector.source.ReaderOutput;
import io.weir.api.connector.source.SimpleVersionedSerializer;
import io.weir.api.connector.source.Source;
import io.weir.api.connector.source.SourceOutput;
import io.weir.api.connector.source.SourceReader;
import io.weir.api.connector.source.SourceReaderContext;
import io.weir.api.connector.source.SourceSplit;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.TaskInfo;
import io.weir.api.operators.AbstractStreamOperator;
import io.weir.api.operators.ProcessingTimeCallback;
import io.weir.api.operators.ProcessingTimeService;
import io.weir.api.operators.StreamRecord;
import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.state.StateInitializationContext;
import io.weir.api.state.StateSnapshotContext;
import io.weir.api.types.TypeInformation;
import io.weir.api.types.Types;
import io.weir.runtime.coordination.OperatorEvent;
import io.weir.runtime.coordination.OperatorEventGateway;
import io.weir.runtime.coordination.OperatorEventHandler;
import io.weir.runtime.operators.TimestampsOnlyStrategy;
import io.weir.runtime.operators.WatermarkToDataOutput;
import io.weir.runtime.task.RuntimeOperatorContext;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Runs a {@link SourceReader} as the head of a source task: registers with the enumerator, takes
 * the splits it assigns, and emits what the reader produces. Timestamps and watermarks follow the
 * source's {@link WatermarkStrategy}: one watermark generator per split, merged into the reader's
 * watermark (minimum over splits that are not idle), with periodic generators asked every
 * {@code autoWatermarkInterval} through the task's processing-time service. At the end of a
 * bounded input it emits the final watermark, so event time completes downstream. In BATCH mode
 * only the strategy's timestamps are used: no watermark before the final one.
 *
 * <p>Checkpoints: the reader's splits ({@link SourceReader#snapshotState}) go into operator list
 * state, each written with the source's split serializer, so that a restore, also at another
 * parallelism, hands every split to exactly one new reader, which continues where it was.
 */
public final class SourceOperator<OUT, SplitT extends SourceSplit> extends AbstractStreamOperator<OUT>
        implements OperatorEventHandler, ProcessingTimeCallback {
    private static final long serialVersionUID = 1L;
    /** The operator list state of the reader's splits (Flink's name for it). */
    static final String SPLITS_STATE = "SourceReaderState";

    private final Source<OUT, SplitT, ?> source;
    private final WatermarkStrategy<OUT> configuredStrategy;
    private transient WatermarkStrategy<OUT> watermarkStrategy;
    private transient SourceReader<OUT, SplitT> reader;
    private transient OperatorEventGateway gateway;
    private transient ReaderOutput<OUT> emitter;
    private transient SourceReaderOutput<OUT> watermarkingOutput;
    private transient WatermarkToDataOutput watermarkOutput;
    private transient long watermarkInterval;
    private transient ListState<byte[]> splitsState;
    private transient SimpleVersionedSerializer<SplitT> splitSerializer;

    public SourceOperator(Source<OUT, SplitT, ?> source, WatermarkStrategy<OUT> watermarkStrategy) {
        this.source = source;
        this.configuredStrategy = watermarkStrategy;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        splitSerializer = source.getSplitSerializer();
        splitsState = context.getOperatorStateStore().getListState(
                new ListStateDescriptor<>(SPLITS_STATE, (TypeInformation<byte[]>) Types.PRIMITIVE_ARRAY(Types.BYTE)));
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        List<byte[]> splits = new ArrayList<>();
        for (SplitT split : reader.snapshotState(context.getCheckpointId())) {
            byte[] bytes = splitSerializer.serialize(split);
            splits.add(ByteBuffer.allocate(4 + bytes.length).putInt(splitSerializer.getVersion()).put(bytes).array());
        }
        splitsState.update(splits);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        super.notifyCheckpointComplete(checkpointId);
        reader.notifyCheckpointComplete(checkpointId);
    }

    private List<SplitT> restoredSplits() throws Exception {
        List<SplitT> splits = new ArrayList<>();
        for (byte[] entry : splitsState.get()) {
            ByteBuffer buffer = ByteBuffer.wrap(entry);
            int version = buffer.getInt();
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            splits.add(splitSerializer.deserialize(version, bytes));
        }
        return splits;
    }

    @Override
    public void open() throws Exception {
        super.open();
        gateway = ((RuntimeOperatorContext) getOperatorContext()).getOperatorEventGateway();
        watermarkOutput = new WatermarkToDataOutput(output);
        watermarkStrategy = TimestampsOnlyStrategy.forMode(configuredStrategy, getOperatorContext().getExecutionConfig());
        if (watermarkStrategy == WatermarkStrategy.<OUT>noWatermarks()) {
            emitter = new Emitter();
        } else {
            ProcessingTimeService clock = getProcessingTimeService();
            watermarkingOutput = new SourceReaderOutput<>(output, watermarkOutput, watermarkStrategy,
                    clock::getCurrentProcessingTime);
            emitter = watermarkingOutput;
            watermarkInterval = getOperatorContext().getExecutionConfig().getAutoWatermarkInterval();
            if (watermarkInterval > 0 && watermarkStrategy.generatesWatermarks()) {
                clock.registerTimer(clock.getCurrentProcessingTime() + watermarkInterval, this);
            }
        }
        reader = source.createReader(new ReaderContext());
        reader.start();
        List<SplitT> restored = restoredSplits();
        if (!restored.isEmpty()) {
            reader.addSplits(restored);
        }
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
        if (event instanceof SourceEvents.AddSplits add) {
            try {
                reader.addSplits(add.read(splitSerializer));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("Could not read the splits assigned to a reader of " + source, e);
            }
        } else if (event instanceof SourceEvents.NoMoreSplits) {
            reader.notifyNoMoreSplits();
        } else {
            throw new IllegalArgumentException("Unexpected event for a source reader: " + event);
        }
    }

    @Override
    public void onProcessingTime(long time) throws Exception {
        watermarkingOutput.emitPeriodicWatermarks();
        ProcessingTimeService clock = getProcessingTimeService();
        clock.registerTimer(clock.getCurrentProcessingTime() + watermarkInterval, this);
    }

    /** The input ended: event time ends too (an idle source becomes active to say so). */
    @Override
    public void finish() throws Exception {
        watermarkOutput.emitWatermark(io.weir.api.eventtime.Watermark.MAX_WATERMARK);
        super.finish();
    }

    @Override
    public void close() throws Exception {
        if (reader != null) {
            reader.close();
        }
        super.close();
    }

    /**
     * The reader's output without a watermark strategy: wraps values into one reused record;
     * watermarks the reader emits itself are passed on.
     */
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

        @Override
        public SourceOutput<OUT> createOutputForSplit(String splitId) {
            return this;
        }

        @Override
        public void releaseOutputForSplit(String splitId) {}

        @Override
        public void emitWatermark(io.weir.api.eventtime.Watermark watermark) {
            watermarkOutput.emitWatermark(watermark);
        }

        @Override
        public void markIdle() {
            watermarkOutput.markIdle();
        }

        @Override
        public void markActive() {
            watermarkOutput.markActive();
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
