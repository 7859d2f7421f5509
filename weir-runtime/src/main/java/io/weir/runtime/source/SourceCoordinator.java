package io.weir.runtime.source;

import io.weir.api.connector.source.SimpleVersionedSerializer;
import io.weir.api.connector.source.Source;
import io.weir.api.connector.source.SourceSplit;
import io.weir.api.connector.source.SplitEnumerator;
import io.weir.api.connector.source.SplitEnumeratorContext;
import io.weir.runtime.coordination.OperatorCoordinator;
import io.weir.runtime.coordination.OperatorEvent;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs a source's {@link SplitEnumerator} on the JobMaster and relays between it and the readers.
 *
 * <h2>Checkpoints</h2>
 * {@link #checkpointCoordinator} writes the enumerator's state with the source's enumerator
 * checkpoint serializer (version first); {@link #resetToCheckpoint} makes {@link #start} restore
 * the enumerator from such bytes instead of creating a fresh one. The splits assigned after a
 * checkpoint are remembered per reader until a later checkpoint completes, so that
 * {@link #subtaskReset} can hand the splits of a reader restored alone back to the enumerator
 * ({@link SplitEnumerator#addSplitsBack}).
 *
 * <p>Threading: all calls on the JobMaster's main thread.
 */
final class SourceCoordinator<SplitT extends SourceSplit, EnumChkT> implements OperatorCoordinator {
    private final Source<?, SplitT, EnumChkT> source;
    private final Context context;
    private final Map<Integer, String> readers = new TreeMap<>();
    /** Splits assigned per reader since the last checkpoint was taken. */
    private Map<Integer, List<SplitT>> assignedSinceLastCheckpoint = new HashMap<>();
    /** Splits assigned per reader before each taken checkpoint that is not yet known complete, by checkpoint. */
    private final TreeMap<Long, Map<Integer, List<SplitT>>> assignedBeforeCheckpoint = new TreeMap<>();
    private SplitEnumerator<SplitT, EnumChkT> enumerator;
    private byte[] restoredEnumerator;

    SourceCoordinator(Source<?, SplitT, EnumChkT> source, Context context) {
        this.source = source;
        this.context = context;
    }

    @Override
    public void start() throws Exception {
        if (restoredEnumerator == null) {
            enumerator = source.createEnumerator(new EnumeratorContext());
        } else {
            enumerator = source.restoreEnumerator(new EnumeratorContext(), deserialize(restoredEnumerator));
            restoredEnumerator = null;
        }
        enumerator.start();
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

    /** The enumerator's state: the serializer's version, then the serialized checkpoint. */
    @Override
    public byte[] checkpointCoordinator(long checkpointId) throws Exception {
        SimpleVersionedSerializer<EnumChkT> serializer = source.getEnumeratorCheckpointSerializer();
        byte[] state = serializer.serialize(enumerator.snapshotState(checkpointId));
        assignedBeforeCheckpoint.put(checkpointId, assignedSinceLastCheckpoint);
        assignedSinceLastCheckpoint = new HashMap<>();
        return ByteBuffer.allocate(4 + state.length).putInt(serializer.getVersion()).put(state).array();
    }

    @Override
    public void resetToCheckpoint(long checkpointId, byte[] checkpointData) throws Exception {
        if (enumerator != null) {
            enumerator.close();
            enumerator = null;
        }
        restoredEnumerator = checkpointData;
        assignedBeforeCheckpoint.clear();
        assignedSinceLastCheckpoint = new HashMap<>();
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        assignedBeforeCheckpoint.headMap(checkpointId, true).clear();
        enumerator.notifyCheckpointComplete(checkpointId);
    }

    /** Gives the enumerator back the splits it assigned to {@code subtask} after checkpoint {@code checkpointId}. */
    @Override
    public void subtaskReset(int subtask, long checkpointId) {
        List<SplitT> splits = new ArrayList<>();
        for (Map<Integer, List<SplitT>> assigned : assignedBeforeCheckpoint.tailMap(checkpointId, false).values()) {
            splits.addAll(assigned.getOrDefault(subtask, List.of()));
            assigned.remove(subtask);
        }
        splits.addAll(assignedSinceLastCheckpoint.getOrDefault(subtask, List.of()));
        assignedSinceLastCheckpoint.remove(subtask);
        readers.remove(subtask);
        if (!splits.isEmpty()) {
            enumerator.addSplitsBack(splits, subtask);
        }
    }

    private EnumChkT deserialize(byte[] data) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(data);
        int version = buffer.getInt();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return source.getEnumeratorCheckpointSerializer().deserialize(version, bytes);
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
            assignedSinceLastCheckpoint.computeIfAbsent(subtask, s -> new ArrayList<>()).add(split);
            SourceEvents.AddSplits event;
            try {
                event = SourceEvents.AddSplits.of(List.of(split), source.getSplitSerializer());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("Could not serialize split " + split + " for subtask " + subtask, e);
            }
            context.subtasks().sendEvent(subtask, event);
        }

        @Override
        public void signalNoMoreSplits(int subtask) {
            context.subtasks().sendEvent(subtask, new SourceEvents.NoMoreSplits());
        }
    }
}
