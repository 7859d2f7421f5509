package io.weir.api.types.serializers;

import io.weir.api.types.DataInputView;
import io.weir.api.types.DataOutputView;
import java.io.IOException;

/** Serializes {@code Short} values as two big-endian bytes. */
public final class ShortSerializer extends ImmutableValueSerializer<Short> {
    private static final long serialVersionUID = 1L;

    public static final ShortSerializer INSTANCE = new ShortSerializer();

    @Override
    public Short createInstance() {
        return (short) 0;
    }

    @Override
    public int getLength() {
        return 2;
    }

    @Override
    public void serialize(Short record, DataOutputView target) throws IOException {
        target.writeShort(record);
    }

    @Override
    public Short deserialize(DataInputView source) throws IOException {
        return source.readShort();
    }
}
