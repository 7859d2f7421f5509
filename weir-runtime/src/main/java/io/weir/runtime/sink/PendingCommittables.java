package io.weir.runtime.sink;

import io.weir.api.connector.sink.Committer;
import io.weir.api.connector.source.SimpleVersionedSerializer;
import io.weir.api.types.DataInputDeserializer;
import io.weir.api.types.DataOutputSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The committables a sink subtask prepared and has not committed yet, by the checkpoint they were
 * prepared for. They go into every checkpoint, so a restored subtask commits those of the restored
 * checkpoint again (commits are idempotent); those of a checkpoint are committed once it completed.
 *
 * <p>Threading: used by the sink task's thread only.
 */
final class PendingCommittables<CommT> {
    private final SimpleVersionedSerializer<CommT> serializer;
    private final TreeMap<Long, List<Request<CommT>>> byCheckpoint = new TreeMap<>();

    PendingCommittables(SimpleVersionedSerializer<CommT> serializer) {
        this.serializer = serializer;
    }

    void add(long checkpointId, Collection<CommT> committables) {
        List<Request<CommT>> requests = byCheckpoint.computeIfAbsent(checkpointId, id -> new ArrayList<>());
        for (CommT committable : committables) {
            requests.add(new Request<>(committable));
        }
    }

    boolean isEmpty() {
        return byCheckpoint.isEmpty();
    }

    /**
     * Commits everything prepared for checkpoints up to {@code checkpointId}. Requests the committer
     * asks to retry stay for the next call; a failed request fails with its cause.
     */
    void commitUpTo(long checkpointId, Committer<CommT> committer) throws IOException, InterruptedException {
        Map<Long, List<Request<CommT>>> due = byCheckpoint.headMap(checkpointId, true);
        if (due.isEmpty()) {
            return;
        }
        List<Committer.CommitRequest<CommT>> requests = new ArrayList<>();
        due.values().forEach(requests::addAll);
        for (Committer.CommitRequest<CommT> request : requests) {
            ((Request<CommT>) request).outcome = Outcome.COMMITTED;
        }
        committer.commit(requests);
        List<Request<CommT>> retry = new ArrayList<>();
        for (Committer.CommitRequest<CommT> r : requests) {
            Request<CommT> request = (Request<CommT>) r;
            switch (request.outcome) {
                case FAILED -> throw new IOException("Committing " + request.committable + " failed: "
                        + request.failure.getMessage(), request.failure);
                case RETRY -> {
                    request.retries++;
                    retry.add(request);
                }
                default -> { }
            }
        }
        due.clear();
        if (!retry.isEmpty()) {
            byCheckpoint.computeIfAbsent(checkpointId, id -> new ArrayList<>()).addAll(retry);
        }
    }

    /** The pending committables as checkpoint entries: checkpoint id, serializer version, bytes. */
    List<byte[]> snapshot() throws IOException {
        List<byte[]> entries = new ArrayList<>();
        for (Map.Entry<Long, List<Request<CommT>>> e : byCheckpoint.entrySet()) {
            for (Request<CommT> request : e.getValue()) {
                byte[] bytes = serializer.serialize(request.committable);
                DataOutputSerializer out = new DataOutputSerializer(bytes.length + 12);
                out.writeLong(e.getKey());
                out.writeInt(serializer.getVersion());
                out.write(bytes);
                entries.add(out.getCopyOfBuffer());
            }
        }
        return entries;
    }

    void restore(Iterable<byte[]> entries) throws IOException {
        for (byte[] entry : entries) {
            DataInputDeserializer in = new DataInputDeserializer(entry);
            long checkpointId = in.readLong();
            int version = in.readInt();
            byte[] bytes = new byte[in.available()];
            in.readFully(bytes);
            add(checkpointId, List.of(serializer.deserialize(version, bytes)));
        }
    }

    private enum Outcome { COMMITTED, RETRY, FAILED }

    private static final class Request<CommT> implements Committer.CommitRequest<CommT> {
        private CommT committable;
        private int retries;
        private Outcome outcome = Outcome.COMMITTED;
        private Throwable failure;

        Request(CommT committable) {
            this.committable = committable;
        }

        @Override
        public CommT getCommittable() {
            return committable;
        }

        @Override
        public int getNumberOfRetries() {
            return retries;
        }

        @Override
        public void signalFailedWithKnownReason(Throwable t) {
            outcome = Outcome.FAILED;
            failure = t;
        }

        @Override
        public void signalFailedWithUnknownReason(Throwable t) {
            outcome = Outcome.FAILED;
            failure = t;
        }

        @Override
        public void retryLater() {
            outcome = Outcome.RETRY;
        }

        @Override
        public void updateAndRetryLater(CommT updated) {
            committable = updated;
            outcome = Outcome.RETRY;
        }

        @Override
        public void signalAlreadyCommitted() {
            outcome = Outcome.COMMITTED;
        }
    }
}
