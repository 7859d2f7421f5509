package io.weir.api.types.serializers;

import io.weir.api.types.DataInputView;
import io.weir.api.types.DataOutputView;
import java.io.IOException;

/** Serializes {@code Double} values as their IEEE 754 bits, eight bytes. */
public final class DoubleSerializer extends ImmutableValueSerializer<Double> {
    private static final long serialVersionUID = 1L;

    public static final DoubleSerializer INSTANCE = new DoubleSerializer();

    @Override
    public Double createInstance() {
        return 0d;
    }

    @Override
    public int getLength() {
        return 8;
    }

    @Override
    public void serialize(Double record, DataOutputView target) throws IOException {
        target.writeDouble(record);
    }

    @Override
    public Double deserialize(DataInputView source) throws IOException {
        return source.readDouble();
    }
}
