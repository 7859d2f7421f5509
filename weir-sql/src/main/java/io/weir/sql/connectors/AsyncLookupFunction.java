package io.weir.sql.connectors;

import io.weir.api.types.Row;
import java.io.IOException;
import java.io.Serializable;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;

/**
 * Finds a table's rows by key without blocking the join (Flink's {@code AsyncLookupFunction}): a
 * lookup join whose provider has one runs on Weir's async I/O operator, with up to
 * {@code table.exec.async-lookup.buffer-capacity} lookups in flight per subtask.
 *
 * <p>Threading: {@link #open}, {@link #asyncLookup} and {@link #close} are called by the join's task
 * thread; the returned future may complete on any thread.
 */
public abstract class AsyncLookupFunction implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Connects to the external system; called once before the first lookup. */
    public void open() throws IOException {
    }

    /**
     * Starts looking up the rows whose key columns equal {@code key}'s fields and returns at once;
     * the future completes with them ({@code +I} rows of the table's physical columns, possibly
     * none), or exceptionally when the lookup failed for good.
     */
    public abstract CompletableFuture<Collection<Row>> asyncLookup(Row key);

    /** Releases the connections; called once, also after a failure. */
    public void close() throws IOException {
    }
}
