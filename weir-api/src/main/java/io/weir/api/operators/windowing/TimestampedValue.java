package io.weir.api.operators.windowing;

import io.weir.api.operators.StreamRecord;
import java.util.Objects;

/** A window element with its timestamp, as an {@code Evictor} sees it. */
public final class TimestampedValue<T> {
    private final T value;
    private final long timestamp;
    private final boolean hasTimestamp;

    public TimestampedValue(T value) {
        this.value = value;
        this.timestamp = 0;
        this.hasTimestamp = false;
    }

    public TimestampedValue(T value, long timestamp) {
        this.value = value;
        this.timestamp = timestamp;
        this.hasTimestamp = true;
    }

    public static <T> TimestampedValue<T> from(StreamRecord<T> record) {
        return record.hasTimestamp() ? new TimestampedValue<>(record.getValue(), record.getTimestamp())
                : new TimestampedValue<>(record.getValue());
    }

    public T getValue() {
        return value;
    }

    public long getTimestamp() {
        return timestamp;
    }

    public boolean hasTimestamp() {
        return hasTimestamp;
    }

    public StreamRecord<T> getStreamRecord() {
        return hasTimestamp ? new StreamRecord<>(value, timestamp) : new StreamRecord<>(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimestampedValue<?> other && other.hasTimestamp == hasTimestamp
                && other.timestamp == timestamp && Objects.equals(other.value, value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, timestamp, hasTimestamp);
    }

    @Override
    public String toString() {
        return hasTimestamp ? value + "@" + timestamp : String.valueOf(value);
    }
}
