package io.weir.sql.connectors;

import io.weir.api.types.Row;
import java.io.Serializable;
import java.util.Collection;

/**
 * A cache of a {@link LookupFunction}'s answers by key (Flink's {@code LookupCache}). It is
 * serialized into the job with its settings and {@link #open opened} once per subtask; each subtask
 * has its own.
 *
 * <p>Threading: used by the lookup join's task thread only.
 */
public interface LookupCache extends Serializable {

    /** Prepares the (empty) cache; called once before the first lookup. */
    void open();

    /** The cached rows of {@code key}, or null when the key is not cached (or its entry expired). */
    Collection<Row> getIfPresent(Row key);

    /** Caches the rows looked up for {@code key} (possibly none). */
    void put(Row key, Collection<Row> rows);

    /** How many keys are cached. */
    long size();

    /** How many lookups the cache answered (Flink's {@code hitCount} metric). */
    long hitCount();

    /** How many lookups it could not answer, so the function was asked (Flink's {@code missCount}). */
    long missCount();
}
