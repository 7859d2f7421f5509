package io.weir.api.types.serializers;

import io.weir.api.types.DataInputView;
import io.weir.api.types.DataOutputView;
import java.io.IOException;
import java.time.LocalDate;

/** Serializes {@link LocalDate} values as the int year, the month byte and the day byte. */
public final class LocalDateSerializer extends ImmutableValueSerializer<LocalDate> {
    private static final long serialVersionUID = 1L;

    public static final LocalDateSerializer INSTANCE = new LocalDateSerializer();

    @Override
    public LocalDate createInstance() {
        return LocalDate.EPOCH;
    }

    @Override
    public int getLength() {
        return 6;
    }

    @Override
    public void serialize(LocalDate record, DataOutputView target) throws IOException {
        writeDate(record, target);
    }

    @Override
    public LocalDate deserialize(DataInputView source) throws IOException {
        return readDate(source);
    }

    static void writeDate(LocalDate date, DataOutputView target) throws IOException {
        target.writeInt(date.getYear());
        target.writeByte(date.getMonthValue());
        target.writeByte(date.getDayOfMonth());
    }

    static LocalDate readDate(DataInputView source) throws IOException {
        int year = source.readInt();
        int month = source.readByte();
        return LocalDate.of(year, month, source.readByte());
    }
}
