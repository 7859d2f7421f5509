package io.weir.api.connector.source.lib;

import io.weir.api.connector.source.SimpleVersionedSerializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** Serializes {@link NumberSequenceSplit}s: id, from, to. */
public final class NumberSequenceSplitSerializer implements SimpleVersionedSerializer<NumberSequenceSplit> {
    @Override
    public int getVersion() {
        return 1;
    }

    @Override
    public byte[] serialize(NumberSequenceSplit split) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(split.splitId());
            out.writeLong(split.from());
            out.writeLong(split.to());
        }
        return bytes.toByteArray();
    }

    @Override
    public NumberSequenceSplit deserialize(int version, byte[] serialized) throws IOException {
        if (version != 1) {
            throw new IOException("Unknown NumberSequenceSplit serializer version " + version);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
            return new NumberSequenceSplit(in.readUTF(), in.readLong(), in.readLong());
        }
    }
}
