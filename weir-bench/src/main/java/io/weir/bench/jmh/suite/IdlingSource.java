package io.weir.bench.jmh.suite;

import io.weir.api.connector.source.Boundedness;
import io.weir.api.connector.source.InputStatus;
import io.weir.api.connector.source.ReaderOutput;
import io.weir.api.connector.source.SimpleVersionedSerializer;
import io.weir.api.connector.source.Source;
import io.weir.api.connector.source.SourceReader;
import io.weir.api.connector.source.SourceReaderContext;
import io.weir.api.connector.source.SplitEnumerator;
import io.weir.api.connector.source.SplitEnumeratorContext;
import io.weir.api.connector.source.lib.NumberSequenceSplit;
import io.weir.api.connector.source.lib.NumberSequenceSplitSerializer;
import io.weir.api.connector.source.lib.SplitCollectionSerializer;
import io.weir.api.connector.source.lib.util.IteratorSourceEnumerator;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * flink-benchmarks' {@code IdlingSource} of {@code multiInputChainedIdleSource}: a bounded FLIP-27
 * source without records whose readers say "nothing available" until {@link #signalCanFinish()}
 * (called by the job's own counting operator once every record of the other input passed), then
 * end. Its enumerator has no splits. One static signal per JVM: {@link #reset()} before each job.
 */
public final class IdlingSource implements Source<Integer, NumberSequenceSplit, Collection<NumberSequenceSplit>> {
    private static final long serialVersionUID = 1L;
    private static volatile CompletableFuture<Void> canFinish = new CompletableFuture<>();

    /** Lets the readers end. */
    public static void signalCanFinish() {
        canFinish.complete(null);
    }

    /** A new signal for the next job; a reader of an earlier job still waiting fails. */
    public static void reset() {
        canFinish.completeExceptionally(new IllegalStateException("the idling source was reset for another job"));
        canFinish = new CompletableFuture<>();
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public SplitEnumerator<NumberSequenceSplit, Collection<NumberSequenceSplit>> createEnumerator(
            SplitEnumeratorContext<NumberSequenceSplit> context) {
        return new IteratorSourceEnumerator<>(context, List.of());
    }

    @Override
    public SplitEnumerator<NumberSequenceSplit, Collection<NumberSequenceSplit>> restoreEnumerator(
            SplitEnumeratorContext<NumberSequenceSplit> context, Collection<NumberSequenceSplit> checkpoint) {
        return new IteratorSourceEnumerator<>(context, checkpoint);
    }

    @Override
    public SourceReader<Integer, NumberSequenceSplit> createReader(SourceReaderContext readerContext) {
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
            public void addSplits(List<NumberSequenceSplit> splits) {}

            @Override
            public void notifyNoMoreSplits() {}

            @Override
            public List<NumberSequenceSplit> snapshotState(long checkpointId) {
                return List.of();
            }

            @Override
            public void close() {}
        };
    }

    @Override
    public SimpleVersionedSerializer<NumberSequenceSplit> getSplitSerializer() {
        return new NumberSequenceSplitSerializer();
    }

    @Override
    public SimpleVersionedSerializer<Collection<NumberSequenceSplit>> getEnumeratorCheckpointSerializer() {
        return new SplitCollectionSerializer<>(new NumberSequenceSplitSerializer());
    }
}
