package io.weir.api.connector.source.lib;

import io.weir.api.connector.source.SimpleVersionedSerializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Serializes a collection of splits, such as the splits a {@link io.weir.api.connector.source.lib.util.IteratorSourceEnumerator} has not
 * assigned yet: their number, the split serializer's version, then each split's length and bytes.
 */
public final class SplitCollectionSerializer<SplitT> implements SimpleVersionedSerializer<Collection<SplitT>> {
    private final SimpleVersionedSerializer<SplitT> splitSerializer;

    public SplitCollectionSerializer(SimpleVersionedSerializer<SplitT> splitSerializer) {
        this.splitSerializer = splitSerializer;
    }

    @Override
    public int getVersion() {
        return 1;
    }

    @Override
    public byte[] serialize(Collection<SplitT> splits) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(splits.size());
            out.writeInt(splitSerializer.getVersion());
            for (SplitT split : splits) {
                byte[] serialized = splitSerializer.serialize(split);
                out.writeInt(serialized.length);
                out.write(serialized);
            }
        }
        return bytes.toByteArray();
    }

    @Override
    public Collection<SplitT> deserialize(int version, byte[] serialized) throws IOException {
        if (version != 1) {
            throw new IOException("Unknown split collection serializer version " + version);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
            int count = in.readInt();
            int splitVersion = in.readInt();
            List<SplitT> splits = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                byte[] split = new byte[in.readInt()];
                in.readFully(split);
                splits.add(splitSerializer.deserialize(splitVersion, split));
            }
            return splits;
        }
    }
}
