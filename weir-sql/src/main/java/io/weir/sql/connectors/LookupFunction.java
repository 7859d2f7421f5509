package io.weir.sql.connectors;

import io.weir.api.types.Row;
import java.io.IOException;
import java.io.Serializable;
import java.util.Collection;

/**
 * Finds a table's rows by key (Flink's {@code LookupFunction}). A lookup join opens one per
 * subtask, calls {@link #lookup} for each probe row, and closes it when the job ends.
 *
 * <p>Threading: opened, called and closed by the join's task thread only. {@code lookup} blocks
 * that thread while it waits for the external system, so a slow lookup slows the job; a cache
 * ({@link LookupCache}) saves repeated lookups.
 */
public abstract class LookupFunction implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Connects to the external system; called once before the first lookup. */
    public void open() throws IOException {
    }

    /**
     * The rows whose key columns equal {@code key}'s fields (in the order of the key columns given
     * to {@link LookupTableSource#createLookup}), as {@code +I} rows of the table's physical
     * columns; empty when there is none. A failure that retries did not cure is thrown.
     */
    public abstract Collection<Row> lookup(Row key) throws IOException;

    /** Releases the connection; called once, also after a failure. */
    public void close() throws IOException {
    }
}
