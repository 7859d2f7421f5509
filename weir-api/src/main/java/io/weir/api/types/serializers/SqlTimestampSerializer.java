package io.weir.api.types.serializers;

import io.weir.api.types.DataInputView;
import io.weir.api.types.DataOutputView;
import java.io.IOException;
import java.sql.Timestamp;

/**
 * Serializes {@link Timestamp}s as their long epoch milliseconds and int nanoseconds; they are
 * mutable, so copies are new objects.
 */
public final class SqlTimestampSerializer extends StatelessSerializer<Timestamp> {
    private static final long serialVersionUID = 1L;

    public static final SqlTimestampSerializer INSTANCE = new SqlTimestampSerializer();

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public Timestamp createInstance() {
        return new Timestamp(0L);
    }

    @Override
    public Timestamp copy(Timestamp from) {
        if (from == null) {
            return null;
        }
        Timestamp copy = new Timestamp(from.getTime());
        copy.setNanos(from.getNanos());
        return copy;
    }

    @Override
    public int getLength() {
        return 12;
    }

    @Override
    public void serialize(Timestamp record, DataOutputView target) throws IOException {
        target.writeLong(record.getTime());
        target.writeInt(record.getNanos());
    }

    @Override
    public Timestamp deserialize(DataInputView source) throws IOException {
        Timestamp timestamp = new Timestamp(source.readLong());
        timestamp.setNanos(source.readInt());
        return timestamp;
    }
}
