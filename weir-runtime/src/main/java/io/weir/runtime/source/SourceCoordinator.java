package io.weir.runtime.source;

import io.weir.api.connector.source.SimpleVersionedSerializer;
import io.weir.api.connector.source.Source;
import io.weir.api.connector.source.SourceSplit;
import io.weir.api.connector.source.SplitEnumerator;
import io.weir.api.connector.source.SplitEnumeratorContext;
import io.weir.api.types.DataInputDeserializer;
import io.weir.api.types.DataOutputSerializer;
import io.weir.runtime.coordination.OperatorCoordinator;
import io.weir.runtime.coordination.OperatorEvent;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs a source's {@link SplitEnumerator} on the JobMaster and relays between it and the readers.
 *
 * <p>Threading: all calls on the JobMaster's main thread.
 */
final class SourceCoordinator<SplitT extends SourceSplit> implements OperatorCoordinator {
    private final Source<?, SplitT, ?> source;
    private final Context context;
    private final Map<Integer, String> readers = new TreeMap<>();
    private SplitEnumerator<SplitT, Object> enumerator;
    private byte[] restoredState;

    SourceCoordinator(Source<?, SplitT, ?> source, Context context) {
        this.source = source;
        this.context = context;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void start() throws Exception {
        if (restoredState == null) {
            enumerator = (SplitEnumerator<SplitT, Object>) source.createEnumerator(new EnumeratorContext());
        } else {
            SimpleVersionedSerializer<Object> serializer =
                    (SimpleVersionedSerializer<Object>) source.getEnumeratorCheckpointSerializer();
            DataInputDeserializer in = new DataInputDeserializer(restoredState);
            int version = in.readInt();
            byte[] bytes = new byte[in.available()];
            in.readFully(bytes);
            Source<?, SplitT, Object> typed = (Source<?, SplitT, Object>) source;
            enumerator = typed.restoreEnumerator(new EnumeratorContext(), serializer.deserialize(version, bytes));
        }
        enumerator.start();
    }

    /** The enumerator's state: its serializer's version, then its bytes. */
    @Override
    @SuppressWarnings("unchecked")
    public byte[] checkpointCoordinator(long checkpointId) throws Exception {
        SimpleVersionedSerializer<Object> serializer =
                (SimpleVersionedSerializer<Object>) source.getEnumeratorCheckpointSerializer();
        byte[] bytes = serializer.serialize(enumerator.snapshotState(checkpointId));
        DataOutputSerializer out = new DataOutputSerializer(bytes.length + 4);
        out.writeInt(serializer.getVersion());
        out.write(bytes);
        return out.getCopyOfBuffer();
    }

    /**
     * The job restarts from a checkpoint: the enumerator is closed and, at {@link #start()}, made
     * anew from the checkpoint's state (or from scratch without one). Readers register again.
     */
    @Override
    public void resetToCheckpoint(long checkpointId, byte[] checkpointData) throws Exception {
        close();
        enumerator = null;
        readers.clear();
        restoredState = checkpointData;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        try {
            enumerator.notifyCheckpointComplete(checkpointId);
        } catch (Exception e) {
            context.failJob(e);
        }
    }

    @Override
    public void handleEventFromOperator(int subtask, OperatorEvent event) {
        if (event instanceof SourceEvents.ReaderRegistration r) {
            readers.put(subtask, r.hostname());
            enumerator.addReader(subtask);
        } else if (event instanceof SourceEvents.RequestSplit r) {
            enumerator.handleSplitRequest(subtask, r.hostname());
        } else {
            throw new IllegalArgumentException("Unexpected event for a split enumerator: " + event);
        }
    }

    @Override
    public void close() throws Exception {
        if (enumerator != null) {
            enumerator.close();
        }
    }

    private final class EnumeratorContext implements SplitEnumeratorContext<SplitT> {
        @Override
        public int currentParallelism() {
            return context.currentParallelism();
        }

        @Override
        public Map<Integer, String> registeredReaders() {
            return Map.copyOf(readers);
        }

        @Override
        public void assignSplit(SplitT split, int subtask) {
            context.subtasks().sendEvent(subtask, new SourceEvents.AddSplits<>(List.of(split)));
        }

        @Override
        public void signalNoMoreSplits(int subtask) {
            context.subtasks().sendEvent(subtask, new SourceEvents.NoMoreSplits());
        }
    }
}
