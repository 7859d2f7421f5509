package io.weir.api.types.serializers;

import io.weir.api.types.DataInputView;
import io.weir.api.types.DataOutputView;
import java.io.IOException;

/** Serializes {@code boolean[]}, including null; see {@link PrimitiveArraySerializer}. */
public final class BooleanArraySerializer extends PrimitiveArraySerializer<boolean[]> {
    private static final long serialVersionUID = 1L;

    public static final BooleanArraySerializer INSTANCE = new BooleanArraySerializer();

    @Override
    public boolean[] createInstance() {
        return new boolean[0];
    }

    @Override
    public boolean[] copy(boolean[] from) {
        return from == null ? null : from.clone();
    }

    @Override
    public void serialize(boolean[] record, DataOutputView target) throws IOException {
        if (record == null) {
            target.writeInt(NULL_LENGTH);
            return;
        }
        target.writeInt(record.length);
        for (boolean v : record) {
            target.writeBoolean(v);
        }
    }

    @Override
    public boolean[] deserialize(DataInputView source) throws IOException {
        int length = source.readInt();
        if (length == NULL_LENGTH) {
            return null;
        }
        boolean[] array = new boolean[length];
        for (int i = 0; i < length; i++) {
            array[i] = source.readBoolean();
        }
        return array;
    }
}
