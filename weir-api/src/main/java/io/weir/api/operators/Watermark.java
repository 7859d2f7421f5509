package io.weir.api.operators;

/**
 * A watermark: the assertion that no more elements with a timestamp at or below {@link #getTimestamp()}
 * will arrive. {@link #MAX_WATERMARK} marks the end of event time (end of a bounded input).
 */
public final class Watermark {
    public static final Watermark MAX_WATERMARK = new Watermark(Long.MAX_VALUE);
    public static final Watermark UNINITIALIZED = new Watermark(Long.MIN_VALUE);

    private final long timestamp;

    public Watermark(long timestamp) {
        this.timestamp = timestamp;
    }

    public long getTimestamp() {
        return timestamp;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Watermark && ((Watermark) o).timestamp == timestamp;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(timestamp);
    }

    @Override
    public String toString() {
        return "Watermark @ " + timestamp;
    }
}
