package io.weir.api.connector.source.lib;

import io.weir.api.connector.source.ReaderOutput;
import io.weir.api.connector.source.SourceOutput;
import io.weir.api.eventtime.Watermark;
import java.util.ArrayList;
import java.util.List;

/**
 * A reader output for reader tests: keeps every record, ignores watermarks and idleness. Other modules
 * use it through weir-api's test jar.
 */
public final class CollectingReaderOutput<T> implements ReaderOutput<T> {
    private final List<T> values = new ArrayList<>();

    /** The records collected so far, in order (the live list). */
    public List<T> values() {
        return values;
    }

    @Override
    public void collect(T record) {
        values.add(record);
    }

    @Override
    public void collect(T record, long timestamp) {
        values.add(record);
    }

    @Override
    public SourceOutput<T> createOutputForSplit(String splitId) {
        return this;
    }

    @Override
    public void releaseOutputForSplit(String splitId) {}

    @Override
    public void emitWatermark(Watermark watermark) {}

    @Override
    public void markIdle() {}

    @Override
    public void markActive() {}
}
