package io.weir.api.connector.source;

/**
 * Where a {@link SourceReader} emits records. A reader that reads several splits should emit each
 * split's records through {@link #createOutputForSplit}: every split then gets its own watermark
 * generator, and the reader's watermark is the minimum over its splits (idle splits excluded), so
 * a split that is behind does not produce late data. Records emitted directly here share one
 * generator.
 */
public interface ReaderOutput<T> extends SourceOutput<T> {
    /** Emits a record without an event timestamp (or with the one the timestamp assigner gives it). */
    @Override
    void collect(T record);

    /** Emits a record with an event timestamp. */
    @Override
    void collect(T record, long timestamp);

    /**
     * The output for one split, created on first call (later calls return the same output). Its
     * watermark holds back the reader's until it is released or marked idle.
     */
    SourceOutput<T> createOutputForSplit(String splitId);

    /** The split is finished: its output no longer holds back the reader's watermark. */
    void releaseOutputForSplit(String splitId);
}
