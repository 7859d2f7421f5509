package io.weir.tests.jobs;

import io.weir.api.connector.source.Boundedness;
import io.weir.api.connector.source.InputStatus;
import io.weir.api.connector.source.ReaderOutput;
import io.weir.api.connector.source.SimpleVersionedSerializer;
import io.weir.api.connector.source.Source;
import io.weir.api.connector.source.SourceOutput;
import io.weir.api.connector.source.SourceReader;
import io.weir.api.connector.source.SourceReaderContext;
import io.weir.api.connector.source.SourceSplit;
import io.weir.api.connector.source.SplitEnumerator;
import io.weir.api.connector.source.SplitEnumeratorContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * An unbounded source like a message queue whose partitions stop receiving data: reader 0 gets
 * a split with the longs {@code 0..count-1} and a split that never has data; the other readers get
 * nothing. After its data a reader keeps waiting forever, so the job ends only when cancelled and
 * event time advances only if idle splits and readers stop holding the watermark back.
 */
final class StallingSource implements Source<Long, StallingSource.Range, Void> {
    private static final long serialVersionUID = 1L;

    private final long count;

    StallingSource(long count) {
        this.count = count;
    }

    /** The longs {@code from..to}; empty when {@code to < from}. */
    record Range(String splitId, long from, long to) implements SourceSplit {}

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public SplitEnumerator<Range, Void> createEnumerator(SplitEnumeratorContext<Range> context) {
        return new SplitEnumerator<>() {
            @Override
            public void start() {}

            @Override
            public void handleSplitRequest(int subtaskId, String requesterHostname) {}

            @Override
            public void addSplitsBack(List<Range> splits, int subtaskId) {}

            @Override
            public void addReader(int subtaskId) {
                if (subtaskId == 0) {
                    context.assignSplit(new Range("data", 0, count - 1), 0);
                    context.assignSplit(new Range("silent", 0, -1), 0);
                }
            }

            @Override
            public Void snapshotState(long checkpointId) {
                return null;
            }

            @Override
            public void close() {}
        };
    }

    @Override
    public SplitEnumerator<Range, Void> restoreEnumerator(SplitEnumeratorContext<Range> context, Void checkpoint) {
        return createEnumerator(context);
    }

    @Override
    public SimpleVersionedSerializer<Void> getEnumeratorCheckpointSerializer() {
        return new SimpleVersionedSerializer<>() {
            @Override
            public int getVersion() {
                return 1;
            }

            @Override
            public byte[] serialize(Void checkpoint) {
                return new byte[0];
            }

            @Override
            public Void deserialize(int version, byte[] serialized) {
                return null;
            }
        };
    }

    @Override
    public SourceReader<Long, Range> createReader(SourceReaderContext readerContext) {
        return new SourceReader<>() {
            private final List<Range> splits = new ArrayList<>();
            private final List<Long> next = new ArrayList<>();
            private CompletableFuture<Void> available = new CompletableFuture<>();

            @Override
            public void start() {}

            @Override
            public InputStatus pollNext(ReaderOutput<Long> output) {
                boolean emitted = false;
                for (int i = 0; i < splits.size(); i++) {
                    Range split = splits.get(i);
                    SourceOutput<Long> splitOutput = output.createOutputForSplit(split.splitId());
                    long n = next.get(i);
                    for (int j = 0; j < 100 && n <= split.to(); j++, n++) {
                        splitOutput.collect(n);
                        emitted = true;
                    }
                    next.set(i, n);
                }
                if (emitted) {
                    return InputStatus.MORE_AVAILABLE;
                }
                available = new CompletableFuture<>(); // never completes: no more data will come
                return InputStatus.NOTHING_AVAILABLE;
            }

            @Override
            public CompletableFuture<Void> isAvailable() {
                return available;
            }

            @Override
            public void addSplits(List<Range> newSplits) {
                for (Range split : newSplits) {
                    splits.add(split);
                    next.add(split.from());
                }
                available.complete(null);
            }

            @Override
            public void notifyNoMoreSplits() {}

            @Override
            public List<Range> snapshotState(long checkpointId) {
                List<Range> state = new ArrayList<>();
                for (int i = 0; i < splits.size(); i++) {
                    if (next.get(i) <= splits.get(i).to()) {
                        state.add(new Range(splits.get(i).splitId(), next.get(i), splits.get(i).to()));
                    }
                }
                return state;
            }

            @Override
            public void close() {}
        };
    }

    @Override
    public SimpleVersionedSerializer<Range> getSplitSerializer() {
        return new SimpleVersionedSerializer<>() {
            @Override
            public int getVersion() {
                return 1;
            }

            @Override
            public byte[] serialize(Range split) throws IOException {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (DataOutputStream out = new DataOutputStream(bytes)) {
                    out.writeUTF(split.splitId());
                    out.writeLong(split.from());
                    out.writeLong(split.to());
                }
                return bytes.toByteArray();
            }

            @Override
            public Range deserialize(int version, byte[] serialized) throws IOException {
                try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
                    return new Range(in.readUTF(), in.readLong(), in.readLong());
                }
            }
        };
    }
}
