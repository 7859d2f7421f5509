package io.weir.api.connector.source.lib;

import io.weir.api.connector.source.Boundedness;
import io.weir.api.connector.source.SimpleVersionedSerializer;
import io.weir.api.connector.source.Source;
import io.weir.api.connector.source.SourceReader;
import io.weir.api.connector.source.SourceReaderContext;
import io.weir.api.connector.source.SplitEnumerator;
import io.weir.api.connector.source.SplitEnumeratorContext;
import io.weir.api.connector.source.lib.util.IteratorSourceEnumerator;
import java.util.Collection;

/** A bounded, parallel source of the longs {@code from..to} (inclusive), split evenly over the readers. */
public class NumberSequenceSource implements Source<Long, NumberSequenceSplit, Collection<NumberSequenceSplit>> {
    private static final long serialVersionUID = 1L;

    private final long from;
    private final long to;

    public NumberSequenceSource(long from, long to) {
        if (from > to) {
            throw new IllegalArgumentException("fromSequence needs from <= to, got " + from + " > " + to);
        }
        this.from = from;
        this.to = to;
    }

    public long getFrom() {
        return from;
    }

    public long getTo() {
        return to;
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public SplitEnumerator<NumberSequenceSplit, Collection<NumberSequenceSplit>> createEnumerator(
            SplitEnumeratorContext<NumberSequenceSplit> context) {
        return new IteratorSourceEnumerator<>(context,
                NumberSequenceSplit.divide(from, to, context.currentParallelism()));
    }

    @Override
    public SourceReader<Long, NumberSequenceSplit> createReader(SourceReaderContext readerContext) {
        return new IndexedSourceReader<>(readerContext, 0) {
            @Override
            protected Long record(long index) {
                return index;
            }
        };
    }

    @Override
    public SimpleVersionedSerializer<NumberSequenceSplit> getSplitSerializer() {
        return new NumberSequenceSplitSerializer();
    }

    @Override
    public SplitEnumerator<NumberSequenceSplit, Collection<NumberSequenceSplit>> restoreEnumerator(
            SplitEnumeratorContext<NumberSequenceSplit> context, Collection<NumberSequenceSplit> checkpoint) {
        return new IteratorSourceEnumerator<>(context, checkpoint);
    }

    @Override
    public SimpleVersionedSerializer<Collection<NumberSequenceSplit>> getEnumeratorCheckpointSerializer() {
        return new SplitCollectionSerializer<>(new NumberSequenceSplitSerializer());
    }
}
