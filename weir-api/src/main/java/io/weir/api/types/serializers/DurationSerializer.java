package io.weir.api.types.serializers;

import io.weir.api.types.DataInputView;
import io.weir.api.types.DataOutputView;
import java.io.IOException;
import java.time.Duration;

/** Serializes {@link Duration} values as the long seconds and the int nanosecond adjustment. */
public final class DurationSerializer extends ImmutableValueSerializer<Duration> {
    private static final long serialVersionUID = 1L;

    public static final DurationSerializer INSTANCE = new DurationSerializer();

    @Override
    public Duration createInstance() {
        return Duration.ZERO;
    }

    @Override
    public int getLength() {
        return 12;
    }

    @Override
    public void serialize(Duration record, DataOutputView target) throws IOException {
        target.writeLong(record.getSeconds());
        target.writeInt(record.getNano());
    }

    @Override
    public Duration deserialize(DataInputView source) throws IOException {
        return Duration.ofSeconds(source.readLong(), source.readInt());
    }
}
