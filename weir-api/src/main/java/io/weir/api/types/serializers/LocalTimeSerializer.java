package io.weir.api.types.serializers;

import io.weir.api.types.DataInputView;
import io.weir.api.types.DataOutputView;
import java.io.IOException;
import java.time.LocalTime;

/** Serializes {@link LocalTime} values as hour, minute and second bytes and the int nanosecond. */
public final class LocalTimeSerializer extends ImmutableValueSerializer<LocalTime> {
    private static final long serialVersionUID = 1L;

    public static final LocalTimeSerializer INSTANCE = new LocalTimeSerializer();

    @Override
    public LocalTime createInstance() {
        return LocalTime.MIDNIGHT;
    }

    @Override
    public int getLength() {
        return 7;
    }

    @Override
    public void serialize(LocalTime record, DataOutputView target) throws IOException {
        writeTime(record, target);
    }

    @Override
    public LocalTime deserialize(DataInputView source) throws IOException {
        return readTime(source);
    }

    static void writeTime(LocalTime time, DataOutputView target) throws IOException {
        target.writeByte(time.getHour());
        target.writeByte(time.getMinute());
        target.writeByte(time.getSecond());
        target.writeInt(time.getNano());
    }

    static LocalTime readTime(DataInputView source) throws IOException {
        int hour = source.readByte();
        int minute = source.readByte();
        int second = source.readByte();
        return LocalTime.of(hour, minute, second, source.readInt());
    }
}
