package io.weir.api.eventtime;

/** Keeps the timestamp a record already has (from its source): the default of every strategy. */
public final class RecordTimestampAssigner<T> implements TimestampAssigner<T> {
    @Override
    public long extractTimestamp(T element, long recordTimestamp) {
        return recordTimestamp;
    }
}
