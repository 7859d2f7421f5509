package io.weir.api.types.serializers;

import io.weir.api.types.DataInputView;
import io.weir.api.types.DataOutputView;
import java.io.IOException;

/** Serializes {@code long[]}, including null; see {@link PrimitiveArraySerializer}. */
public final class LongArraySerializer extends PrimitiveArraySerializer<long[]> {
    private static final long serialVersionUID = 1L;

    public static final LongArraySerializer INSTANCE = new LongArraySerializer();

    @Override
    public long[] createInstance() {
        return new long[0];
    }

    @Override
    public long[] copy(long[] from) {
        return from == null ? null : from.clone();
    }

    @Override
    public void serialize(long[] record, DataOutputView target) throws IOException {
        if (record == null) {
            target.writeInt(NULL_LENGTH);
            return;
        }
        target.writeInt(record.length);
        for (long v : record) {
            target.writeLong(v);
        }
    }

    @Override
    public long[] deserialize(DataInputView source) throws IOException {
        int length = source.readInt();
        if (length == NULL_LENGTH) {
            return null;
        }
        long[] array = new long[length];
        for (int i = 0; i < length; i++) {
            array[i] = source.readLong();
        }
        return array;
    }
}
