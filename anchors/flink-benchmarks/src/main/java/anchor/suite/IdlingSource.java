package anchor.suite;

import java.io.IOException;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.lib.util.IteratorSourceEnumerator;
import org.apache.flink.api.connector.source.lib.util.IteratorSourceSplit;
import org.apache.flink.core.io.InputStatus;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Twin of Weir's {@code IdlingSource} (flink-benchmarks' {@code IdlingSource} of
 * {@code multiInputChainedIdleSource}): a bounded FLIP-27 source without records whose readers say
 * "nothing available" until {@link #signalCanFinish()}, then end. Its enumerator has no splits.
 */
public final class IdlingSource implements Source<Integer, IdlingSource.NoSplit, Collection<IdlingSource.NoSplit>> {
    private static final long serialVersionUID = 1L;
    private static volatile CompletableFuture<Void> canFinish = new CompletableFuture<>();

    /** The split type (an iterator split, as Flink's {@code IteratorSourceEnumerator} wants); the enumerator never has one. */
    public static final class NoSplit implements IteratorSourceSplit<Integer, Iterator<Integer>> {
        @Override
        public String splitId() {
            return "none";
        }

        @Override
        public Iterator<Integer> getIterator() {
            return Collections.emptyIterator();
        }

        @Override
        public IteratorSourceSplit<Integer, Iterator<Integer>>
                getUpdatedSplitForIterator(Iterator<Integer> iterator) {
            return this;
        }
    }

    public static void signalCanFinish() {
        canFinish.complete(null);
    }

    public static void reset() {
        canFinish.completeExceptionally(new IllegalStateException("the idling source was reset for another job"));
        canFinish = new CompletableFuture<>();
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public SplitEnumerator<NoSplit, Collection<NoSplit>> createEnumerator(SplitEnumeratorContext<NoSplit> context) {
        return new IteratorSourceEnumerator<>(context, List.of());
    }

    @Override
    public SplitEnumerator<NoSplit, Collection<NoSplit>> restoreEnumerator(SplitEnumeratorContext<NoSplit> context,
            Collection<NoSplit> checkpoint) {
        return new IteratorSourceEnumerator<>(context, checkpoint);
    }

    @Override
    public SourceReader<Integer, NoSplit> createReader(SourceReaderContext readerContext) {
        CompletableFuture<Void> signal = canFinish;
        return new SourceReader<>() {
            @Override
            public void start() {}

            @Override
            public InputStatus pollNext(ReaderOutput<Integer> output) {
                if (signal.isDone() && !signal.isCompletedExceptionally()) {
                    return InputStatus.END_OF_INPUT;
                }
                return InputStatus.NOTHING_AVAILABLE;
            }

            @Override
            public CompletableFuture<Void> isAvailable() {
                return signal;
            }

            @Override
            public void addSplits(List<NoSplit> splits) {}

            @Override
            public void notifyNoMoreSplits() {}

            @Override
            public List<NoSplit> snapshotState(long checkpointId) {
                return List.of();
            }

            @Override
            public void close() {}
        };
    }

    @Override
    public SimpleVersionedSerializer<NoSplit> getSplitSerializer() {
        return new SimpleVersionedSerializer<>() {
            @Override
            public int getVersion() {
                return 1;
            }

            @Override
            public byte[] serialize(NoSplit split) {
                return new byte[0];
            }

            @Override
            public NoSplit deserialize(int version, byte[] serialized) {
                return new NoSplit();
            }
        };
    }

    @Override
    public SimpleVersionedSerializer<Collection<NoSplit>> getEnumeratorCheckpointSerializer() {
        return new SimpleVersionedSerializer<>() {
            @Override
            public int getVersion() {
                return 1;
            }

            @Override
            public byte[] serialize(Collection<NoSplit> splits) throws IOException {
                if (!splits.isEmpty()) {
                    throw new IOException("the idling source has no splits, got " + splits.size());
                }
                return new byte[0];
            }

            @Override
            public Collection<NoSplit> deserialize(int version, byte[] serialized) {
                return List.of();
            }
        };
    }
}
