package io.weir.api.connector.source;

import io.weir.api.eventtime.WatermarkOutput;

/**
 * Where a source reader emits the records of one split (or of all splits, as the
 * {@link ReaderOutput}): each record goes through the source's timestamp assigner and watermark
 * generator. A reader may also emit watermarks and idleness itself.
 */
public interface SourceOutput<T> extends WatermarkOutput {
    /** Emits a record without a timestamp from the source (the timestamp assigner may give it one). */
    void collect(T record);

    /** Emits a record with the timestamp the source knows for it (e.g. a Kafka record's). */
    void collect(T record, long timestamp);
}
