package io.weir.runtime.source;

import io.weir.api.connector.source.SimpleVersionedSerializer;
import io.weir.api.connector.source.SourceSplit;
import java.io.IOException;
import java.util.ArrayList;
import io.weir.runtime.coordination.OperatorEvent;
import java.util.List;

/** The events between source readers and their split enumerator. */
final class SourceEvents {
    private SourceEvents() {}

    /** A reader started and wants splits. */
    record ReaderRegistration(String hostname) implements OperatorEvent {}

    /** A reader asks for a split. */
    record RequestSplit(String hostname) implements OperatorEvent {}

    /**
     * Splits for a reader, each written by the source's split serializer (version {@code version}):
     * events travel between processes, and splits need not be {@code Serializable}.
     */
    record AddSplits(int version, List<byte[]> splits) implements OperatorEvent {
        static <SplitT extends SourceSplit> AddSplits of(List<SplitT> splits, SimpleVersionedSerializer<SplitT> serializer)
                throws IOException {
            List<byte[]> serialized = new ArrayList<>(splits.size());
            for (SplitT split : splits) {
                serialized.add(serializer.serialize(split));
            }
            return new AddSplits(serializer.getVersion(), serialized);
        }

        <SplitT extends SourceSplit> List<SplitT> read(SimpleVersionedSerializer<SplitT> serializer) throws IOException {
            List<SplitT> read = new ArrayList<>(splits.size());
            for (byte[] split : splits) {
                read.add(serializer.deserialize(version, split));
            }
            return read;
        }
    }

    /** The reader will get no more splits. */
    record NoMoreSplits() implements OperatorEvent {}
}
