package io.weir.api.types.serializers;

import io.weir.api.types.DataInputView;
import io.weir.api.types.DataOutputView;
import java.io.IOException;

/** Serializes {@code int[]}, including null; see {@link PrimitiveArraySerializer}. */
public final class IntArraySerializer extends PrimitiveArraySerializer<int[]> {
    private static final long serialVersionUID = 1L;

    public static final IntArraySerializer INSTANCE = new IntArraySerializer();

    @Override
    public int[] createInstance() {
        return new int[0];
    }

    @Override
    public int[] copy(int[] from) {
        return from == null ? null : from.clone();
    }

    @Override
    public void serialize(int[] record, DataOutputView target) throws IOException {
        if (record == null) {
            target.writeInt(NULL_LENGTH);
            return;
        }
        target.writeInt(record.length);
        for (int v : record) {
            target.writeInt(v);
        }
    }

    @Override
    public int[] deserialize(DataInputView source) throws IOException {
        int length = source.readInt();
        if (length == NULL_LENGTH) {
            return null;
        }
        int[] array = new int[length];
        for (int i = 0; i < length; i++) {
            array[i] = source.readInt();
        }
        return array;
    }
}
