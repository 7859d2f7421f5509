package io.weir.runtime.sink;

import io.weir.api.connector.sink.Committer;
import io.weir.api.connector.sink.DiscardingSink;
import io.weir.api.connector.sink.CommitterInitContext;
import io.weir.api.connector.sink.CommittingSinkWriter;
import io.weir.api.connector.sink.Sink;
import io.weir.api.connector.sink.SinkWriter;
import io.weir.api.connector.sink.StatefulSinkWriter;
import io.weir.api.connector.sink.SupportsCommitter;
import io.weir.api.connector.sink.SupportsWriterState;
import io.weir.api.connector.sink.WriterInitContext;
import io.weir.api.connector.source.SimpleVersionedSerializer;
import io.weir.api.functions.TaskInfo;
import io.weir.api.operators.AbstractStreamOperator;
import io.weir.api.operators.BoundedOneInput;
import io.weir.api.operators.MailboxExecutor;
import io.weir.api.operators.OneInputStreamOperator;
import io.weir.api.operators.ProcessingTimeService;
import io.weir.api.operators.StreamRecord;
import io.weir.api.operators.Watermark;
import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.state.StateInitializationContext;
import io.weir.api.state.StateSnapshotContext;
import io.weir.api.types.DataInputDeserializer;
import io.weir.api.types.DataOutputSerializer;
import io.weir.api.types.PrimitiveArrayTypeInfo;
import io.weir.runtime.operators.CopyFreeInput;
import io.weir.runtime.task.RuntimeOperatorContext;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Runs a {@link Sink}'s writer: writes each element, flushes at each checkpoint and at the end of
 * the input.
 *
 * <h2>Two-phase commit</h2>
 * For a sink that {@link SupportsCommitter supports a committer}, the writer prepares committables
 * at each checkpoint; they are kept in this operator's state and committed when that checkpoint
 * completes ({@link #notifyCheckpointComplete}). A restored subtask first commits the committables
 * of the checkpoint it restored (which completed, but whose commit may not have happened). At the
 * end of a bounded input the writer prepares its last committables; with checkpointing enabled they
 * go into the next checkpoint and are committed when it completes (the task waits for the job's
 * final checkpoint), so that nothing written after the latest checkpoint is committed before a
 * failure elsewhere in the job could make it be written again; without checkpointing they are
 * committed at once. Writer state of a
 * {@link SupportsWriterState} sink goes into checkpoints too and is given back to the restored writer.
 */
public final class SinkWriterOperator<IN> extends AbstractStreamOperator<Object>
        implements OneInputStreamOperator<IN, Object>, BoundedOneInput, CopyFreeInput {
    private static final long serialVersionUID = 1L;

    private final Sink<IN> sink;
    private transient SinkWriter<IN> writer;
    private transient WriterContext context;
    private transient ListState<byte[]> writerState;
    private transient List<Object> recoveredWriterState;
    private transient ListState<byte[]> committableState;
    private transient PendingCommittables<Object> pending;
    private transient Committer<Object> committer;
    /** Prepared at the end of input, to be committed with the next checkpoint; {@code null} before and after. */
    private transient List<Object> finalCommittables;
    private transient boolean inputEnded;

    public SinkWriterOperator(Sink<IN> sink) {
        this.sink = sink;
    }

    /** The discarding sink drops each record at once; another sink may make the promise itself. */
    @Override
    public boolean acceptsSharedInput() {
        return sink.getClass() == DiscardingSink.class
                || sink instanceof CopyFreeInput copyFree && copyFree.acceptsSharedInput();
    }

    @Override
    @SuppressWarnings("unchecked")
    public void initializeState(StateInitializationContext stateContext) throws Exception {
        super.initializeState(stateContext);
        if (sink instanceof SupportsWriterState<?, ?> stateful) {
            writerState = stateContext.getOperatorStateStore().getListState(bytes("writer_states"));
            recoveredWriterState = new ArrayList<>();
            SimpleVersionedSerializer<Object> serializer =
                    (SimpleVersionedSerializer<Object>) stateful.getWriterStateSerializer();
            for (byte[] entry : writerState.get()) {
                recoveredWriterState.add(deserialize(serializer, entry));
            }
        }
        if (sink instanceof SupportsCommitter<?> committing) {
            committableState = stateContext.getOperatorStateStore().getListState(bytes("pending_committables"));
            pending = new PendingCommittables<>((SimpleVersionedSerializer<Object>) committing.getCommittableSerializer());
            pending.restore(committableState.get());
        }
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void open() throws Exception {
        super.open();
        context = new WriterContext();
        WriterInitContext initContext = new WriterInitContext() {
            @Override
            public TaskInfo getTaskInfo() {
                return getOperatorContext().getTaskInfo();
            }

            @Override
            public ClassLoader getUserCodeClassLoader() {
                return getOperatorContext().getUserCodeClassLoader();
            }

            @Override
            public ProcessingTimeService getProcessingTimeService() {
                return SinkWriterOperator.this.getProcessingTimeService();
            }

            @Override
            public MailboxExecutor getMailboxExecutor() {
                return getOperatorContext().getMailboxExecutor();
            }

            @Override
            public OptionalLong getRestoredCheckpointId() {
                return getOperatorContext().getRestoredCheckpointId();
            }
        };
        if (sink instanceof SupportsWriterState stateful && !recoveredWriterState.isEmpty()) {
            writer = stateful.restoreWriter(initContext, recoveredWriterState);
        } else {
            writer = sink.createWriter(initContext);
        }
        recoveredWriterState = null;
        if (sink instanceof SupportsCommitter<?> committing) {
            if (!(writer instanceof CommittingSinkWriter)) {
                throw new IllegalStateException("Sink " + sink.getClass().getName() + " supports a committer, but "
                        + "its writer " + writer.getClass().getName() + " is not a CommittingSinkWriter");
            }
            CommitterInitContext committerContext = () -> getOperatorContext().getTaskInfo();
            committer = (Committer<Object>) committing.createCommitter(committerContext);
            pending.commitUpTo(Long.MAX_VALUE, committer); // what the restored checkpoint had prepared
        }
    }

    @Override
    public void processElement(StreamRecord<IN> element) throws Exception {
        context.element = element;
        writer.write(element.getValue(), context);
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        context.watermark = mark.getTimestamp();
        writer.writeWatermark(new io.weir.api.eventtime.Watermark(mark.getTimestamp()));
    }

    /** Flushes the writer, prepares its committables and stores them and the writer's state. */
    @Override
    @SuppressWarnings("unchecked")
    public void snapshotState(StateSnapshotContext stateContext) throws Exception {
        super.snapshotState(stateContext);
        if (!inputEnded) {
            writer.flush(false);
        }
        if (pending != null) {
            if (!inputEnded) {
                pending.add(stateContext.getCheckpointId(), ((CommittingSinkWriter<IN, Object>) writer).prepareCommit());
            } else if (finalCommittables != null) {
                pending.add(stateContext.getCheckpointId(), finalCommittables);
                finalCommittables = null;
            }
            committableState.update(pending.snapshot());
        }
        if (writerState != null) {
            SimpleVersionedSerializer<Object> serializer = (SimpleVersionedSerializer<Object>)
                    ((SupportsWriterState<?, ?>) sink).getWriterStateSerializer();
            List<byte[]> entries = new ArrayList<>();
            for (Object state : ((StatefulSinkWriter<IN, Object>) writer).snapshotState(stateContext.getCheckpointId())) {
                entries.add(serialize(serializer, state));
            }
            writerState.update(entries);
        }
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        super.notifyCheckpointComplete(checkpointId);
        if (pending != null) {
            pending.commitUpTo(checkpointId, committer);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void endInput() throws Exception {
        writer.flush(true);
        inputEnded = true;
        if (pending == null) {
            return;
        }
        List<Object> last = new ArrayList<>(((CommittingSinkWriter<IN, Object>) writer).prepareCommit());
        if (getOperatorContext() instanceof RuntimeOperatorContext context && context.isCheckpointingEnabled()) {
            finalCommittables = last; // committed with the next checkpoint, which the task waits for
        } else {
            pending.add(Long.MAX_VALUE, last);
            pending.commitUpTo(Long.MAX_VALUE, committer);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            if (writer != null) {
                writer.close();
            }
            if (committer != null) {
                committer.close();
            }
        } finally {
            super.close();
        }
    }

    private static ListStateDescriptor<byte[]> bytes(String name) {
        return new ListStateDescriptor<>(name, PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO);
    }

    private static byte[] serialize(SimpleVersionedSerializer<Object> serializer, Object value) throws Exception {
        byte[] bytes = serializer.serialize(value);
        DataOutputSerializer out = new DataOutputSerializer(bytes.length + 4);
        out.writeInt(serializer.getVersion());
        out.write(bytes);
        return out.getCopyOfBuffer();
    }

    private static Object deserialize(SimpleVersionedSerializer<Object> serializer, byte[] entry) throws Exception {
        DataInputDeserializer in = new DataInputDeserializer(entry);
        int version = in.readInt();
        byte[] bytes = new byte[in.available()];
        in.readFully(bytes);
        return serializer.deserialize(version, bytes);
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
