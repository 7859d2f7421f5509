package io.weir.api.types.serializers;

import io.weir.api.types.DataInputView;
import io.weir.api.types.DataOutputView;
import java.io.IOException;

/** Serializes {@code float[]}, including null; see {@link PrimitiveArraySerializer}. */
public final class FloatArraySerializer extends PrimitiveArraySerializer<float[]> {
    private static final long serialVersionUID = 1L;

    public static final FloatArraySerializer INSTANCE = new FloatArraySerializer();

    @Override
    public float[] createInstance() {
        return new float[0];
    }

    @Override
    public float[] copy(float[] from) {
        return from == null ? null : from.clone();
    }

    @Override
    public void serialize(float[] record, DataOutputView target) throws IOException {
        if (record == null) {
            target.writeInt(NULL_LENGTH);
            return;
        }
        target.writeInt(record.length);
        for (float v : record) {
            target.writeFloat(v);
        }
    }

    @Override
    public float[] deserialize(DataInputView source) throws IOException {
        int length = source.readInt();
        if (length == NULL_LENGTH) {
            return null;
        }
        float[] array = new float[length];
        for (int i = 0; i < length; i++) {
            array[i] = source.readFloat();
        }
        return array;
    }
}
