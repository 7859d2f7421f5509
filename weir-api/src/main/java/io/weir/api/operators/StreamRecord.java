package io.weir.api.operators;

import java.util.Objects;

/**
 * One element of a stream: a value and, optionally, its event timestamp. Instances are reused by
 * the runtime on the hot path ({@link #replace}); copy the value if you keep it.
 */
public final class StreamRecord<T> {
    private T value;
    private long timestamp;
    private boolean hasTimestamp;

    public StreamRecord(T value) {
        this.value = value;
    }

    public StreamRecord(T value, long timestamp) {
        this.value = value;
        this.timestamp = timestamp;
        this.hasTimestamp = true;
    }

    public T getValue() {
        return value;
    }

    public long getTimestamp() {
        return hasTimestamp ? timestamp : Long.MIN_VALUE;
    }

    public boolean hasTimestamp() {
        return hasTimestamp;
    }

    /** Replaces the value, keeping the timestamp; returns this record retyped. */
    @SuppressWarnings("unchecked")
    public <X> StreamRecord<X> replace(X element) {
        this.value = (T) element;
        return (StreamRecord<X>) this;
    }

    /** Replaces value and timestamp; returns this record retyped. */
    @SuppressWarnings("unchecked")
    public <X> StreamRecord<X> replace(X element, long timestamp) {
        this.value = (T) element;
        this.timestamp = timestamp;
        this.hasTimestamp = true;
        return (StreamRecord<X>) this;
    }

    public void setTimestamp(long timestamp) {
        this.timestamp = timestamp;
        this.hasTimestamp = true;
    }

    public void eraseTimestamp() {
        this.hasTimestamp = false;
    }

    /** Takes over the timestamp (or its absence) of another record. */
    public void copyTimestampFrom(StreamRecord<?> other) {
        this.timestamp = other.timestamp;
        this.hasTimestamp = other.hasTimestamp;
    }

    /** A new record with the same timestamp and the given value. */
    public <X> StreamRecord<X> copy(X valueCopy) {
        StreamRecord<X> copy = new StreamRecord<>(valueCopy);
        copy.copyTimestampFrom(this);
        return copy;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof StreamRecord)) {
            return false;
        }
        StreamRecord<?> that = (StreamRecord<?>) o;
        return hasTimestamp == that.hasTimestamp
                && (!hasTimestamp || timestamp == that.timestamp)
                && Objects.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        int h = Objects.hashCode(value);
        return hasTimestamp ? 31 * h + Long.hashCode(timestamp) : h;
    }

    @Override
    public String toString() {
        return "Record @ " + (hasTimestamp ? String.valueOf(timestamp) : "(undef)") + " : " + value;
    }
}
