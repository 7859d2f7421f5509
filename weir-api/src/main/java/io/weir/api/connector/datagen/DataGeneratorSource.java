package io.weir.api.connector.datagen;

import io.weir.api.connector.source.Boundedness;
import io.weir.api.connector.source.SimpleVersionedSerializer;
import io.weir.api.connector.source.Source;
import io.weir.api.connector.source.SourceReader;
import io.weir.api.connector.source.SourceReaderContext;
import io.weir.api.connector.source.SplitEnumerator;
import io.weir.api.connector.source.SplitEnumeratorContext;
import io.weir.api.connector.source.lib.IndexedSourceReader;
import io.weir.api.connector.source.lib.NumberSequenceSplit;
import io.weir.api.connector.source.lib.NumberSequenceSplitSerializer;
import io.weir.api.connector.source.lib.SplitCollectionSerializer;
import io.weir.api.connector.source.lib.util.IteratorSourceEnumerator;
import io.weir.api.types.ResultTypeQueryable;
import io.weir.api.types.TypeInformation;
import java.util.Collection;
import java.util.Objects;

/**
 * A parallel source that makes records from the indexes {@code 0..count-1} with a
 * {@link GeneratorFunction}, optionally at a limited rate. {@code Long.MAX_VALUE} as the count
 * makes it practically unbounded.
 */
public class DataGeneratorSource<OUT>
        implements Source<OUT, NumberSequenceSplit, Collection<NumberSequenceSplit>>, ResultTypeQueryable<OUT> {
    private static final long serialVersionUID = 1L;

    private final GeneratorFunction<Long, OUT> generator;
    private final long count;
    private final RateLimiterStrategy rateLimiter;
    private final TypeInformation<OUT> typeInfo;

    public DataGeneratorSource(GeneratorFunction<Long, OUT> generator, long count, TypeInformation<OUT> typeInfo) {
        this(generator, count, RateLimiterStrategy.noOp(), typeInfo);
    }

    public DataGeneratorSource(GeneratorFunction<Long, OUT> generator, long count,
            RateLimiterStrategy rateLimiter, TypeInformation<OUT> typeInfo) {
        if (count < 0) {
            throw new IllegalArgumentException("The number of records must not be negative, got " + count);
        }
        this.generator = Objects.requireNonNull(generator, "generator function");
        this.count = count;
        this.rateLimiter = Objects.requireNonNull(rateLimiter, "rate limiter");
        this.typeInfo = Objects.requireNonNull(typeInfo, "type information");
    }

    @Override
    public TypeInformation<OUT> getProducedType() {
        return typeInfo;
    }

    @Override
    public Boundedness getBoundedness() {
        return count == Long.MAX_VALUE ? Boundedness.CONTINUOUS_UNBOUNDED : Boundedness.BOUNDED;
    }

    @Override
    public SplitEnumerator<NumberSequenceSplit, Collection<NumberSequenceSplit>> createEnumerator(
            SplitEnumeratorContext<NumberSequenceSplit> context) {
        return new IteratorSourceEnumerator<>(context,
                NumberSequenceSplit.divide(0, count - 1, context.currentParallelism()));
    }

    @Override
    public SourceReader<OUT, NumberSequenceSplit> createReader(SourceReaderContext readerContext) throws Exception {
        generator.open(readerContext);
        int parallelism = readerContext.currentParallelism();
        return new IndexedSourceReader<>(readerContext, rateLimiter.perReader(parallelism),
                rateLimiter.perReaderPerCheckpoint(parallelism)) {
            @Override
            protected OUT record(long index) throws Exception {
                return generator.map(index);
            }

            @Override
            public void close() throws Exception {
                generator.close();
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
