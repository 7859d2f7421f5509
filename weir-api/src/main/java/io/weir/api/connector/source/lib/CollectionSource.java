package io.weir.api.connector.source.lib;

import io.weir.api.connector.source.Boundedness;
import io.weir.api.connector.source.SimpleVersionedSerializer;
import io.weir.api.connector.source.Source;
import io.weir.api.connector.source.SourceReader;
import io.weir.api.connector.source.SourceReaderContext;
import io.weir.api.connector.source.SplitEnumerator;
import io.weir.api.connector.source.SplitEnumeratorContext;
import io.weir.api.connector.source.lib.util.IteratorSourceEnumerator;
import io.weir.api.types.DataInputDeserializer;
import io.weir.api.types.DataOutputSerializer;
import io.weir.api.types.SerializerConfig;
import io.weir.api.types.TypeInformation;
import io.weir.api.types.TypeSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A bounded source of given elements, emitted in order by one reader. The elements are stored
 * serialized with their type's serializer, so they need not be {@link java.io.Serializable}.
 */
public class CollectionSource<T> implements Source<T, NumberSequenceSplit, Collection<NumberSequenceSplit>> {
    private static final long serialVersionUID = 1L;

    private final TypeSerializer<T> serializer;
    private final byte[] elements;
    private final int count;

    public CollectionSource(Collection<T> elements, TypeInformation<T> type, SerializerConfig config) {
        this.serializer = type.createSerializer(config);
        this.count = elements.size();
        DataOutputSerializer out = new DataOutputSerializer(256);
        try {
            for (T element : elements) {
                if (element == null) {
                    throw new IllegalArgumentException("The collection contains a null element; sources cannot emit null.");
                }
                serializer.serialize(element, out);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("Could not serialize the elements with " + serializer, e);
        }
        this.elements = out.getCopyOfBuffer();
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public SplitEnumerator<NumberSequenceSplit, Collection<NumberSequenceSplit>> createEnumerator(
            SplitEnumeratorContext<NumberSequenceSplit> context) {
        return new IteratorSourceEnumerator<>(context, NumberSequenceSplit.divide(0, count - 1, 1));
    }

    @Override
    public SourceReader<T, NumberSequenceSplit> createReader(SourceReaderContext readerContext) throws IOException {
        List<T> values = new ArrayList<>(count);
        DataInputDeserializer in = new DataInputDeserializer();
        in.setBuffer(elements, 0, elements.length);
        for (int i = 0; i < count; i++) {
            values.add(serializer.deserialize(in));
        }
        return new IndexedSourceReader<>(readerContext, 0) {
            @Override
            protected T record(long index) {
                return values.get((int) index);
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
