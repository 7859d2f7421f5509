package io.weir.api.types.serializers;

import io.weir.api.types.DataInputView;
import io.weir.api.types.DataOutputView;
import java.io.IOException;

/** Serializes {@code Long} values as eight big-endian bytes. */
public final class LongSerializer extends ImmutableValueSerializer<Long> {
    private static final long serialVersionUID = 1L;

    public static final LongSerializer INSTANCE = new LongSerializer();

    @Override
    public Long createInstance() {
        return 0L;
    }

    @Override
    public int getLength() {
        return 8;
    }

    @Override
    public void serialize(Long record, DataOutputView target) throws IOException {
        target.writeLong(record);
    }

    @Override
    public Long deserialize(DataInputView source) throws IOException {
        return source.readLong();
    }
}
