package io.weir.api.types.serializers;

import io.weir.api.types.DataInputView;
import io.weir.api.types.DataOutputView;
import java.io.IOException;

/** Serializes {@code short[]}, including null; see {@link PrimitiveArraySerializer}. */
public final class ShortArraySerializer extends PrimitiveArraySerializer<short[]> {
    private static final long serialVersionUID = 1L;

    public static final ShortArraySerializer INSTANCE = new ShortArraySerializer();

    @Override
    public short[] createInstance() {
        return new short[0];
    }

    @Override
    public short[] copy(short[] from) {
        return from == null ? null : from.clone();
    }

    @Override
    public void serialize(short[] record, DataOutputView target) throws IOException {
        if (record == null) {
            target.writeInt(NULL_LENGTH);
            return;
        }
        target.writeInt(record.length);
        for (short v : record) {
            target.writeShort(v);
        }
    }

    @Override
    public short[] deserialize(DataInputView source) throws IOException {
        int length = source.readInt();
        if (length == NULL_LENGTH) {
            return null;
        }
        short[] array = new short[length];
        for (int i = 0; i < length; i++) {
            array[i] = source.readShort();
        }
        return array;
    }
}
