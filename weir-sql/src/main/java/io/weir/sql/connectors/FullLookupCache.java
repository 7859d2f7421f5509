package io.weir.sql.connectors;

import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The full lookup cache ({@code 'lookup.cache' = 'FULL'}): the whole table, read when the join
 * opens and again every {@code lookup.full-cache.periodic-reload.interval} (Flink's PERIODIC
 * reload strategy), indexed by the lookup key. Every lookup is answered from memory, never by the
 * lookup function: a key the table does not hold finds no rows. Rows changed in the table show
 * from the next reload on.
 *
 * <p>Threading: used by the lookup join's task thread only. The reload runs on that thread, at
 * the first lookup after the interval has passed, so the join pauses while the table is read
 * (Flink reloads on a thread of its own and swaps the tables); the cache never mixes two reads.
 */
public final class FullLookupCache implements LookupCache {

    private static final long serialVersionUID = 1L;

    private final FullCacheLoader loader;
    private final int[] keyColumns;
    /** Zero: never reloaded. */
    private final Duration reloadInterval;
    private final Clock clock;
    private transient Map<Row, List<Row>> rowsByKey;
    private transient long loadedAt;
    private transient long loads;
    private transient long hits;
    private transient long misses;

    /**
     * @param keyColumns the lookup key's columns, as indices into the loaded rows, in the order of
     *     the key rows the join looks up
     */
    public FullLookupCache(FullCacheLoader loader, int[] keyColumns, Duration reloadInterval, Clock clock) {
        this.loader = loader;
        this.keyColumns = keyColumns.clone();
        this.reloadInterval = reloadInterval;
        this.clock = clock;
    }

    /** The same cache measuring the reload interval by {@code newClock} (tests pass a manual one). */
    public FullLookupCache withClock(Clock newClock) {
        return new FullLookupCache(loader, keyColumns, reloadInterval, newClock);
    }

    @Override
    public void open() {
        load();
    }

    private void load() {
        Collection<Row> rows;
        try {
            rows = loader.loadAll();
        } catch (IOException e) {
            throw new UncheckedIOException("Loading the full lookup cache failed: " + e.getMessage(), e);
        }
        Map<Row, List<Row>> index = new HashMap<>();
        for (Row row : rows) {
            Row key = new Row(RowKind.INSERT, keyColumns.length);
            for (int i = 0; i < keyColumns.length; i++) {
                key.setField(i, row.getField(keyColumns[i]));
            }
            index.computeIfAbsent(key, k -> new ArrayList<>(1)).add(row);
        }
        rowsByKey = index;
        loadedAt = clock.millis();
        loads++;
    }

    /** The key's rows, empty when the table has none: never null, so the function is never asked. */
    @Override
    public Collection<Row> getIfPresent(Row key) {
        if (!reloadInterval.isZero() && clock.millis() - loadedAt >= reloadInterval.toMillis()) {
            load();
        }
        List<Row> rows = rowsByKey.get(key);
        if (rows == null) {
            misses++;
            return List.of();
        }
        hits++;
        return rows;
    }

    /** Lookups of keys the table has. */
    @Override
    public long hitCount() {
        return hits;
    }

    /** Lookups of keys the table does not have (answered "no rows" all the same, without a query). */
    @Override
    public long missCount() {
        return misses;
    }

    /** Nothing to add: the cache holds the whole table. */
    @Override
    public void put(Row key, Collection<Row> rows) {
    }

    /** How many distinct keys the table has. */
    @Override
    public long size() {
        return rowsByKey.size();
    }

    /** How often the table has been read (1 after open). */
    public long loadCount() {
        return loads;
    }
}
