package io.weir.api.types.serializers;

import io.weir.api.types.DataInputView;
import io.weir.api.types.DataOutputView;
import java.io.IOException;

/** Serializes the only {@link Void} value, null, as one zero byte so that it still occupies a record. */
public final class VoidSerializer extends ImmutableValueSerializer<Void> {
    private static final long serialVersionUID = 1L;

    public static final VoidSerializer INSTANCE = new VoidSerializer();

    @Override
    public Void createInstance() {
        return null;
    }

    @Override
    public int getLength() {
        return 1;
    }

    @Override
    public void serialize(Void record, DataOutputView target) throws IOException {
        target.writeByte(0);
    }

    @Override
    public Void deserialize(DataInputView source) throws IOException {
        source.readByte();
        return null;
    }
}
