package io.weir.api.types.serializers;

import io.weir.api.types.DataInputView;
import io.weir.api.types.DataOutputView;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * Serializes {@link LocalDateTime} values as a date in the format of {@link LocalDateSerializer}
 * followed by a time in the format of {@link LocalTimeSerializer}.
 */
public final class LocalDateTimeSerializer extends ImmutableValueSerializer<LocalDateTime> {
    private static final long serialVersionUID = 1L;

    public static final LocalDateTimeSerializer INSTANCE = new LocalDateTimeSerializer();

    @Override
    public LocalDateTime createInstance() {
        return LocalDateTime.of(LocalDate.EPOCH, LocalTime.MIDNIGHT);
    }

    @Override
    public int getLength() {
        return 13;
    }

    @Override
    public void serialize(LocalDateTime record, DataOutputView target) throws IOException {
        LocalDateSerializer.writeDate(record.toLocalDate(), target);
        LocalTimeSerializer.writeTime(record.toLocalTime(), target);
    }

    @Override
    public LocalDateTime deserialize(DataInputView source) throws IOException {
        return LocalDateTime.of(LocalDateSerializer.readDate(source), LocalTimeSerializer.readTime(source));
    }
}
