package io.weir.api.types.serializers;

import io.weir.api.types.DataInputView;
import io.weir.api.types.DataOutputView;
import java.io.IOException;
import java.sql.Time;

/**
 * Serializes {@link Time} values as their long epoch milliseconds; they are mutable, so copies are
 * new objects.
 */
public final class SqlTimeSerializer extends StatelessSerializer<Time> {
    private static final long serialVersionUID = 1L;

    public static final SqlTimeSerializer INSTANCE = new SqlTimeSerializer();

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public Time createInstance() {
        return new Time(0L);
    }

    @Override
    public Time copy(Time from) {
        return from == null ? null : new Time(from.getTime());
    }

    @Override
    public int getLength() {
        return 8;
    }

    @Override
    public void serialize(Time record, DataOutputView target) throws IOException {
        target.writeLong(record.getTime());
    }

    @Override
    public Time deserialize(DataInputView source) throws IOException {
        return new Time(source.readLong());
    }
}
