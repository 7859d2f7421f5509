package io.weir.api.types.serializers;

import io.weir.api.types.DataInputView;
import io.weir.api.types.DataOutputView;
import java.io.IOException;

/** Serializes {@code Boolean} values as one byte, 0 or 1. */
public final class BooleanSerializer extends ImmutableValueSerializer<Boolean> {
    private static final long serialVersionUID = 1L;

    public static final BooleanSerializer INSTANCE = new BooleanSerializer();

    @Override
    public Boolean createInstance() {
        return Boolean.FALSE;
    }

    @Override
    public int getLength() {
        return 1;
    }

    @Override
    public void serialize(Boolean record, DataOutputView target) throws IOException {
        target.writeBoolean(record);
    }

    @Override
    public Boolean deserialize(DataInputView source) throws IOException {
        return source.readBoolean();
    }
}
