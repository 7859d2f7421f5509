package io.weir.api.eventtime;

import java.io.Serializable;

/**
 * A watermark as a {@link WatermarkGenerator} emits it: event time has progressed to
 * {@link #getTimestamp()}, so no more records at or before it are expected. (The runtime turns it
 * into the stream element {@code io.weir.api.operators.Watermark}.)
 */
public final class Watermark implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The watermark that ends event time. */
    public static final Watermark MAX_WATERMARK = new Watermark(Long.MAX_VALUE);

    private final long timestamp;

    public Watermark(long timestamp) {
        this.timestamp = timestamp;
    }

    public long getTimestamp() {
        return timestamp;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Watermark other && other.timestamp == timestamp;
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
