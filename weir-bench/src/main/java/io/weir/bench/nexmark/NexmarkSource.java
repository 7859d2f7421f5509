package io.weir.bench.nexmark;

import io.weir.api.connector.source.Boundedness;
import io.weir.api.connector.source.InputStatus;
import io.weir.api.connector.source.ReaderOutput;
import io.weir.api.connector.source.SimpleVersionedSerializer;
import io.weir.api.connector.source.Source;
import io.weir.api.connector.source.SourceOutput;
import io.weir.api.connector.source.SourceReader;
import io.weir.api.connector.source.SourceReaderContext;
import io.weir.api.connector.source.SplitEnumerator;
import io.weir.api.connector.source.SplitEnumeratorContext;
import io.weir.api.connector.source.lib.IndexedSourceReader;
import io.weir.api.connector.source.lib.NumberSequenceSplit;
import io.weir.api.connector.source.lib.NumberSequenceSplitSerializer;
import io.weir.api.connector.source.lib.SplitCollectionSerializer;
import io.weir.api.connector.source.lib.util.IteratorSourceEnumerator;
import io.weir.api.eventtime.Watermark;
import io.weir.api.types.ResultTypeQueryable;
import io.weir.api.types.TypeInformation;
import java.util.Collection;

/**
 * A bounded, parallel source of the Nexmark events {@code 0..events-1}. The index range is cut into
 * one contiguous split per reader; since an event depends only on its index, the stream is the
 * same multiset of events, each produced once, whatever the parallelism.
 *
 * <p>With {@code dropEvents} the readers generate every event and drop it inside the source task,
 * emitting nothing: the job then measures the generator's ceiling.
 */
public final class NexmarkSource
        implements Source<Event, NumberSequenceSplit, Collection<NumberSequenceSplit>>, ResultTypeQueryable<Event> {
    private static final long serialVersionUID = 1L;

    private final NexmarkConfig config;
    private final long events;
    private final boolean dropEvents;

    private NexmarkSource(NexmarkConfig config, long events, boolean dropEvents) {
        if (events < 0) {
            throw new IllegalArgumentException("The number of events must not be negative, got " + events);
        }
        this.config = config;
        this.events = events;
        this.dropEvents = dropEvents;
    }

    /** Emits events {@code 0..events-1}. */
    public static NexmarkSource of(NexmarkConfig config, long events) {
        return new NexmarkSource(config, events, false);
    }

    /** Generates events {@code 0..events-1} and drops them, emitting nothing. */
    public static NexmarkSource generateAndDrop(NexmarkConfig config, long events) {
        return new NexmarkSource(config, events, true);
    }

    @Override
    public TypeInformation<Event> getProducedType() {
        return EventTypeInfo.INSTANCE;
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public SplitEnumerator<NumberSequenceSplit, Collection<NumberSequenceSplit>> createEnumerator(
            SplitEnumeratorContext<NumberSequenceSplit> context) {
        return new IteratorSourceEnumerator<>(context, NumberSequenceSplit.divide(0, events - 1, context.currentParallelism()));
    }

    @Override
    public SourceReader<Event, NumberSequenceSplit> createReader(SourceReaderContext readerContext) {
        NexmarkGenerator generator = new NexmarkGenerator(config).prepare();
        return dropEvents ? new DroppingReader(readerContext, generator) : new Reader(readerContext, generator);
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

    private static class Reader extends IndexedSourceReader<Event> {
        private final NexmarkGenerator generator;

        Reader(SourceReaderContext context, NexmarkGenerator generator) {
            super(context, 0);
            this.generator = generator;
        }

        @Override
        protected Event record(long index) {
            return generator.event(index);
        }
    }

    /**
     * Gives the reading loop an output that keeps only the last event and a count. Storing the event
     * in a field makes it escape, so the JIT cannot skip making it.
     */
    private static final class DroppingReader extends Reader implements ReaderOutput<Event> {
        private Event last;
        private long dropped;

        DroppingReader(SourceReaderContext context, NexmarkGenerator generator) {
            super(context, generator);
        }

        @Override
        public InputStatus pollNext(ReaderOutput<Event> output) throws Exception {
            return super.pollNext(this);
        }

        @Override
        public void collect(Event event) {
            last = event;
            dropped++;
        }

        @Override
        public void collect(Event event, long timestamp) {
            collect(event);
        }

        @Override
        public SourceOutput<Event> createOutputForSplit(String splitId) {
            return this;
        }

        @Override
        public void releaseOutputForSplit(String splitId) {}

        @Override
        public void emitWatermark(Watermark watermark) {}

        @Override
        public void markIdle() {}

        @Override
        public void markActive() {}
    }
}
