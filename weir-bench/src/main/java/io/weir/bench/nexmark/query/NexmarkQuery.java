package io.weir.bench.nexmark.query;

import io.weir.api.datastream.DataStream;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.bench.nexmark.Event;
import io.weir.bench.nexmark.NexmarkConfig;
import io.weir.bench.nexmark.NexmarkSource;
import java.io.Serializable;

/**
 * One Nexmark query written with the DataStream API: how it is built on the stream of events, and
 * how one result is written in the canonical row form ({@code shared/nexmark.md}: fields joined by
 * '|', timestamps as epoch milliseconds, decimals in plain notation with their scale), the form the
 * Flink anchor harness's {@code ref} mode writes.
 *
 * @param <R> the type of the query's results
 */
public abstract class NexmarkQuery<R> implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final String description;

    protected NexmarkQuery(String name, String description) {
        this.name = name;
        this.description = description;
    }

    public final String name() {
        return name;
    }

    public final String description() {
        return description;
    }

    /** The source of the events this query reads. */
    public NexmarkSource source(NexmarkConfig config, long events) {
        return NexmarkSource.of(config, events);
    }

    /**
     * How the source stamps events with time: no watermarks for the stateless queries; the
     * event-time queries override it with the SQL's {@code WATERMARK FOR dateTime AS dateTime - 4 s}.
     */
    public WatermarkStrategy<Event> watermarkStrategy() {
        return WatermarkStrategy.noWatermarks();
    }

    /** Adds the query's operators after {@code events} and returns the stream of results. */
    public abstract DataStream<R> build(DataStream<Event> events);

    /** {@code result} in the canonical row form, without a line break. */
    public abstract String canonicalRow(R result);

    /**
     * For a query whose stream updates its results (an upsert stream, as Flink SQL's aggregates
     * without windows), the key a later result replaces an earlier one of; {@code null} (the
     * default) for a query whose results are only ever appended. The canonical result keeps the
     * last result per key: that is the final result after applying the retractions.
     */
    public Object upsertKey(R result) {
        return null;
    }

    @Override
    public String toString() {
        return name;
    }
}
