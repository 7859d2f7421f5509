package io.weir.api.types.serializers;

import io.weir.api.types.DataInputView;
import io.weir.api.types.DataOutputView;
import java.io.IOException;
import java.time.Instant;

/** Serializes {@link Instant} values as the long epoch second and the int nanosecond. */
public final class InstantSerializer extends ImmutableValueSerializer<Instant> {
    private static final long serialVersionUID = 1L;

    public static final InstantSerializer INSTANCE = new InstantSerializer();

    @Override
    public Instant createInstance() {
        return Instant.EPOCH;
    }

    @Override
    public int getLength() {
        return 12;
    }

    @Override
    public void serialize(Instant record, DataOutputView target) throws IOException {
        target.writeLong(record.getEpochSecond());
        target.writeInt(record.getNano());
    }

    @Override
    public Instant deserialize(DataInputView source) throws IOException {
        return Instant.ofEpochSecond(source.readLong(), source.readInt());
    }
}
