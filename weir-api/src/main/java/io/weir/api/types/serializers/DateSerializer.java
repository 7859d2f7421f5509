package io.weir.api.types.serializers;

import io.weir.api.types.DataInputView;
import io.weir.api.types.DataOutputView;
import java.io.IOException;
import java.util.Date;

/**
 * Serializes {@link Date} values as their long epoch milliseconds; they are mutable, so copies are
 * new objects.
 */
public final class DateSerializer extends StatelessSerializer<Date> {
    private static final long serialVersionUID = 1L;

    public static final DateSerializer INSTANCE = new DateSerializer();

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public Date createInstance() {
        return new Date(0L);
    }

    @Override
    public Date copy(Date from) {
        return from == null ? null : new Date(from.getTime());
    }

    @Override
    public int getLength() {
        return 8;
    }

    @Override
    public void serialize(Date record, DataOutputView target) throws IOException {
        target.writeLong(record.getTime());
    }

    @Override
    public Date deserialize(DataInputView source) throws IOException {
        return new Date(source.readLong());
    }
}
