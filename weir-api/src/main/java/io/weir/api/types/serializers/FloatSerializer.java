package io.weir.api.types.serializers;

import io.weir.api.types.DataInputView;
import io.weir.api.types.DataOutputView;
import java.io.IOException;

/** Serializes {@code Float} values as their IEEE 754 bits, four bytes. */
public final class FloatSerializer extends ImmutableValueSerializer<Float> {
    private static final long serialVersionUID = 1L;

    public static final FloatSerializer INSTANCE = new FloatSerializer();

    @Override
    public Float createInstance() {
        return 0f;
    }

    @Override
    public int getLength() {
        return 4;
    }

    @Override
    public void serialize(Float record, DataOutputView target) throws IOException {
        target.writeFloat(record);
    }

    @Override
    public Float deserialize(DataInputView source) throws IOException {
        return source.readFloat();
    }
}
