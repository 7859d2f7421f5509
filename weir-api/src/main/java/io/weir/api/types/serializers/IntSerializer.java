package io.weir.api.types.serializers;

import io.weir.api.types.DataInputView;
import io.weir.api.types.DataOutputView;
import java.io.IOException;

/** Serializes {@code Integer} values as four big-endian bytes. */
public final class IntSerializer extends ImmutableValueSerializer<Integer> {
    private static final long serialVersionUID = 1L;

    public static final IntSerializer INSTANCE = new IntSerializer();

    @Override
    public Integer createInstance() {
        return 0;
    }

    @Override
    public int getLength() {
        return 4;
    }

    @Override
    public void serialize(Integer record, DataOutputView target) throws IOException {
        target.writeInt(record);
    }

    @Override
    public Integer deserialize(DataInputView source) throws IOException {
        return source.readInt();
    }
}
