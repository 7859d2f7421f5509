package io.weir.api.connector.source.lib;

import io.weir.api.connector.source.SimpleVersionedSerializer;
import io.weir.api.connector.source.SourceSplit;
import io.weir.api.types.DataInputDeserializer;
import io.weir.api.types.DataOutputSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Serializes a collection of splits with their own serializer: the state of enumerators whose
 * checkpoint is the splits they have not handed out ({@link StaticSplitEnumerator}).
 */
public final class SplitsSerializer<SplitT extends SourceSplit> implements SimpleVersionedSerializer<Collection<SplitT>> {
    private static final int VERSION = 1;
    private final SimpleVersionedSerializer<SplitT> splitSerializer;

    public SplitsSerializer(SimpleVersionedSerializer<SplitT> splitSerializer) {
        this.splitSerializer = splitSerializer;
    }

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(Collection<SplitT> splits) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        out.writeInt(splitSerializer.getVersion());
        out.writeInt(splits.size());
        for (SplitT split : splits) {
            byte[] bytes = splitSerializer.serialize(split);
            out.writeInt(bytes.length);
            out.write(bytes);
        }
        return out.getCopyOfBuffer();
    }

    @Override
    public Collection<SplitT> deserialize(int version, byte[] serialized) throws IOException {
        if (version != VERSION) {
            throw new IOException("Unknown version " + version + " of a split collection (this Weir writes " + VERSION + ")");
        }
        DataInputDeserializer in = new DataInputDeserializer(serialized);
        int splitVersion = in.readInt();
        int count = in.readInt();
        List<SplitT> splits = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] bytes = new byte[in.readInt()];
            in.readFully(bytes);
            splits.add(splitSerializer.deserialize(splitVersion, bytes));
        }
        return splits;
    }
}
