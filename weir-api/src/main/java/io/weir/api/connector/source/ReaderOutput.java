package io.weir.api.connector.source;

/** Where a {@link SourceReader} emits records. */
public interface ReaderOutput<T> {
    /** Emits a record without an event timestamp (or with the one the timestamp assigner gives it). */
    void collect(T record);

    /** Emits a record with an event timestamp. */
    void collect(T record, long timestamp);
}
