package io.weir.api.eventtime;

/** Gives each event its event timestamp (epoch milliseconds). */
@FunctionalInterface
public interface TimestampAssigner<T> {
    /** The {@code recordTimestamp} passed when the record has none. */
    long NO_TIMESTAMP = Long.MIN_VALUE;

    /**
     * @param recordTimestamp the timestamp the record has so far (from its source), or
     *     {@link #NO_TIMESTAMP}
     */
    long extractTimestamp(T element, long recordTimestamp);
}
