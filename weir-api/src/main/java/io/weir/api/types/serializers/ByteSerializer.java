package io.weir.api.types.serializers;

import io.weir.api.types.DataInputView;
import io.weir.api.types.DataOutputView;
import java.io.IOException;

/** Serializes {@code Byte} values as one byte. */
public final class ByteSerializer extends ImmutableValueSerializer<Byte> {
    private static final long serialVersionUID = 1L;

    public static final ByteSerializer INSTANCE = new ByteSerializer();

    @Override
    public Byte createInstance() {
        return (byte) 0;
    }

    @Override
    public int getLength() {
        return 1;
    }

    @Override
    public void serialize(Byte record, DataOutputView target) throws IOException {
        target.writeByte(record);
    }

    @Override
    public Byte deserialize(DataInputView source) throws IOException {
        return source.readByte();
    }
}
