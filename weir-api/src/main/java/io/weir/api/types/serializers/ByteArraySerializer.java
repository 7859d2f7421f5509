package io.weir.api.types.serializers;

import io.weir.api.types.DataInputView;
import io.weir.api.types.DataOutputView;
import java.io.IOException;

/** Serializes {@code byte[]}, including null; see {@link PrimitiveArraySerializer}. */
public final class ByteArraySerializer extends PrimitiveArraySerializer<byte[]> {
    private static final long serialVersionUID = 1L;

    public static final ByteArraySerializer INSTANCE = new ByteArraySerializer();

    @Override
    public byte[] createInstance() {
        return new byte[0];
    }

    @Override
    public byte[] copy(byte[] from) {
        return from == null ? null : from.clone();
    }

    @Override
    public void serialize(byte[] record, DataOutputView target) throws IOException {
        if (record == null) {
            target.writeInt(NULL_LENGTH);
            return;
        }
        target.writeInt(record.length);
        target.write(record);
    }

    @Override
    public byte[] deserialize(DataInputView source) throws IOException {
        int length = source.readInt();
        if (length == NULL_LENGTH) {
            return null;
        }
        byte[] array = new byte[length];
        source.readFully(array);
        return array;
    }
}
