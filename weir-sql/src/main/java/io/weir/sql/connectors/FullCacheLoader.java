package io.weir.sql.connectors;

import io.weir.api.types.Row;
import java.io.IOException;
import java.io.Serializable;
import java.util.Collection;

/**
 * Reads a whole lookup table for the full cache ({@code 'lookup.cache' = 'FULL'}, Flink's
 * {@code FullCachingLookupProvider} scan): every row of its physical columns, as {@code +I} rows.
 */
@FunctionalInterface
public interface FullCacheLoader extends Serializable {

    /** All rows of the table as it is now; a failure is thrown, naming the table. */
    Collection<Row> loadAll() throws IOException;
}
